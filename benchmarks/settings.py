"""The product's settings with a URLconf that adds the benchmark's reference view (/bench/trivial/)."""

from goteborg_uppdrag.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
