from tests.projects.conftest import world  # noqa: F401 - the project listing tests' organisation
