"""Every admin save keeps a revision; the history compares two and restores one exactly; an
editor never restores into (or out of) a published state; stale forms are refused."""

import pytest
import reversion
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from reversion.models import Version

from core.publishing import Status
from news.models import Meeting, MeetingDocument, NewsItem
from tests.factories import MeetingFactory, UserFactory
from tests.news.admin.helpers import in_english, news_item_post
from tests.security.forms import form_data

ADD_URL = reverse("admin:news_newsitem_add")
CHANGELIST_URL = reverse("admin:news_newsitem_changelist")


def url(name, *args):
    return reverse(f"admin:news_newsitem_{name}", args=args)


def versions_of(obj):
    return list(Version.objects.get_for_object(obj).order_by("pk"))


def create_item(client, tags, **fields):
    data = news_item_post(
        [tags["structure"]],
        status=Status.DRAFT,
        fields_of_work=[str(tags["field"].pk)],
        **fields,
    )
    response = client.post(ADD_URL, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return NewsItem.objects.get(slug=data["slug"])


def edit(client, item, **changes):
    """Open the change form, change some fields, save: what an editor does."""
    data = form_data(client.get(url("change", item.pk)), "newsitem_form")
    data.update(in_english(changes))
    return client.post(url("change", item.pk), data)


def last_log_message(item):
    return LogEntry.objects.filter(object_id=str(item.pk)).latest("pk").get_change_message()


def snapshot(item):
    item = NewsItem.objects.get(pk=item.pk)
    return {
        "title": item.title,
        "teaser": item.teaser,
        "body": item.body,
        "status": item.status,
        "publish_at": item.publish_at,
        "fields_of_work": sorted(item.fields_of_work.values_list("slug", flat=True)),
        "countries": sorted(item.countries.values_list("slug", flat=True)),
        "issuers": [structure.slug for structure in item.ordered_issuers],
    }


@pytest.fixture
def publisher_client(client, publisher):
    client.force_login(publisher)
    return client


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


def test_restore_of_a_meeting_brings_back_its_deleted_documents(client, publisher):
    client.force_login(publisher)
    meeting = MeetingFactory(status=Status.DRAFT)
    with reversion.create_revision():
        meeting.save()
        MeetingDocument.objects.create(meeting=meeting, title="Agenda", url="https://a.example/")
    change_url = reverse("admin:news_meeting_change", args=[meeting.pk])
    data = form_data(client.get(change_url), "meeting_form")
    data["documents-0-DELETE"] = "on"
    assert client.post(change_url, data).status_code == 302
    assert not meeting.documents.exists()

    first = Version.objects.get_for_object(meeting).order_by("pk").first()
    revision_url = reverse("admin:news_meeting_revision", args=[meeting.pk, first.pk])
    response = client.post(revision_url, form_data(client.get(revision_url), "meeting_form"))
    assert response.status_code == 302
    assert list(meeting.documents.values_list("title", "url")) == [("Agenda", "https://a.example/")]


def test_bulk_publish_records_one_revision_per_item(publisher_client, tags):
    first = create_item(publisher_client, tags)
    second = create_item(publisher_client, tags, slug="second-item", title="Second")
    response = publisher_client.post(
        CHANGELIST_URL,
        {"action": "publish_selected", "_selected_action": [first.pk, second.pk]},
    )
    assert response.status_code == 302
    for item in (first, second):
        latest = versions_of(item)[-1]
        assert latest.field_dict["status"] == Status.PUBLISHED
        items_in_revision = latest.revision.version_set.filter(
            content_type__model="newsitem"
        ).values_list("object_id", flat=True)
        assert list(items_in_revision) == [str(item.pk)]


class TestEditorsRestore:
    @pytest.fixture
    def item(self, client, editor, publisher, tags):
        """An editor's draft (revision 1), then published by a publisher (revision 2)."""
        client.force_login(editor)
        item = create_item(client, tags)
        edit(client, item, title="Editor's second draft")
        client.force_login(publisher)
        client.post(CHANGELIST_URL, {"action": "publish_selected", "_selected_action": [item.pk]})
        item.refresh_from_db()
        assert item.status == Status.PUBLISHED
        client.force_login(editor)
        return item

    def test_editor_cannot_open_a_published_revision_for_restore(self, client, item):
        published = versions_of(item)[-1]
        response = client.get(url("revision", item.pk, published.pk), follow=True)
        assert response.redirect_chain[-1][0] == url("history", item.pk)
        assert "Only publishers can restore this revision" in response.content.decode()

    def test_editor_cannot_restore_a_draft_over_a_live_item_by_forged_post(self, client, item):
        draft = versions_of(item)[0]
        data = news_item_post([], title="Forged")
        response = client.post(url("revision", item.pk, draft.pk), data)
        assert response.status_code == 403
        item.refresh_from_db()
        assert (item.status, item.title) == (Status.PUBLISHED, "Editor's second draft")

    def test_editor_restores_a_draft_revision_of_a_draft(self, client, publisher, item):
        client.force_login(publisher)
        client.post(CHANGELIST_URL, {"action": "unpublish_selected", "_selected_action": [item.pk]})
        client.force_login(UserFactory(username="editor"))
        first = versions_of(item)[0]
        form = client.get(url("revision", item.pk, first.pk))
        assert form.status_code == 200
        response = client.post(url("revision", item.pk, first.pk), form_data(form, "newsitem_form"))
        assert response.status_code == 302
        item.refresh_from_db()
        assert (item.status, item.title) == (Status.DRAFT, "Training for border police")

    def test_publisher_restoring_a_draft_revision_keeps_the_item_live(
        self, client, publisher, item
    ):
        client.force_login(publisher)
        first = versions_of(item)[0]
        form = client.get(url("revision", item.pk, first.pk))
        response = client.post(url("revision", item.pk, first.pk), form_data(form, "newsitem_form"))
        assert response.status_code == 302
        item.refresh_from_db()
        assert (item.status, item.title) == (Status.PUBLISHED, "Training for border police")
        assert client.get(item.get_absolute_url()).status_code == 200

    def test_publisher_restores_the_draft_status_only_when_ticked(self, client, publisher, item):
        client.force_login(publisher)
        first = versions_of(item)[0]
        form = client.get(url("revision", item.pk, first.pk))
        assert "This takes the item off the public site." in form.content.decode()
        data = {**form_data(form, "newsitem_form"), "restore_status": "1"}
        response = client.post(url("revision", item.pk, first.pk), data)
        assert response.status_code == 302
        item.refresh_from_db()
        assert (item.status, item.title) == (Status.DRAFT, "Training for border police")


class TestRestoreKeepsWhatIsLive:
    """A live item gains a Russian translation after an English-only revision; restoring
    that revision must neither unpublish it nor wipe the Russian unless asked."""

    @pytest.fixture
    def item(self, publisher_client, tags):
        item = create_item(publisher_client, tags, teaser="Old teaser.")
        edit(publisher_client, item, teaser="New teaser.")
        publisher_client.post(
            CHANGELIST_URL, {"action": "publish_selected", "_selected_action": [item.pk]}
        )
        edit(
            publisher_client,
            item,
            title_ru="Обучение пограничников",
            teaser_ru="Краткое описание.",
            in_language_ru="on",
        )
        item.refresh_from_db()
        assert item.is_published and item.in_language_ru
        return item

    def restore_form(self, client, item):
        first = versions_of(item)[0]
        assert first.field_dict["status"] == Status.DRAFT and not first.field_dict["title_ru"]
        return first, client.get(url("revision", item.pk, first.pk))

    def test_the_restore_form_says_what_changes_before_it_is_confirmed(
        self, publisher_client, item
    ):
        _first, form = self.restore_form(publisher_client, item)
        plan = form.context["restore_plan"]
        assert plan.status_now.startswith("Live since") and plan.status_then == "Draft"
        rows = {row.code: (row.now, row.then, row.outcome) for row in plan.languages}
        assert rows["en"] == (True, True, "Replaced by this revision.")
        assert rows["ru"] == (
            True,
            False,
            "Kept as it is now: this revision has no text in this language.",
        )
        assert rows["fr"] == (False, False, "Absent.")
        html = form.content.decode()
        assert "What this restore changes" in html
        assert 'name="restore_status"' in html and 'name="drop_language" value="ru"' in html
        assert "This takes the item off the public site." in html
        # The form shows the item as the restore will leave it: Russian kept, still live.
        assert "Обучение пограничников" in html
        item.refresh_from_db()
        assert item.title_ru == "Обучение пограничников", "opening the form changes nothing"

    @pytest.mark.django_db(transaction=True)
    def test_restore_keeps_the_status_and_the_russian_by_default(self, publisher_client, item):
        first, form = self.restore_form(publisher_client, item)
        response = publisher_client.post(
            url("revision", item.pk, first.pk), form_data(form, "newsitem_form")
        )
        assert response.status_code == 302
        item.refresh_from_db()
        assert item.is_published
        assert item.teaser == "Old teaser."
        assert (item.in_language_ru, item.title_ru) == (True, "Обучение пограничников")
        assert publisher_client.get(item.get_absolute_url()).status_code == 200
        assert publisher_client.get(f"/ru{item.get_absolute_url()}").status_code == 200
        assert "Status kept." in last_log_message(item)

    @pytest.mark.django_db(transaction=True)
    def test_restore_drops_the_russian_and_unpublishes_only_when_ticked(
        self, publisher_client, item
    ):
        first, form = self.restore_form(publisher_client, item)
        data = {
            **form_data(form, "newsitem_form"),
            "restore_status": "1",
            "drop_language": "ru",
        }
        response = publisher_client.post(url("revision", item.pk, first.pk), data)
        assert response.status_code == 302
        item.refresh_from_db()
        assert item.status == Status.DRAFT
        assert (item.in_language_ru, item.title_ru or "", item.teaser_ru or "") == (False, "", "")
        assert "Dropped the text in: ru." in last_log_message(item)


class TestStaleSave:
    @pytest.mark.django_db(transaction=True)
    def test_second_post_of_the_same_form_is_refused_and_shows_what_changed(
        self, client, editor, tags
    ):
        client.force_login(editor)
        item = create_item(client, tags)
        opened = form_data(client.get(url("change", item.pk)), "newsitem_form")

        first = {**opened, "title_en": "First tab's title"}
        assert client.post(url("change", item.pk), first).status_code == 302

        second = {**opened, "teaser_en": "Second tab's teaser."}
        response = client.post(url("change", item.pk), second)
        assert response.status_code == 200
        html = response.content.decode()
        assert "This item was changed by editor at" in html
        assert "since you opened it" in html
        assert "Title [en]: “Training for border police” → “First tab’s title”" in html.replace(
            "&#x27;", "’"
        ).replace("'", "’")
        item.refresh_from_db()
        assert (item.title, item.teaser) == ("First tab's title", "A short teaser.")

    def test_a_colleagues_save_in_between_is_named_with_time(self, client, editor, publisher, tags):
        client.force_login(editor)
        item = create_item(client, tags)
        opened = form_data(client.get(url("change", item.pk)), "newsitem_form")
        client.force_login(publisher)
        assert edit(client, item, body="<p>Publisher's correction.</p>").status_code == 302
        item.refresh_from_db()

        client.force_login(editor)
        response = client.post(url("change", item.pk), {**opened, "title_en": "Editor's title"})
        assert response.status_code == 200
        (error,) = response.context["adminform"].form.non_field_errors()
        moment = date_format(timezone.localtime(item.updated_at), "DATETIME_FORMAT")
        assert f"changed by publisher at {moment} since you opened it" in error
        assert "Body [en]:" in error and "Publisher’s correction." in error.replace("&#x27;", "’")
        item.refresh_from_db()
        assert item.title == "Training for border police"
        assert item.body == "<p>Publisher's correction.</p>"

    def test_saving_again_after_the_refusal_is_a_deliberate_overwrite(self, client, editor, tags):
        client.force_login(editor)
        item = create_item(client, tags)
        opened = form_data(client.get(url("change", item.pk)), "newsitem_form")
        client.post(url("change", item.pk), {**opened, "title_en": "Other tab"})
        refused = client.post(url("change", item.pk), {**opened, "teaser_en": "Mine."})
        assert refused.status_code == 200
        again = form_data(refused, "newsitem_form")
        assert again["teaser_en"] == "Mine."
        assert client.post(url("change", item.pk), again).status_code == 302
        item.refresh_from_db()
        assert (item.title, item.teaser) == ("Training for border police", "Mine.")

    def test_a_forged_token_is_refused_without_error(self, client, editor, tags):
        client.force_login(editor)
        item = create_item(client, tags)
        opened = form_data(client.get(url("change", item.pk)), "newsitem_form")
        response = client.post(
            url("change", item.pk), {**opened, "title_en": "Forged", "loaded_version": "x\x00y"}
        )
        assert response.status_code == 200
        assert "since you opened it" in response.content.decode()
        item.refresh_from_db()
        assert item.title == "Training for border police"

    def test_an_unrelated_save_from_a_fresh_form_goes_through(self, client, editor, tags):
        client.force_login(editor)
        item = create_item(client, tags)
        assert edit(client, item, title="One").status_code == 302
        assert edit(client, item, title="Two").status_code == 302
        item.refresh_from_db()
        assert item.title == "Two"

    def test_stale_meeting_form_is_refused_too(self, client, publisher):
        client.force_login(publisher)
        meeting = MeetingFactory(status=Status.DRAFT)
        change_url = reverse("admin:news_meeting_change", args=[meeting.pk])
        opened = form_data(client.get(change_url), "meeting_form")
        assert client.post(change_url, {**opened, "place_en": "Vienna, Hofburg"}).status_code == 302
        response = client.post(change_url, {**opened, "place_en": "Warsaw"})
        assert response.status_code == 200
        assert "since you opened it" in response.content.decode()
        assert Meeting.objects.get(pk=meeting.pk).place == "Vienna, Hofburg"
