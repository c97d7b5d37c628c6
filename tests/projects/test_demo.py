"""`seed_demo` makes realistic projects on the real taxonomy, replaced by the next run."""

from io import StringIO

import pytest
from django.core.management import call_command

from demo.marks import DEMO_URL_PREFIX
from projects.models import Funding, Project, ProjectStatus
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def seed():
    out = StringIO()
    call_command("seed_demo", news=40, seed=2, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_demo_has_the_seed_pages_project_and_a_realistic_mix(taxonomy):
    assert "12 projects" in seed()
    ilp = Project.objects.with_listing_relations().get(slug="demo-intelligence-led-policing")
    assert ilp.lead_implementer.acronym == "SPMU"
    assert [donor.name for donor in ilp.ordered_donors][:2] == ["Norway", "Germany"]
    assert ilp.project_status == ProjectStatus.COMPLETED
    assert (ilp.start_date.year, ilp.end_date.year) == (2017, 2020)
    assert ilp.title_ru and ilp.in_language_ru
    public = list(Project.objects.published())
    statuses = {project.project_status for project in public}
    assert statuses == set(ProjectStatus)
    assert {project.funding for project in public} == set(Funding)
    assert any(project.donors.count() >= 3 for project in public)
    for project in public:
        project.full_clean()


def test_a_new_run_replaces_the_demo_projects_and_keeps_editors(taxonomy):
    seed()
    own = ProjectFactory(title="An editor's project", slug="editors-project")
    seed()
    assert Project.objects.filter(source_url__startswith=DEMO_URL_PREFIX).count() == 12
    assert Project.objects.filter(pk=own.pk).exists()


def test_the_demo_projects_are_listed_with_counts(client, taxonomy):
    seed()
    response = client.get("/projects/?field_of_work=policing")
    assert response.status_code == 200
    assert "Intelligence-led Policing" in response.text
    assert client.get("/ru/projects/").status_code == 200


def test_some_demo_projects_show_a_painted_picture_from_the_public_storage(client, taxonomy):
    seed()
    pictured = Project.objects.published().exclude(image="")
    assert 0 < pictured.count() < Project.objects.published().count()
    ilp = pictured.get(slug="demo-intelligence-led-policing")
    assert ilp.image_renditions["public"] is True
    assert ilp.image_alt_ru and ilp.image_caption_en
    html = client.get(ilp.get_absolute_url()).text
    assert '<figure class="picture picture--hero">' in html
    assert "/media/renditions/" in html
