"""Every admin save keeps a revision; the history compares two and restores one exactly.
Who may restore what: test_restore.py; stale forms: test_stale_save.py."""

import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from core.publishing import Status
from tests.factories import DocumentFactory, StructureFactory, add_pdf
from tests.news.admin.helpers import REASON
from tests.security.forms import form_data
from tests.security.revision_steps import (
    CHANGELIST_URL,
    create_item,
    edit,
    snapshot,
    url,
    versions_of,
)


def test_every_admin_save_keeps_a_revision_with_its_author(publisher_client, publisher, tags):
    item = create_item(publisher_client, tags)
    assert edit(publisher_client, item, title="Second title").status_code == 302
    versions = versions_of(item)
    assert len(versions) == 2
    assert [v.revision.user for v in versions] == [publisher, publisher]
    assert versions[0].field_dict["title_en"] == "Training for border police"
    assert versions[1].field_dict["title_en"] == "Second title"
    # The item's issuers are kept with it.
    issuer_versions = versions[1].revision.version_set.exclude(pk=versions[1].pk)
    assert [v.field_dict["structure_id"] for v in issuer_versions] == [tags["structure"].pk]


def test_history_lists_revisions_newest_first_with_compare_and_restore_links(
    publisher_client, tags
):
    item = create_item(publisher_client, tags)
    edit(publisher_client, item, title="Second title")
    first, second = versions_of(item)
    html = publisher_client.get(url("history", item.pk)).content.decode()
    assert html.index(url("revision", item.pk, second.pk)) < html.index(
        url("revision", item.pk, first.pk)
    )
    assert f'action="{url("compare", item.pk)}"' in html
    assert f'name="before" value="{first.pk}"' in html


def test_compare_shows_each_changed_field_with_its_words_marked(publisher_client, tags):
    item = create_item(publisher_client, tags, teaser="Police officers trained in Vienna.")
    edit(
        publisher_client,
        item,
        title="Border police trained",
        teaser="Police officers trained in Skopje.",
        countries=[str(tags["country"].pk)],
        **{"issuers-0-structure": str(tags["second_structure"].pk)},
    )
    first, second = versions_of(item)
    response = publisher_client.get(
        url("compare", item.pk), {"before": second.pk, "after": first.pk}
    )
    assert response.status_code == 200
    changes = {change.label: change for change in response.context["changes"]}
    assert set(changes) == {"Title [en]", "Teaser [en]", "Countries", "Issued by"}
    assert (changes["Countries"].before, changes["Countries"].after) == ("", "Serbia")
    assert (changes["Issued by"].before, changes["Issued by"].after) == (
        "Secretariat",
        "ODIHR office",
    )
    html = response.content.decode()
    assert "<del>Vienna.</del>" in html
    assert "<ins>Skopje.</ins>" in html


def test_compare_shows_a_changed_link_and_a_heading_turned_into_a_paragraph(publisher_client, tags):
    item = create_item(
        publisher_client,
        tags,
        body='<h2>Findings</h2><p>Read <a href="https://www.osce.org/report">the report</a>.</p>',
    )
    edit(
        publisher_client,
        item,
        body='<p>Findings</p><p>Read <a href="https://evil.example/report">the report</a>.</p>',
    )
    first, second = versions_of(item)
    response = publisher_client.get(
        url("compare", item.pk), {"before": first.pk, "after": second.pk}
    )
    changes = {change.label: change for change in response.context["changes"]}
    assert set(changes) == {"Body [en]"}
    html = response.content.decode()
    assert "<del>&lt;h2&gt;</del> Findings <del>&lt;/h2&gt;</del>" in html
    assert "<ins>&lt;p&gt;</ins> Findings <ins>&lt;/p&gt;</ins>" in html
    assert "<del>href=&quot;https://www.osce.org/report&quot;&gt;</del>" in html
    assert "<ins>href=&quot;https://evil.example/report&quot;&gt;</ins>" in html
    assert "the same in every field" not in html


def test_compare_escapes_what_editors_typed(publisher_client, tags):
    item = create_item(publisher_client, tags)
    edit(publisher_client, item, title='<img src=x onerror="alert(1)">')
    first, second = versions_of(item)
    html = publisher_client.get(
        url("compare", item.pk), {"before": first.pk, "after": second.pk}
    ).content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"before": "x", "after": "1"},
        {"before": "99999999"},
        {"before": "9" * 30, "after": "-1"},
    ],
)
def test_compare_with_missing_or_foreign_revisions_goes_back_to_the_history(
    publisher_client, tags, query
):
    item = create_item(publisher_client, tags)
    response = publisher_client.get(url("compare", item.pk), query)
    assert response.status_code == 302
    assert response["Location"] == url("history", item.pk)


# Committed transactions, as in production: the row lock taken on save needs a real one.
@pytest.mark.django_db(transaction=True)
def test_restore_brings_back_the_revision_exactly(publisher_client, tags):
    item = create_item(publisher_client, tags, teaser="First teaser.", body="<p>First body.</p>")
    original = snapshot(item)
    edit(
        publisher_client,
        item,
        title="Changed title",
        teaser="Changed teaser.",
        body="<p>Changed <strong>body</strong>.</p>",
        fields_of_work=[],
        countries=[str(tags["country"].pk)],
        **{"issuers-0-structure": str(tags["second_structure"].pk)},
    )
    assert snapshot(item) != original
    first = versions_of(item)[0]

    restore_form = publisher_client.get(url("revision", item.pk, first.pk))
    assert restore_form.status_code == 200
    assert snapshot(item) != original, "opening a revision must not change the item"
    response = publisher_client.post(
        url("revision", item.pk, first.pk), form_data(restore_form, "newsitem_form")
    )
    assert response.status_code == 302
    assert snapshot(item) == original
    assert len(versions_of(item)) == 3
    assert "Reverted" in versions_of(item)[-1].revision.get_comment()


def test_restore_of_a_document_brings_back_its_deleted_files(client, publisher):
    client.force_login(publisher)
    document = DocumentFactory(status=Status.DRAFT, issued_by=[StructureFactory()])
    with reversion.create_revision():
        document.save()
        add_pdf(document, "ru", "Текст")
    change_url = reverse("admin:documents_document_change", args=[document.pk])
    data = form_data(client.get(change_url), "document_form")
    data["files-0-DELETE"] = "on"
    assert client.post(change_url, data).status_code == 302
    assert not document.files.exists()

    first = Version.objects.get_for_object(document).order_by("pk").first()
    revision_url = reverse("admin:documents_document_revision", args=[document.pk, first.pk])
    response = client.post(revision_url, form_data(client.get(revision_url), "document_form"))
    assert response.status_code == 302
    assert list(document.files.values_list("language", flat=True)) == ["ru"]


def test_bulk_publish_records_one_revision_per_item(publisher_client, tags):
    first = create_item(publisher_client, tags)
    second = create_item(publisher_client, tags, slug="second-item", title="Second")
    response = publisher_client.post(
        CHANGELIST_URL,
        {"action": "publish_selected", **REASON, "_selected_action": [first.pk, second.pk]},
    )
    assert response.status_code == 302
    for item in (first, second):
        latest = versions_of(item)[-1]
        assert latest.field_dict["status"] == Status.PUBLISHED
        items_in_revision = latest.revision.version_set.filter(
            content_type__model="newsitem"
        ).values_list("object_id", flat=True)
        assert list(items_in_revision) == [str(item.pk)]
