"""Preview of an add form never saved (news.admin.preview): the item, its rows, a revision or a
history line exist only inside the rolled-back transaction, in every language."""

import re

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from core.content_state import state_key
from documents.models import Document, DocumentIssuer, DocumentType
from news.models import NewsItem, NewsItemIssuer
from projects.models import Project, ProjectDonor, ProjectImplementer
from tests.factories import DonorFactory, StructureFactory
from tests.security.forms import form_data


def add_form(client, model):
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
    page = client.get(url)
    assert page.status_code == 200
    assert f"{url}preview/" in page.text, "the add form has its Preview button"
    data = form_data(page, f"{opts.model_name}_form")
    data.pop("_save", None)
    return f"{url}preview/", data


def rows():
    return (
        NewsItem.objects.count(),
        NewsItemIssuer.objects.count(),
        Project.objects.count(),
        ProjectImplementer.objects.count(),
        ProjectDonor.objects.count(),
        Document.objects.count(),
        DocumentIssuer.objects.count(),
        Version.objects.count(),
        LogEntry.objects.count(),
        state_key(),
    )


def typed(model, structure, donor=None):
    if model is NewsItem:
        return {
            "title_en": "Unsaved news title",
            "title_ru": "Несохранённый заголовок",
            "in_language_ru": "on",
            "slug": "unsaved-news",
            "body_en": "<p>Unsaved body.</p>",
            "issuers-TOTAL_FORMS": "1",
            "issuers-0-structure": str(structure.pk),
            "issuers-0-position": "0",
        }
    if model is Project:
        return {
            "title_en": "Unsaved project title",
            "title_ru": "Несохранённый заголовок",
            "in_language_ru": "on",
            "slug": "unsaved-project",
            "start_date": "2024-01-01",
            "end_date": "2026-12-31",
            "funding": "extra-budgetary",
            "implementers-TOTAL_FORMS": "1",
            "implementers-0-structure": str(structure.pk),
            "implementers-0-position": "0",
            "donor_links-TOTAL_FORMS": "1",
            "donor_links-0-donor": str(donor.pk),
            "donor_links-0-position": "0",
        }
    kind = DocumentType.objects.get_or_create(slug="report", defaults={"name": "Report"})[0]
    return {
        "document_type": str(kind.pk),
        "title_en": "Unsaved document title",
        "title_ru": "Несохранённый заголовок",
        "in_language_ru": "on",
        "slug": "unsaved-document",
        "publication_date": "2024-01-01",
        "issuers-TOTAL_FORMS": "1",
        "issuers-0-structure": str(structure.pk),
        "issuers-0-position": "0",
    }


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("model", [NewsItem, Project, Document])
def test_an_unsaved_new_item_previews_in_every_language_and_nothing_is_kept(
    model, editor, publisher
):
    structure = StructureFactory(name="Office of the unsaved item")
    donor = DonorFactory(name="Donor of the unsaved project")
    typed(model, structure, donor)  # its taxonomy made before counting
    for user in (editor, publisher):
        client = Client()
        client.force_login(user)
        url, data = add_form(client, model)
        before = rows()
        sent = client.post(url, {**data, **typed(model, structure, donor)})
        assert sent.status_code == 302
        english = client.get(sent["Location"])
        assert english.status_code == 200, english.text[:2000]
        title = typed(model, structure, donor)["title_en"]
        assert title in english.text, re.findall(r"<li>(.*?)</li>", english.text)[-8:]
        assert "Preview of unsaved changes" in english.text
        assert "no-store" in english["Cache-Control"]
        if model is not Document:
            assert "Office of the unsaved item" in english.text, "the inline rows show"
        russian = client.get(f"{sent['Location']}&lang=ru")
        assert russian.status_code == 200
        assert "Несохранённый заголовок" in russian.text
        assert rows() == before, "no row, revision, history line or content-state move"


def test_an_add_form_with_errors_says_what_to_fix(client, editor):
    client.force_login(editor)
    url, data = add_form(client, NewsItem)
    sent = client.post(url, {**data, "title_en": "", "slug": ""})
    page = client.get(sent["Location"])
    assert page.status_code == 200
    assert "nothing to preview yet" in page.text
    assert NewsItem.objects.count() == 0


def test_an_add_preview_key_is_not_a_change_preview_key(client, editor):
    client.force_login(editor)
    url, data = add_form(client, NewsItem)
    structure = StructureFactory()
    sent = client.post(url, {**data, **typed(NewsItem, structure)})
    key = sent["Location"].split("key=")[1]
    assert client.get(f"/admin/news/newsitem/1/preview/?key={key}").status_code in (400, 404)
    assert Client().get(sent["Location"]).status_code == 302, "anonymous: to the sign-in page"
