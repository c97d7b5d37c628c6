"""A publisher who publishes without review gives a reason (news.admin.publish_reason): on the
form (publish, schedule, a draft of changes), in the "Publish" action; kept in the history."""

import datetime
import logging

import pytest
from django.contrib.admin.models import LogEntry
from django.utils import timezone

from core.publishing import Status
from news.admin.publishing_choice import Choice
from news.models import NewsItem
from tests.factories import DocumentFactory, NewsItemFactory, StructureFactory
from tests.news.admin.editorial_steps import opened, press

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/news/newsitem/"
REQUIRED = "Say why this is published without review"


def history(item):
    return list(
        LogEntry.objects.filter(object_id=str(item.pk)).values_list("change_message", flat=True)
    )


@pytest.fixture
def draft():
    return NewsItemFactory(
        title_en="Draft awaiting a decision", status=Status.DRAFT, issued_by=[StructureFactory()]
    )


@pytest.mark.parametrize("when", ["now", "later"])
def test_publishing_or_scheduling_a_draft_on_the_form_asks_why(client, publisher, draft, when):
    client.force_login(publisher)
    data = opened(client, draft)
    assert 'name="publish_reason"' in client.get(f"{CHANGELIST}{draft.pk}/change/").text
    moment = timezone.localtime() + datetime.timedelta(days=0 if when == "now" else 3)
    typed = {
        "publishing": Choice.PUBLISH if when == "now" else Choice.SCHEDULE,
        "publish_at_0": moment.strftime("%Y-%m-%d"),
        "publish_at_1": moment.strftime("%H:%M:%S"),
        "title_en": "Typed title is kept",
    }
    refused = press(client, draft, data, "_save", **typed)
    assert refused.status_code == 200 and REQUIRED in refused.text
    assert 'value="Typed title is kept"' in refused.text
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT

    # Only the state changes: still publishing, still asked, and recorded.
    del typed["title_en"]
    saved = press(client, draft, data, "_save", **typed, publish_reason="Embargo lifted early")
    assert saved.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    assert draft.is_scheduled == (when == "later")
    assert "Published without review. Reason: “Embargo lifted early”" in history(draft)


def test_a_draft_saved_as_a_draft_and_an_editors_form_ask_nothing(client, editor, publisher, draft):
    client.force_login(publisher)
    response = press(client, draft, opened(client, draft), "_save", title_en="Still a draft")
    assert response.status_code == 302
    client.force_login(editor)
    page = client.get(f"{CHANGELIST}{draft.pk}/change/").text
    assert 'name="publish_reason"' not in page
    assert press(client, draft, opened(client, draft), "_save").status_code == 302


def test_publishing_a_draft_of_changes_asks_why_but_approving_a_review_does_not(
    client, editor, publisher
):
    live = NewsItemFactory(title_en="Live title", issued_by=[StructureFactory()])
    client.force_login(editor)
    press(client, live, opened(client, live), "_submit_review", title_en="Live title, fixed")
    client.force_login(publisher)
    data = opened(client, live)
    refused = press(client, live, data, "_save")
    assert refused.status_code == 200 and REQUIRED in refused.text
    assert NewsItem.objects.get(pk=live.pk).title_en == "Live title"

    approved = press(client, live, data, "_approve")
    assert approved.status_code == 302
    assert NewsItem.objects.get(pk=live.pk).title_en == "Live title, fixed"
    assert not any("without review" in line for line in history(live))


def test_a_publishers_direct_edit_of_a_live_item_asks_why_a_date_change_does_not(client, publisher):
    live = NewsItemFactory(title_en="Live title", issued_by=[StructureFactory()])
    client.force_login(publisher)
    data = opened(client, live)
    assert REQUIRED in press(client, live, data, "_save", title_en="Changed live").text
    later = timezone.localtime() + datetime.timedelta(days=30)
    dates = {"expire_at_0": later.strftime("%Y-%m-%d"), "expire_at_1": "10:00:00"}
    assert press(client, live, data, "_save", **dates).status_code == 302


def test_the_publish_action_asks_why_before_publishing(client, publisher, draft, caplog):
    client.force_login(publisher)
    chosen = {"action": "publish_selected", "index": "0", "_selected_action": [draft.pk]}
    question = client.post(CHANGELIST, chosen)
    assert question.status_code == 200
    assert "Why publish without review?" in question.text
    assert "Draft awaiting a decision" in question.text
    assert f'name="_selected_action" value="{draft.pk}"' in question.text
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT

    empty = client.post(CHANGELIST, {**chosen, "publish_reason_asked": "1", "publish_reason": " "})
    assert empty.status_code == 200 and REQUIRED in empty.text
    assert NewsItem.objects.get(pk=draft.pk).status == Status.DRAFT

    with caplog.at_level(logging.INFO, logger="osce.audit"):
        done = client.post(
            CHANGELIST,
            {**chosen, "publish_reason_asked": "1", "publish_reason": "Minister's statement"},
        )
    assert done.status_code == 302
    assert NewsItem.objects.get(pk=draft.pk).status == Status.PUBLISHED
    assert "Published without review. Reason: “Minister's statement”" in history(draft)
    assert any("publish_without_review" in record.getMessage() for record in caplog.records)


def test_the_publish_action_on_the_change_form_asks_too(client, publisher, draft):
    client.force_login(publisher)
    url = f"{CHANGELIST}{draft.pk}/change/"
    chosen = {"CHANGE_FORM-action": "publish_selected", "_selected_action": [draft.pk]}
    question = client.post(url, chosen)
    assert question.status_code == 200 and "Why publish without review?" in question.text
    done = client.post(url, {**chosen, "publish_reason_asked": "1", "publish_reason": "Urgent"})
    assert done.status_code == 302
    assert NewsItem.objects.get(pk=draft.pk).status == Status.PUBLISHED


def _issuer_rows(data, prefix):
    """The indexes of the inline rows the form shows with a structure chosen."""
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    return [index for index in range(total) if data.get(f"{prefix}-{index}-structure")]


@pytest.mark.parametrize("kind", ["news", "document"])
def test_changing_only_the_issuers_of_a_live_item_asks_why(client, publisher, kind):
    lead, other = StructureFactory(name="Lead office"), StructureFactory(name="Other office")
    live = (
        NewsItemFactory(title_en="Live title", issued_by=[lead])
        if kind == "news"
        else DocumentFactory(title_en="Live report", issued_by=[lead])
    )
    client.force_login(publisher)
    data = opened(client, live)
    [row] = _issuer_rows(data, "issuers")
    changed = {f"issuers-{row}-structure": str(other.pk)}
    refused = press(client, live, data, "_save", **changed)
    assert refused.status_code == 200 and REQUIRED in refused.text
    assert [link.structure for link in live.issuers.all()] == [lead]

    # Sent unchanged, the rows ask nothing.
    assert press(client, live, data, "_save").status_code == 302

    data = opened(client, live)

    saved = press(client, live, data, "_save", **changed, publish_reason="Wrong office named")
    assert saved.status_code == 302
    assert [link.structure for link in live.issuers.all()] == [other]
    assert "Published without review. Reason: “Wrong office named”" in history(live)


def test_a_draft_of_changes_of_the_rows_alone_asks_nothing(client, publisher):
    live = NewsItemFactory(title_en="Live title", issued_by=[StructureFactory()])
    other = StructureFactory()
    client.force_login(publisher)
    data = opened(client, live)
    [row] = _issuer_rows(data, "issuers")
    drafted = press(client, live, data, "_save_draft", **{f"issuers-{row}-structure": other.pk})
    assert drafted.status_code == 302
