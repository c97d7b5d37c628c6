"""Guessing passwords at the admin's sign-in ends in a lockout, per account and per client
address; a refused attempt costs no password hashing; a publisher can lift a lockout."""

from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.hashers import MD5PasswordHasher
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
INDEX = reverse("admin:index")
PASSWORD = "correct horse battery staple"
LIMIT = settings.AXES_FAILURE_LIMIT


def sign_in(client, username, password, **headers):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": INDEX}, **headers
    )


def signed_in(client):
    return client.get(INDEX).status_code == 200


def test_the_right_password_after_repeated_failures_is_refused(client, editor):
    for _ in range(LIMIT):
        sign_in(client, "editor", "wrong password")
    response = sign_in(client, "editor", PASSWORD)
    assert response.status_code == 429
    assert not signed_in(client)


def test_the_lockout_page_is_in_the_admin_layout_and_translated(client, editor):
    for _ in range(LIMIT):
        sign_in(client, "editor", "wrong password")
    html = sign_in(client, "editor", PASSWORD).content.decode()
    assert 'id="site-name"' in html
    assert "Signing in is blocked for 30 minutes" in html
    with translation.override("fr"):
        html = render_to_string("admin/signin_locked_out.html", {"minutes": 30})
    assert "La connexion est bloquée pendant 30 minutes" in html


def test_fewer_failures_than_the_limit_still_let_the_right_password_in(client, editor):
    for _ in range(LIMIT - 1):
        sign_in(client, "editor", "wrong password")
    assert sign_in(client, "editor", PASSWORD).status_code == 302
    assert signed_in(client)


def test_a_locked_out_attempt_never_runs_the_password_hasher(client, editor):
    for _ in range(LIMIT):
        sign_in(client, "editor", "wrong password")
    with (
        mock.patch.object(MD5PasswordHasher, "verify") as verify,
        mock.patch.object(MD5PasswordHasher, "encode") as encode,
    ):
        sign_in(client, "editor", PASSWORD)
        sign_in(client, "someone-else", PASSWORD)
    assert verify.call_count == 0 and encode.call_count == 0


def test_failures_against_many_accounts_lock_out_the_address(client):
    for index in range(LIMIT):
        sign_in(client, f"guess{index}", "wrong password")
    UserFactory(username="colleague", is_staff=True)
    assert sign_in(client, "colleague", PASSWORD).status_code == 429


def test_the_address_is_the_one_the_trusted_proxy_passes_on(client, editor):
    for _ in range(LIMIT):
        sign_in(client, f"guess{_}", "wrong", HTTP_X_FORWARDED_FOR="203.0.113.5")
    # Another visitor behind the same proxy (REMOTE_ADDR 127.0.0.1) is not locked out...
    assert (
        sign_in(client, "editor", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.6").status_code == 302
    )
    # ...the one who failed is, even with an address of its own choosing in front.
    response = sign_in(client, "editor", PASSWORD, HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.5")
    assert response.status_code == 429


def test_a_forwarded_address_from_an_untrusted_peer_is_ignored(client, editor):
    """A client talking to the app directly cannot escape the lockout by inventing headers."""
    for index in range(LIMIT):
        sign_in(
            client,
            f"guess{index}",
            "wrong",
            REMOTE_ADDR="198.51.100.7",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{index}",
        )
    response = sign_in(
        client, "editor", PASSWORD, REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="192.0.2.1"
    )
    assert response.status_code == 429


def test_a_publisher_unlocks_a_locked_out_editor(client, editor, publisher):
    for _ in range(LIMIT):
        sign_in(client, "editor", "wrong password")
    assert sign_in(client, "editor", PASSWORD).status_code == 429

    client.force_login(publisher)
    changelist = reverse("admin:axes_accessattempt_changelist")
    page = client.get(changelist)
    assert page.status_code == 200 and "editor" in page.content.decode()
    attempt = page.context["cl"].result_list[0]
    response = client.post(
        reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    client.logout()

    assert sign_in(client, "editor", PASSWORD).status_code == 302
    assert signed_in(client)


def test_an_editor_cannot_see_or_lift_lockouts(client, editor):
    client.force_login(editor)
    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403
