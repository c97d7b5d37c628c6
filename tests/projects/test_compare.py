"""Compare shows a project's implementers and donors, and a document's issuers and files, in
their order — for a working draft against the live version and for two revisions."""

import pytest
from django.urls import reverse
from reversion.models import Version

from core.publishing import Status
from tests.factories import DocumentFactory, DonorFactory, ProjectFactory, StructureFactory
from tests.news.admin.editorial_steps import opened, press

pytestmark = pytest.mark.django_db


def changes_of(response):
    assert response.status_code == 200
    return {change.label: (change.before, change.after) for change in response.context["changes"]}


@pytest.fixture
def bodies():
    return {
        "osce": StructureFactory(name="Mission to Skopje"),
        "odihr": StructureFactory(name="ODIHR office"),
        "germany": DonorFactory(name="Germany"),
        "norway": DonorFactory(name="Norway"),
    }


def reordered_with_a_donor(data, bodies):
    """The implementers' order swapped (relative numbers, as an editor types them) and a
    second donor added."""
    return {
        **data,
        "implementers-0-position": "5",
        "implementers-1-position": "1",
        "donor_links-TOTAL_FORMS": "2",
        "donor_links-1-id": "",
        "donor_links-1-donor": str(bodies["norway"].pk),
        "donor_links-1-position": "1",
    }


def test_the_draft_compare_shows_the_implementers_order_and_a_new_donor(client, editor, bodies):
    project = ProjectFactory(
        title_en="Border security",
        implemented_by=[bodies["osce"], bodies["odihr"]],
        donors=[bodies["germany"]],
    )
    client.force_login(editor)
    data = reordered_with_a_donor(opened(client, project), bodies)
    assert press(client, project, data, "_save_draft").status_code == 302
    assert project.ordered_implementers == [bodies["osce"], bodies["odihr"]], "live unchanged"

    changes = changes_of(client.get(f"/admin/projects/project/{project.pk}/draft/compare/"))
    assert changes == {
        "Implemented by": ("Mission to Skopje, ODIHR office", "ODIHR office, Mission to Skopje"),
        "Donors": ("Germany", "Germany, Norway"),
    }


def test_the_revision_compare_shows_the_implementers_and_donors(client, publisher, bodies):
    project = ProjectFactory(
        status=Status.DRAFT,
        implemented_by=[bodies["osce"], bodies["odihr"]],
        donors=[bodies["germany"]],
    )
    client.force_login(publisher)
    assert press(client, project, opened(client, project), "_save").status_code == 302
    data = reordered_with_a_donor(opened(client, project), bodies)
    assert press(client, project, data, "_save").status_code == 302
    first, second = Version.objects.get_for_object(project).order_by("pk")
    compare = reverse("admin:projects_project_compare", args=[project.pk])
    changes = changes_of(client.get(compare, {"before": first.pk, "after": second.pk}))
    assert changes == {
        "Implemented by": ("Mission to Skopje, ODIHR office", "ODIHR office, Mission to Skopje"),
        "Donors": ("Germany", "Germany, Norway"),
    }
    unchanged = changes_of(client.get(compare, {"before": second.pk, "after": second.pk}))
    assert unchanged == {}


def test_the_draft_compare_shows_a_documents_issuers_and_a_removed_file(client, editor, bodies):
    document = DocumentFactory(
        issued_by=[bodies["osce"]], files={"en": "English text", "ru": "Русский текст"}
    )
    client.force_login(editor)
    data = opened(client, document)
    data.update(
        {
            "issuers-0-structure": str(bodies["odihr"].pk),
            "files-1-DELETE": "on",
        }
    )
    assert press(client, document, data, "_save_draft").status_code == 302
    changes = changes_of(client.get(f"/admin/documents/document/{document.pk}/draft/compare/"))
    assert changes["Issued by"] == ("Mission to Skopje", "ODIHR office")
    files_before, files_after = changes["Files (one per language)"]
    assert files_before.startswith("en · documents/") and ", ru · documents/" in files_before
    assert files_after.startswith("en · documents/") and "ru" not in files_after
