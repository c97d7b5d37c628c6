from tests.news.conftest import HIDDEN, world  # noqa: F401 - the listing tests' organisation

__all__ = ["HIDDEN"]
