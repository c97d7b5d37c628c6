"""The review queue (news.admin.review, editorial.ReviewRequest): editors submit a draft or a
live item's working draft, publishers approve or request changes; editors cannot approve,
whatever their POST says; every step is in the history and the audit log."""

import logging

import pytest
from django.contrib.admin.models import LogEntry
from django.core import mail
from django.test import Client

from core.publishing import Status
from editorial.models import ReviewRequest, ReviewState, WorkingDraft
from tests.factories import NewsItemFactory, ProjectFactory, StructureFactory
from tests.news.admin.editorial_steps import change_url, opened, press


@pytest.fixture
def live_item():
    return NewsItemFactory(title_en="Elections obsrved", issued_by=[StructureFactory()])


def history(obj):
    return list(
        LogEntry.objects.filter(object_id=str(obj.pk)).values_list("change_message", flat=True)
    )


def submit_fix(client, editor, item, note="Typo in the title"):
    client.force_login(editor)
    return press(
        client,
        item,
        opened(client, item),
        "_submit_review",
        title_en="Elections observed",
        review_message=note,
    )


def test_an_editor_submits_a_live_items_fix_and_publishers_see_it_waiting(
    client, editor, publisher, live_item, caplog
):
    with caplog.at_level(logging.INFO, logger="osce.audit"):
        assert submit_fix(client, editor, live_item).status_code == 302
    live_item.refresh_from_db()
    assert live_item.title_en == "Elections obsrved"
    review = ReviewRequest.objects.for_object(live_item).get()
    assert (review.state, review.message, review.submitted_by) == (
        ReviewState.AWAITING,
        "Typo in the title",
        editor,
    )
    assert WorkingDraft.objects.for_object(live_item).exists()
    assert any("event=submit_review" in line for line in caplog.messages)
    assert any("Submitted for review" in message for message in history(live_item))

    client.force_login(publisher)
    dashboard = client.get("/admin/").text
    assert "Awaiting review" in dashboard and "Elections obsrved" in dashboard
    assert "Typo in the title" in dashboard
    queue = client.get("/admin/news/newsitem/?state=awaiting_review").text
    assert "Elections obsrved" in queue
    form = client.get(change_url(live_item)).text
    assert 'name="_approve"' in form and 'name="_request_changes"' in form


def test_an_editors_forged_approval_is_refused_with_the_form_kept(client, editor, live_item):
    submit_fix(client, editor, live_item)
    form = client.get(change_url(live_item)).text
    assert 'name="_approve"' not in form
    data = opened(client, live_item)
    response = press(client, live_item, data, "_approve", teaser_en="Typed before forging")
    assert response.status_code == 200
    assert "Only publishers can approve" in response.text
    assert "Typed before forging" in response.text
    live_item.refresh_from_db()
    assert live_item.title_en == "Elections obsrved"
    assert ReviewRequest.objects.for_object(live_item).get().state == ReviewState.AWAITING
    # A forged request for changes is refused the same way.
    response = press(client, live_item, data, "_request_changes", review_comment="Mine")
    assert response.status_code == 200
    assert ReviewRequest.objects.for_object(live_item).get().comment == ""


def test_a_publisher_requests_changes_with_a_comment_the_editor_reads(
    client, editor, publisher, live_item
):
    editor.email = "editor@example.org"
    editor.save()
    submit_fix(client, editor, live_item)
    client.force_login(publisher)
    data = opened(client, live_item)
    refused = press(client, live_item, data, "_request_changes", review_comment="  ")
    assert refused.status_code == 200 and "Say what should change" in refused.text
    response = press(
        client, live_item, data, "_request_changes", review_comment="Check the country name"
    )
    assert response.status_code == 302
    review = ReviewRequest.objects.for_object(live_item).get()
    assert (review.state, review.reviewed_by) == (ReviewState.CHANGES_REQUESTED, publisher)
    assert [message.to for message in mail.outbox] == [["editor@example.org"]]
    assert "Check the country name" in mail.outbox[0].body

    client.force_login(editor)
    assert "Check the country name" in client.get(change_url(live_item)).text
    dashboard = client.get("/admin/").text
    assert "Changes requested" in dashboard and "Check the country name" in dashboard
    assert any("Requested changes" in message for message in history(live_item))


def test_a_publisher_approves_and_the_fix_goes_live(client, editor, publisher, live_item, caplog):
    submit_fix(client, editor, live_item)
    client.force_login(publisher)
    with caplog.at_level(logging.INFO, logger="osce.audit"):
        response = press(client, live_item, opened(client, live_item), "_approve")
    assert response.status_code == 302
    live_item.refresh_from_db()
    assert live_item.title_en == "Elections observed" and live_item.is_published
    assert not ReviewRequest.objects.exists() and not WorkingDraft.objects.exists()
    assert any("event=approve" in line for line in caplog.messages)
    steps = client.get(f"/admin/news/newsitem/{live_item.pk}/history/").text
    for step in ("Submitted for review. “Typo in the title”", "Approved and published."):
        assert step in steps
    assert "Elections observed" in Client().get(live_item.get_absolute_url()).text


def test_a_draft_project_is_submitted_and_approved_into_publication(client, editor, publisher):
    project = ProjectFactory(
        status=Status.DRAFT, title_en="Policing project", implemented_by=[StructureFactory()]
    )
    client.force_login(editor)
    data = opened(client, project)
    assert press(client, project, data, "_submit_review", review_message="Ready").status_code == 302
    project.refresh_from_db()
    assert project.status == Status.DRAFT
    assert ReviewRequest.objects.for_object(project).get().state == ReviewState.AWAITING
    client.force_login(publisher)
    assert "Policing project" in client.get("/admin/").text
    assert press(client, project, opened(client, project), "_approve").status_code == 302
    project.refresh_from_db()
    assert project.is_published
    assert not ReviewRequest.objects.exists()


def test_approving_with_nothing_awaiting_review_is_refused(client, publisher, live_item):
    client.force_login(publisher)
    response = press(client, live_item, opened(client, live_item), "_approve")
    assert response.status_code == 200
    assert "Nothing of this item is awaiting review" in response.text
