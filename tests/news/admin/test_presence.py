"""Editing presence (news.admin.presence): who else has an item's change form open, shown to
anyone who opens it, kept by a heartbeat, expiring, for those who may change the item only."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from core.publishing import Status
from news.admin import presence
from tests.factories import (
    MeetingFactory,
    NewsItemFactory,
    PageFactory,
    ProjectFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

BANNER = 'id="editing-presence"'


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def anna(roles):
    user = UserFactory(username="anna", first_name="Anna", last_name="Editor", is_staff=True)
    user.groups.add(roles["Editor"])
    return user


@pytest.fixture
def bob(roles):
    user = UserFactory(username="bob", first_name="Bob", last_name="Publisher", is_staff=True)
    user.groups.add(roles["Publisher"])
    return user


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def presence_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_presence", args=[obj.pk])


@pytest.fixture
def draft():
    return NewsItemFactory(title="A draft", status=Status.DRAFT)


def test_the_second_person_sees_who_opened_it_first_and_since_when(anna, bob, draft):
    # 09:42 UTC is 10:42 in Vienna, the admin's time zone.
    with time_machine.travel(datetime.datetime(2026, 1, 15, 9, 42, tzinfo=datetime.UTC)):
        signed_in(anna).get(change_url(draft))
    with time_machine.travel(datetime.datetime(2026, 1, 15, 9, 43, tzinfo=datetime.UTC)):
        response = signed_in(bob).get(change_url(draft))
        annas_view = signed_in(anna).get(change_url(draft)).content.decode()

    assert response.context["editing_presence"] == ["Anna Editor is editing this item since 10:42."]
    assert "Anna Editor is editing this item since 10:42." in response.content.decode()
    # Anna sees Bob, not herself, and her first moment is kept.
    assert "Bob Publisher is editing this item since 10:43." in annas_view
    assert "Anna Editor is editing" not in annas_view


def test_it_speaks_the_admins_language_and_time_zone(anna, bob, draft):
    with time_machine.travel(datetime.datetime(2026, 1, 15, 9, 42, tzinfo=datetime.UTC)):
        presence.beat(draft, anna)
        with translation.override("de"), timezone.override("Asia/Tokyo"):
            assert presence.others(draft, bob) == [
                "Anna Editor bearbeitet diesen Eintrag seit 18:42."
            ]


def test_a_stay_begun_another_day_says_which_day(anna, bob, draft):
    # 22:59:30 UTC is 23:59:30 in Vienna; a minute later it is the next day there.
    with time_machine.travel(datetime.datetime(2026, 1, 15, 22, 59, 30, tzinfo=datetime.UTC)):
        presence.beat(draft, anna)
    with time_machine.travel(datetime.datetime(2026, 1, 15, 23, 0, 30, tzinfo=datetime.UTC)):
        presence.beat(draft, anna)
        assert presence.others(draft, bob) == [
            "Anna Editor is editing this item since 15 Jan 2026 23:59."
        ]


def test_nobody_else_no_banner_but_the_heartbeat_is_wired(anna, draft):
    html = signed_in(anna).get(change_url(draft)).content.decode()

    assert f'data-presence-url="{presence_url(draft)}"' in html
    assert "editing_presence.js" in html
    assert "is editing this item" not in html


def test_a_heartbeat_answers_who_else_is_there(anna, bob, draft):
    signed_in(anna).get(change_url(draft))

    answer = signed_in(bob).post(presence_url(draft), {"action": "beat"})

    assert answer.status_code == 200
    assert answer.json()["others"][0].startswith("Anna Editor is editing this item since ")


def test_presence_expires_two_minutes_after_the_last_beat(anna, bob, draft, clock):
    annas, bobs = signed_in(anna), signed_in(bob)
    annas.get(change_url(draft))
    clock.advance(90)
    annas.post(presence_url(draft), {"action": "beat"})
    clock.advance(90)  # three minutes after opening, 90 s after the last beat

    assert bobs.post(presence_url(draft), {"action": "beat"}).json()["others"]

    clock.advance(31)  # 121 s without a beat: gone (a closed laptop)

    assert bobs.post(presence_url(draft), {"action": "beat"}).json()["others"] == []
    assert "is editing this item" not in bobs.get(change_url(draft)).content.decode()


def test_leaving_the_page_ends_it_at_once(anna, bob, draft):
    annas = signed_in(anna)
    annas.get(change_url(draft))

    annas.post(presence_url(draft), {"action": "leave"})

    assert signed_in(bob).get(change_url(draft)).context["editing_presence"] == []


def page_form_data(response):
    """What the browser would send back from a page's change form, unchanged."""
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None or value is False:
            continue
        widget_data = field.widget.format_value(value) if hasattr(field.widget, "widgets") else None
        if widget_data is None:
            data[name] = "on" if value is True else str(value)
    when = form["publish_at"].value()
    if when is not None:
        data.update(publish_at_0=when.strftime("%Y-%m-%d"), publish_at_1=when.strftime("%H:%M:%S"))
    data.update(expire_at_0="", expire_at_1="")
    return data


