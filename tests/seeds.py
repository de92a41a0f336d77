"""Where the seed documents are: $SEEDS_DIR, else ../shared/seeds beside the checkout, else /work/shared/seeds.

CI runs on a clean clone that may not sit beside shared/; the product itself never reads them.
"""

import os
from pathlib import Path

_REPO = Path(__file__).resolve().parents[1]
_CANDIDATES = [
    Path(os.environ["SEEDS_DIR"]) if os.environ.get("SEEDS_DIR") else None,
    _REPO.parent / "shared" / "seeds",
    Path("/work/shared/seeds"),
]
SEEDS = next((p for p in _CANDIDATES if p is not None and p.is_dir()), _REPO.parent / "shared" / "seeds")
