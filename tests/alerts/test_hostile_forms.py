"""Whatever is posted to the alert forms — odd text, NULs, huge values, unknown listings and
filters — the answer is a page (200, 400, 404 or 429), never a 500."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alerts import tokens
from tests.alerts.helpers import subscribed

pytestmark = pytest.mark.django_db

ALLOWED = {200, 400, 404, 405, 429}
text = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["", "\x00", "a@b.c", "x" * 5000, "daily", "field_of_work=policing&q=%00"]),
)


@settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    listing=st.sampled_from(["news", "meetings", "projects", "%00"]),
    email=text,
    frequency=text,
    language=text,
    filter_query=text,
)
def test_subscribe_form_never_fails(tags, listing, email, frequency, language, filter_query):
    client = Client()
    response = client.post(
        f"/alerts/{listing}/",
        {"email": email, "frequency": frequency, "language": language, "filter": filter_query},
    )
    assert response.status_code in ALLOWED


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(frequency=text, unsubscribe=text)
def test_manage_form_never_fails(tags, frequency, unsubscribe):
    subscription = subscribed("hostile@example.net", "field_of_work=policing")
    url = f"/alerts/manage/{tokens.manage_token(subscription)}/"
    data = {"frequency": frequency}
    if unsubscribe:
        data["unsubscribe"] = unsubscribe
    assert Client().post(url, data).status_code in ALLOWED
