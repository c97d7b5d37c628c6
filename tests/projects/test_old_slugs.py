"""A project whose slug changed while it was public answers 301 at its old address (redirects/)."""

import pytest

from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_a_renamed_projects_old_address_redirects_in_its_language(client):
    project = ProjectFactory(slug="ilp-project")
    project.slug = "intelligence-led-policing"
    project.save()

    response = client.get("/ru/projects/ilp-project/?utm=x")

    assert response.status_code == 301
    assert response["Location"] == "/ru/projects/intelligence-led-policing/"
    assert client.get("/projects/never-was/").status_code == 404
