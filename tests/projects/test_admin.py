"""Projects in the admin: editors write drafts, publishers publish (PublishingAdmin), the
inlines keep their order, form errors are clear, revisions are kept."""

import pytest
from django.urls import reverse
from reversion.models import Version

from core.publishing import Status
from editorial.models import WorkingDraft
from projects.models import Project
from tests.factories import DonorFactory, ProjectFactory, StructureFactory
from tests.news.admin.editorial_steps import opened, press
from tests.news.admin.helpers import management_form, publishing_fields

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:projects_project_add")


def project_post(implementers, donors=(), **fields):
    data = {
        "title_en": "Intelligence-led Policing",
        "slug": "intelligence-led-policing",
        "number": "",
        "summary_en": "Guidebook and training.",
        "description_en": "<p>Description.</p>",
        "start_date": "2017-01-01",
        "end_date": "2020-12-31",
        "funding": "extra-budgetary",
        "budget": "1250000",
        "source_url": "",
        "in_language_en": "on",
        **management_form("implementers", len(implementers)),
        **management_form("donor_links", len(donors)),
    }
    data["donor_links-MIN_NUM_FORMS"] = "0"
    for index, structure in enumerate(implementers):
        data[f"implementers-{index}-structure"] = str(structure.pk)
        data[f"implementers-{index}-position"] = str(index)
    for index, donor in enumerate(donors):
        data[f"donor_links-{index}-donor"] = str(donor.pk)
        data[f"donor_links-{index}-position"] = str(index)
    data.update(fields)
    return data


def test_an_editor_saves_a_draft_in_order_even_when_asking_to_publish(client, editor):
    spmu, cpc = StructureFactory(name="SPMU"), StructureFactory(name="CPC")
    norway, germany = DonorFactory(name="Norway"), DonorFactory(name="Germany")
    client.force_login(editor)
    response = client.post(
        ADD_URL, project_post([spmu, cpc], [norway, germany], **publishing_fields())
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    project = Project.objects.get()
    assert project.status == Status.DRAFT
    assert project.author == editor
    assert project.ordered_implementers == [spmu, cpc]
    assert project.ordered_donors == [norway, germany]
    assert Version.objects.get_for_object(project).count() == 1


def test_a_publisher_publishes(client, publisher):
    client.force_login(publisher)
    response = client.post(
        ADD_URL, project_post([StructureFactory()], **publishing_fields(date="2020-01-01"))
    )
    assert response.status_code == 302
    assert Project.objects.published().count() == 1


def test_an_editors_change_of_a_live_project_is_a_working_draft(client, editor):
    project = ProjectFactory(implemented_by=[StructureFactory()])
    client.force_login(editor)
    response = press(client, project, opened(client, project), "_save", title_en="Changed")
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title != "Changed"
    assert WorkingDraft.objects.for_object(project).get().data["title_en"] == ["Changed"]


def test_an_end_before_the_start_is_a_form_error(client, publisher):
    client.force_login(publisher)
    response = client.post(
        ADD_URL, project_post([StructureFactory()], start_date="2021-01-01", end_date="2020-01-01")
    )
    assert response.status_code == 200
    assert "The project cannot end before it starts" in response.text
    assert not Project.objects.exists()


def test_a_project_needs_an_implementing_structure(client, publisher):
    client.force_login(publisher)
    response = client.post(ADD_URL, project_post([]))
    assert response.status_code == 200
    assert "Add at least one implementing structure" in response.text


def test_a_donor_listed_twice_is_refused(client, publisher):
    norway = DonorFactory(name="Norway")
    client.force_login(publisher)
    response = client.post(ADD_URL, project_post([StructureFactory()], [norway, norway]))
    assert response.status_code == 200
    assert "Norway is listed twice" in response.text


def test_the_change_list_searches_and_filters(client, publisher):
    ProjectFactory(title="Border security", number="1100567")
    ProjectFactory(title="Elections")
    client.force_login(publisher)
    url = reverse("admin:projects_project_changelist")
    assert "Border security" in client.get(url + "?q=1100567").text
    assert "Elections" not in client.get(url + "?q=1100567").text
    assert client.get(url + "?funding__exact=unified-budget").status_code == 200
