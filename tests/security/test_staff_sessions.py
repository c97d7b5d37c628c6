"""Staff passwords are at least 12 characters; a staff session ends after 8 hours without a
request; the demo logins of `./run serve` still work in development."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

INDEX = reverse("admin:index")


def test_passwords_shorter_than_twelve_characters_are_refused(editor):
    with pytest.raises(ValidationError) as refused:
        validate_password("Vienna-2025", editor)
    assert any(error.code == "password_too_short" for error in refused.value.error_list)
    validate_password("Vienna-2025!", editor)


def test_the_admin_refuses_a_short_new_password(client, superuser):
    client.force_login(superuser)
    response = client.post(
        reverse("admin:password_change"),
        {
            "old_password": "correct horse battery staple",
            "new_password1": "Hofburg#25x",
            "new_password2": "Hofburg#25x",
        },
    )
    assert response.status_code == 200
    assert "at least 12 characters" in response.content.decode()


def test_a_staff_session_ends_after_eight_hours_idle(client, editor):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        client.force_login(editor)
        assert client.get(INDEX).status_code == 200
        traveller.shift(timedelta(hours=8, minutes=1))
        assert client.get(INDEX).status_code == 302


def test_each_request_restarts_the_eight_hours(client, editor):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        client.force_login(editor)
        for _ in range(3):
            traveller.shift(timedelta(hours=7))
            assert client.get(INDEX).status_code == 200


@override_settings(DEBUG=True)
def test_the_demo_logins_sign_in_and_their_passwords_pass_the_validators(client, roles, capsys):
    call_command("create_demo_logins")
    logins = re.findall(r"^\s+(admin|publisher|editor)\s+(\S+)", capsys.readouterr().out, re.M)
    assert len(logins) == 3
    for username, password in logins:
        validate_password(password)
        client.post(reverse("admin:login"), {"username": username, "password": password})
        assert client.get(INDEX).status_code == 200, username
        client.logout()
