"""Staff enrol an authenticator app (TOTP) and recovery codes; once they have, signing in to
the admin asks for a code; with OTP_REQUIRED an admin account without a second factor can do
nothing in the admin but enrol."""

import re
from base64 import b32decode

import pytest
import time_machine
from axes.models import AccessAttempt
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.osce_site.test_production_settings import production_settings

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
INDEX = reverse("admin:index")
ENROL = reverse("admin:second_factor")
CHANGELIST = reverse("admin:news_newsitem_changelist")
PASSWORD = "correct horse battery staple"


def code_for(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def sign_in(client, username, token=None, follow=False):
    data = {"username": username, "password": PASSWORD, "next": INDEX}
    if token is not None:
        data["otp_token"] = token
    return client.post(LOGIN, data, follow=follow)


def enrol(client):
    """Go through the enrolment page as a signed-in user; returns (device, recovery codes)."""
    client.get(ENROL)
    device = TOTPDevice.objects.get(confirmed=False)
    html = client.post(ENROL, {"otp_token": code_for(device)}).content.decode()
    codes = re.findall(r"<li><code>(\w+)</code></li>", html)
    device.refresh_from_db()
    return device, codes


def test_the_admin_links_to_the_enrolment_page(client, editor):
    client.force_login(editor)
    assert f'href="{ENROL}"' in client.get(INDEX).content.decode()


def test_the_enrolment_page_draws_the_qr_code_itself_and_shows_the_secret(client, editor):
    client.force_login(editor)
    html = client.get(ENROL).content.decode()
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert "<svg" in html and "<path" in html
    secret = re.search(r'<code class="otp-secret">([A-Z2-7 ]+)</code>', html).group(1)
    assert totp(b32decode(secret.replace(" ", ""))) == totp(device.bin_key)
    # Nothing on the page is fetched from anywhere else.
    assert not re.search(r'(src|href)="(https?:)?//', html)
    # A reload keeps the same secret, so a code scanned before still works.
    assert client.get(ENROL).content.decode().count(secret) == 1
    assert TOTPDevice.objects.filter(user=editor).count() == 1


def test_a_wrong_first_code_does_not_confirm_the_app(client, editor):
    client.force_login(editor)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=editor)
    wrong = f"{(int(code_for(device)) + 1) % 1000000:06d}"
    response = client.post(ENROL, {"otp_token": wrong})
    assert "does not match" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed


def test_confirming_the_app_shows_ten_single_use_recovery_codes_once(client, editor):
    client.force_login(editor)
    device, codes = enrol(client)
    assert device.confirmed
    assert len(codes) == 10 and len(set(codes)) == 10
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(codes)
    later = client.get(ENROL).content.decode()
    assert not any(code in later for code in codes)
    assert "10 unused recovery codes" in later


def test_once_enrolled_the_sign_in_asks_for_a_code(client, editor):
    client.force_login(editor)
    device, codes = enrol(client)
    client.logout()

    response = sign_in(client, "editor")
    assert response.status_code == 200
    assert "current code from your authenticator app" in response.content.decode()
    assert client.get(INDEX).status_code == 302

    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=60)):
        assert sign_in(client, "editor", token=code_for(device)).status_code == 302
        assert client.get(INDEX).status_code == 200


def test_a_recovery_code_signs_in_once(client, editor):
    client.force_login(editor)
    _device, codes = enrol(client)
    client.logout()

    assert sign_in(client, "editor", token=codes[0]).status_code == 302
    assert client.get(INDEX).status_code == 200
    client.logout()
    assert sign_in(client, "editor", token=codes[0]).status_code == 200
    assert client.get(INDEX).status_code == 302


def test_wrong_codes_count_towards_the_lockout_and_are_not_stored(client, editor, settings):
    client.force_login(editor)
    enrol(client)
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "editor", token="000000")
    assert sign_in(client, "editor", token="000000").status_code == 429
    assert "000000" not in AccessAttempt.objects.get().post_data


def test_a_session_without_the_code_is_not_let_in_once_a_device_exists(client, editor):
    """However the session came to be, an enrolled account needs a verified one."""
    client.force_login(editor)
    enrol(client)
    client.logout()
    client.force_login(editor)
    assert client.get(CHANGELIST).status_code == 302


@override_settings(OTP_REQUIRED=True)
def test_when_required_an_account_without_a_second_factor_can_only_enrol(client, editor):
    response = sign_in(client, "editor")
    assert response.status_code == 302 and response.url == ENROL

    for page in (INDEX, CHANGELIST, reverse("admin:password_change")):
        landing = client.get(page, follow=True)
        assert landing.redirect_chain[-1][0] == ENROL
    assert "needs two-factor sign-in" in client.get(ENROL).content.decode()

    enrol(client)
    assert client.get(CHANGELIST).status_code == 200


@override_settings(OTP_REQUIRED=True)
def test_when_required_an_account_can_still_sign_out_before_enrolling(client, editor):
    sign_in(client, "editor")
    client.post(reverse("admin:logout"))
    assert "_auth_user_id" not in client.session


@override_settings(OTP_REQUIRED=True)
def test_when_required_the_code_is_asked_at_sign_in(client, editor):
    client.force_login(editor)
    device, _codes = enrol(client)
    client.logout()
    assert sign_in(client, "editor").status_code == 200
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=60)):
        assert sign_in(client, "editor", token=code_for(device)).url == INDEX


def test_required_in_production_unless_switched_off():
    assert production_settings("print(json.dumps(settings.OTP_REQUIRED))") is True
    assert (
        production_settings("print(json.dumps(settings.OTP_REQUIRED))", OTP_REQUIRED="0") is False
    )
