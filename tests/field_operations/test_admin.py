"""Profiles in the admin: editors and publishers keep them with their offices and figures as
inlines; each save is a revision and an audit line; only publishers delete a profile."""

import logging

import pytest
from django.urls import reverse
from reversion.models import Version

from field_operations.models import FieldOperationProfile, Figures
from structures.kinds import StructureKind
from tests.factories import CountryFactory, FieldOperationProfileFactory, StructureFactory
from tests.news.admin.helpers import management_form

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:field_operations_fieldoperationprofile_add")


def profile_post(structure, country, figures=(), **fields):
    data = {
        "structure": str(structure.pk),
        "mandate_en": "<p>Assists.</p>",
        "established_by": "PC.DEC/401",
        "head_name": "Jane Example",
        "head_title_en": "Head of Mission",
        "head_since": "2023-03-01",
        **management_form("offices", 1),
        "offices-0-city_en": "Belgrade",
        "offices-0-country": str(country.pk),
        "offices-0-is_head_office": "on",
        "offices-0-position": "0",
        **management_form("figures", len(figures)),
    }
    data["offices-MIN_NUM_FORMS"] = data["figures-MIN_NUM_FORMS"] = "0"
    for index, row in enumerate(figures):
        for key, value in row.items():
            data[f"figures-{index}-{key}"] = value
    data.update(fields)
    return data


def figure(year="2024", **values):
    return {
        "year": year,
        "as_of": f"{year}-12-31",
        "budget": "1000000",
        "staff_international": "10",
        "staff_local": "40",
        "source_symbol": "PC.ACMF/1/24",
        "source_url": "",
        **values,
    }


@pytest.fixture
def mission(db):
    return StructureFactory(name="Mission to Serbia", kind=StructureKind.FIELD_OPERATION)


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_editors_and_publishers_keep_a_profile_with_a_revision_and_an_audit_line(
    client, request, role, mission, caplog
):
    client.force_login(request.getfixturevalue(role))
    serbia = CountryFactory()
    with caplog.at_level(logging.INFO, logger="osce.audit"):
        response = client.post(
            ADD_URL, profile_post(mission, serbia, [figure("2023"), figure("2024")])
        )
    assert response.status_code == 302, [
        formset.formset.errors for formset in response.context["inline_admin_formsets"]
    ]
    profile = FieldOperationProfile.objects.get()
    assert [row.year for row in profile.figures.all()] == [2023, 2024]
    assert profile.offices.get().city == "Belgrade"
    versions = Version.objects.get_for_object(profile)
    assert versions.count() == 1
    # The revision holds the offices and the figures with the profile.
    assert versions[0].revision.version_set.count() == 4
    assert any(
        "event=add" in record.message and "fieldoperationprofile" in record.message
        for record in caplog.records
    )


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([figure("2024"), figure("2024")], "Please correct the duplicate data for year"),
        ([figure("1850")], "Ensure this value is greater than or equal to 1990."),
        ([figure(budget="-5")], "Ensure this value is greater than or equal to 0."),
        ([figure(staff_local="-1")], "Ensure this value is greater than or equal to 0."),
        ([figure(source_symbol="")], "Name the source: a document symbol or an address."),
    ],
)
def test_bad_figures_get_a_clear_error_and_nothing_is_saved(client, editor, mission, rows, message):
    client.force_login(editor)
    response = client.post(ADD_URL, profile_post(mission, CountryFactory(), rows))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not FieldOperationProfile.objects.exists() and not Figures.objects.exists()


def test_a_profile_for_a_body_that_is_not_a_field_operation_is_refused(client, editor):
    client.force_login(editor)
    secretariat = StructureFactory(kind=StructureKind.SECRETARIAT)
    response = client.post(ADD_URL, profile_post(secretariat, CountryFactory()))
    assert response.status_code == 200
    assert not FieldOperationProfile.objects.exists()


def test_only_publishers_delete_a_profile(client, editor, publisher):
    profile = FieldOperationProfileFactory()
    url = reverse("admin:field_operations_fieldoperationprofile_delete", args=[profile.pk])
    client.force_login(editor)
    assert client.post(url, {"post": "yes"}).status_code == 403
    client.force_login(publisher)
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not FieldOperationProfile.objects.exists()


def test_an_earlier_revision_can_be_recovered_in_the_history(client, editor, mission):
    client.force_login(editor)
    client.post(ADD_URL, profile_post(mission, CountryFactory(), [figure("2024")]))
    profile = FieldOperationProfile.objects.get()
    history = reverse("admin:field_operations_fieldoperationprofile_history", args=[profile.pk])
    assert client.get(history).status_code == 200