@pytest.mark.parametrize(("button", "still_there"), [("_save", False), ("_continue", True)])
def test_saving_and_leaving_ends_it_save_and_continue_keeps_it(anna, bob, button, still_there):
    page = PageFactory(status=Status.DRAFT, slug="being-saved")
    bobs = signed_in(bob)
    data = page_form_data(bobs.get(change_url(page)))

    response = bobs.post(change_url(page), {**data, button: "1"})
    assert response.status_code == 302
    if still_there:
        bobs.get(response["Location"])

    shown = signed_in(anna).get(change_url(page)).context["editing_presence"]
    assert bool(shown) is still_there


def test_who_may_only_view_an_item_is_not_editing_it(bob):
    """Editors may change a live item (as a working draft), so the viewer here is a staff user
    with the view permission alone."""
    vera = UserFactory(username="vera", first_name="Vera", last_name="Viewer", is_staff=True)
    vera.user_permissions.add(Permission.objects.get(codename="view_newsitem"))
    live = NewsItemFactory(title="Live item")
    veras = signed_in(vera)

    assert veras.get(change_url(live)).status_code == 200

    assert signed_in(bob).get(change_url(live)).context["editing_presence"] == []
    assert veras.post(presence_url(live), {"action": "beat"}).status_code == 403


def test_staff_without_the_models_permissions_are_refused(draft, roles):
    stranger = UserFactory(username="stranger", is_staff=True)

    assert signed_in(stranger).post(presence_url(draft), {"action": "beat"}).status_code == 403


def test_visitors_and_non_staff_never_reach_it(draft, anna):
    signed_in(anna).get(change_url(draft))
    member = UserFactory(username="member", is_staff=False)

    for client in (Client(), signed_in(member)):
        response = client.post(presence_url(draft), {"action": "beat"})
        assert response.status_code == 302
        assert reverse("admin:login") in response["Location"]


def test_the_heartbeat_is_a_csrf_protected_post(anna, draft):
    guarded = Client(enforce_csrf_checks=True)
    guarded.force_login(anna)

    assert guarded.post(presence_url(draft), {"action": "beat"}).status_code == 403
    assert signed_in(anna).get(presence_url(draft)).status_code == 405


@pytest.mark.parametrize(
    "make",
    [
        lambda: MeetingFactory(status=Status.DRAFT),
        lambda: ProjectFactory(status=Status.DRAFT),
        lambda: PageFactory(status=Status.DRAFT, slug="presence-page"),
    ],
    ids=["meeting", "project", "page"],
)
def test_every_publishing_type_has_it(anna, bob, make):
    obj = make()
    signed_in(anna).get(change_url(obj))

    answer = signed_in(bob).post(presence_url(obj), {"action": "beat"})

    assert answer.json()["others"][0].startswith("Anna Editor is editing")


def test_the_public_site_never_shows_it(anna, client):
    item = NewsItemFactory(title="Live and being edited")
    bob = UserFactory(username="bob2", first_name="Bob", is_staff=True, is_superuser=True)
    signed_in(bob).get(change_url(item))

    html = client.get(item.get_absolute_url()).content.decode()

    assert "Bob" not in html and "is editing" not in html and BANNER not in html
