"""What a test does when a piece of infrastructure it needs is missing (PostgreSQL, Redis,
gunicorn's services, chromium, axe-core, vnu-jar and its Java).

On a contributor's machine the test is skipped with one line naming what is missing: the rest
of the suite is still worth running. In CI (`CI=true` or `CI=1`, as CI services set it) the
same line fails the test instead, because there a skip would turn "this leg never ran" into a
green build: CI is where every leg must run.
"""

import os

import pytest


def in_ci(environ=None):
    """Whether this run is CI's, from the `CI` variable that CI services set."""
    value = (os.environ if environ is None else environ).get("CI", "")
    return value.strip().lower() in ("true", "1")


def missing(reason):
    """Stop the current test because `reason` (what is missing, and how to get it) holds:
    a failure in CI, a skip elsewhere. Never returns."""
    if in_ci():
        pytest.fail(f"{reason} [CI=true: missing infrastructure fails]", pytrace=False)
    pytest.skip(reason)
