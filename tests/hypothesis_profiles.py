"""Hypothesis profiles for the fuzz tests: `ci` is bounded and deterministic, `dev` (the default) explores more.

`.ci/run` exports HYPOTHESIS_PROFILE=ci; `HYPOTHESIS_PROFILE=thorough make test-fast` is for a deliberate
fuzzing session. Fuzz tests that run a real `mkdocs build` per example scale their count down from
`max_examples` with `build_examples()`, because one build costs as much as ~50 in-process examples.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}

# ~45 s of fuzzing on 2 cores; derandomized so a CI failure reproduces on the next run.
settings.register_profile("ci", max_examples=150, derandomize=True, database=None, print_blob=True, **_COMMON)
settings.register_profile("dev", max_examples=100, **_COMMON)
settings.register_profile("thorough", max_examples=1000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def build_examples() -> int:
    """Examples for tests that run one real `mkdocs build` each: ci 9, dev 6, thorough 50."""
    return max(3, min(50, settings.default.max_examples // 16))
