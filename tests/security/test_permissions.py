"""An editor stays inside what the Editor role allows, whatever URL or POST they forge; previews
need the permission to change the item."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from core.publishing import Status
from countries.models import Country
from news.models import FieldOfWork, NewsItem
from structures.models import Structure
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingFactory,
    MeetingTypeFactory,
    NewsItemFactory,
    StructureFactory,
    UserFactory,
)
from tests.news.admin.helpers import REASON

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def records(db):
    return {
        "auth.user": UserFactory(username="someone-else"),
        "auth.group": Group.objects.get_or_create(name="Visitors")[0],
        "news.fieldofwork": FieldOfWorkFactory(),
        "news.meetingtype": MeetingTypeFactory(),
        "countries.country": CountryFactory(),
        "structures.structure": StructureFactory(),
    }


def admin_url(label, view, *args):
    app_label, model_name = label.split(".")
    return reverse(f"admin:{app_label}_{model_name}_{view}", args=args)


@pytest.mark.parametrize(
    "label",
    [
        "auth.user",
        "auth.group",
        "news.fieldofwork",
        "news.meetingtype",
        "countries.country",
        "structures.structure",
    ],
)
def test_editor_cannot_add_users_groups_or_taxonomy_by_typing_the_url(editor_client, label):
    assert editor_client.get(admin_url(label, "add")).status_code == 403
    assert editor_client.post(admin_url(label, "add"), {"name": "Forged"}).status_code == 403


@pytest.mark.parametrize("label", ["auth.user", "auth.group"])
def test_editor_cannot_open_users_or_groups_at_all(editor_client, records, label):
    obj = records[label]
    for view in ("changelist", "change", "delete", "history"):
        args = () if view == "changelist" else (obj.pk,)
        assert editor_client.get(admin_url(label, view, *args)).status_code == 403, view
    assert editor_client.get(
        reverse("admin:auth_user_password_change", args=[obj.pk])
    ).status_code in (
        403,
        404,
    )


@pytest.mark.parametrize(
    ("label", "model", "field"),
    [
        ("news.fieldofwork", FieldOfWork, "name"),
        ("countries.country", Country, "name"),
        ("structures.structure", Structure, "name"),
    ],
)
def test_editor_sees_taxonomy_read_only_and_a_forged_change_is_refused(
    editor_client, records, label, model, field
):
    obj = records[label]
    page = editor_client.get(admin_url(label, "change", obj.pk))
    assert page.status_code == 200
    assert 'name="name"' not in page.content.decode()  # read-only: no inputs
    before = getattr(obj, field)
    response = editor_client.post(admin_url(label, "change", obj.pk), {field: "Forged"})
    assert response.status_code == 403
    assert getattr(model.objects.get(pk=obj.pk), field) == before
    assert (
        editor_client.post(admin_url(label, "delete", obj.pk), {"post": "yes"}).status_code == 403
    )
    assert model.objects.filter(pk=obj.pk).exists()


def test_editor_cannot_make_themself_a_superuser(editor_client, editor):
    response = editor_client.post(
        admin_url("auth.user", "change", editor.pk),
        {"username": "editor", "is_superuser": "on", "is_staff": "on"},
    )
    assert response.status_code == 403
    editor.refresh_from_db()
    assert not editor.is_superuser


def test_editor_cannot_delete_content(editor_client):
    item = NewsItemFactory(status=Status.DRAFT)
    assert editor_client.get(admin_url("news.newsitem", "delete", item.pk)).status_code == 403
    response = editor_client.post(
        admin_url("news.newsitem", "changelist"),
        {"action": "delete_selected", "_selected_action": [item.pk], "post": "yes"},
    )
    assert NewsItem.objects.filter(pk=item.pk).exists()
    assert response.status_code in (200, 302)


@pytest.mark.parametrize("action", ["publish_selected", "unpublish_selected"])
def test_editor_cannot_run_publishing_actions_by_forged_post(editor_client, action):
    draft = NewsItemFactory(status=Status.DRAFT)
    live = NewsItemFactory()
    editor_client.post(
        admin_url("news.newsitem", "changelist"),
        {"action": action, "_selected_action": [draft.pk, live.pk]},
    )
    assert NewsItem.objects.get(pk=draft.pk).status == Status.DRAFT
    assert NewsItem.objects.get(pk=live.pk).status == Status.PUBLISHED


def test_editor_cannot_publish_through_the_change_forms_action_bar(editor_client):
    draft = NewsItemFactory(status=Status.DRAFT)
    response = editor_client.post(
        admin_url("news.newsitem", "change", draft.pk),
        {"change_form-action": "publish_selected", **REASON, "_selected_action": [draft.pk]},
    )
    assert response.status_code in (200, 302, 400, 403)
    assert NewsItem.objects.get(pk=draft.pk).status == Status.DRAFT


class TestPreview:
    @pytest.fixture
    def draft(self, db):
        return NewsItemFactory(status=Status.DRAFT, slug="secret-draft", title="Secret draft")

    @pytest.fixture
    def meeting(self, db):
        return MeetingFactory(status=Status.DRAFT, slug="secret-meeting", title="Secret meeting")

    def test_editor_with_change_permission_previews_uncached(self, editor_client, draft, meeting):
        for path in ("/news/secret-draft/", "/meetings/secret-meeting/"):
            response = editor_client.get(path)
            assert response.status_code == 200
            assert "no-store" in response["Cache-Control"]
            assert "private" in response["Cache-Control"]

    def test_staff_with_view_permission_only_gets_not_found(self, client, draft, meeting):
        viewer = UserFactory(username="viewer", is_staff=True)
        viewer.user_permissions.add(
            *Permission.objects.filter(codename__in=["view_newsitem", "view_meeting"])
        )
        client.force_login(viewer)
        assert client.get("/news/secret-draft/").status_code == 404
        assert client.get("/meetings/secret-meeting/").status_code == 404

    def test_non_staff_user_with_change_permission_gets_not_found(self, client, draft):
        outsider = UserFactory(username="outsider", is_staff=False)
        outsider.user_permissions.add(*Permission.objects.filter(codename="change_newsitem"))
        client.force_login(outsider)
        assert client.get("/news/secret-draft/").status_code == 404

    def test_inactive_editor_gets_not_found(self, client, editor, draft):
        editor.is_active = False
        editor.save()
        client.force_login(editor)
        assert client.get("/news/secret-draft/").status_code == 404
