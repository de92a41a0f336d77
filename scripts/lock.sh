#!/usr/bin/env bash
# Writes the two lock files from pyproject.toml's ranges, every version pinned with its hashes:
#   requirements.lock       the runtime dependencies (what `make run` and `make serve` install)
#   requirements-test.lock  the "test" and "lint" extras, on top of requirements.lock and without
#                           repeating it (what `make test` and `make lint` add)
# The versions already in the lock files are kept where the ranges allow (uv prefers them), so
# regenerating changes nothing until asked: scripts/lock.sh --upgrade-package NAME moves one package,
# scripts/lock.sh --upgrade moves all. uv runs from a throwaway venv, not from the project's.
set -euo pipefail
cd "$(dirname "$0")/.."

TOOL_VENV="${LOCK_TOOL_VENV:-${TMPDIR:-/tmp}/goteborg-uppdrag-lockvenv}"
UV_VERSION="0.13.9"
if [ ! -x "$TOOL_VENV/bin/uv" ] || [ "$("$TOOL_VENV/bin/uv" --version | cut -d' ' -f2)" != "$UV_VERSION" ]; then
  python3 -m venv "$TOOL_VENV"
  "$TOOL_VENV/bin/pip" install -q "uv==$UV_VERSION"
fi
UV="$TOOL_VENV/bin/uv"
# Only PyPI, whatever this machine's pip configuration adds: the hashes must be PyPI's.
COMMON=(--universal --python-version 3.11 --generate-hashes --index-url https://pypi.org/simple
        --no-config --quiet --custom-compile-command "scripts/lock.sh")

"$UV" pip compile "${COMMON[@]}" "$@" pyproject.toml -o requirements.lock
sed -i '1i # The runtime dependencies:\n#    pip install --require-hashes -r requirements.lock' requirements.lock

runtime_packages=()
while read -r name; do
  runtime_packages+=(--no-emit-package "$name")
done < <(grep -oE '^[A-Za-z0-9._-]+==' requirements.lock | sed 's/==$//')

"$UV" pip compile "${COMMON[@]}" "$@" pyproject.toml --extra test --extra lint -c requirements.lock \
  "${runtime_packages[@]}" -o requirements-test.lock
sed -i '1i # The test and lint tools, on top of requirements.lock (whose packages are not repeated here):\n#    pip install --require-hashes -r requirements.lock -r requirements-test.lock' requirements-test.lock
