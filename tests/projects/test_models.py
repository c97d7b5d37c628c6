"""Project rules: dates, budget, numbers, the derived status and when it changes."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.content_state import current_state, next_scheduled_change
from projects.models import Project, ProjectStatus, midnight, status_on
from tests.factories import ProjectFactory, StructureFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def test_status_is_derived_from_the_dates():
    start, end = datetime.date(2017, 1, 1), datetime.date(2020, 12, 31)
    assert status_on(start, end, datetime.date(2016, 12, 31)) == ProjectStatus.PLANNED
    assert status_on(start, end, start) == ProjectStatus.ONGOING
    assert status_on(start, end, end) == ProjectStatus.ONGOING
    assert status_on(start, end, end + DAY) == ProjectStatus.COMPLETED


def test_the_status_follows_the_clock(clock):
    today = timezone.localdate()
    project = ProjectFactory(start_date=today + DAY, end_date=today + DAY)
    assert project.project_status == ProjectStatus.PLANNED
    clock.advance((midnight(today + DAY) - timezone.now()).total_seconds() + 1)
    assert project.project_status == ProjectStatus.ONGOING
    assert Project.objects.with_status(ProjectStatus.ONGOING).get() == project
    clock.advance(24 * 3600)
    assert project.project_status == ProjectStatus.COMPLETED
    assert Project.objects.with_status(ProjectStatus.COMPLETED).get() == project


def test_the_next_scheduled_change_includes_the_midnights_a_status_changes():
    today = timezone.localdate()
    ProjectFactory(start_date=today + 3 * DAY, end_date=today + 10 * DAY)
    assert next_scheduled_change() == midnight(today + 3 * DAY).timestamp()
    ProjectFactory(start_date=today - 3 * DAY, end_date=today + DAY)
    # It ends at the end of tomorrow: completed from the midnight after.
    assert next_scheduled_change() == midnight(today + 2 * DAY).timestamp()


def test_a_draft_changes_nothing_by_the_clock():
    today = timezone.localdate()
    ProjectFactory(status="draft", start_date=today + DAY, end_date=today + 2 * DAY)
    assert next_scheduled_change() is None


def test_the_listing_moves_at_the_midnight_a_project_ends(client, clock):
    today = timezone.localdate()
    ProjectFactory(slug="ends-today", start_date=today - 30 * DAY, end_date=today)
    assert "ends-today" in client.get("/projects/?status=ongoing").text
    assert current_state()[1] == midnight(today + DAY).timestamp()
    clock.advance((midnight(today + DAY) - timezone.now()).total_seconds() + 1)
    assert "ends-today" not in client.get("/projects/?status=ongoing").text
    assert "ends-today" in client.get("/projects/?status=completed").text


class TestClean:
    def project(self, **values):
        return ProjectFactory.build(**values)

    def test_an_end_before_the_start_is_a_clear_error(self):
        start, end = datetime.date(2020, 1, 2), datetime.date(2020, 1, 1)
        project = self.project(start_date=start, end_date=end)
        with pytest.raises(ValidationError) as error:
            project.full_clean()
        message = str(error.value.message_dict["end_date"])
        assert "The project cannot end before it starts" in message

    def test_a_negative_budget_is_refused(self):
        with pytest.raises(ValidationError) as error:
            self.project(budget=Decimal("-1")).full_clean()
        assert "budget" in error.value.message_dict

    def test_the_database_refuses_what_the_form_would(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            ProjectFactory(start_date=datetime.date(2020, 1, 2), end_date=datetime.date(2020, 1, 1))
        with pytest.raises(IntegrityError), transaction.atomic():
            ProjectFactory(budget=Decimal("-0.01"))

    def test_a_project_number_is_unique_when_given(self):
        ProjectFactory(number="")
        ProjectFactory(number="")
        ProjectFactory(number="1100567")
        with pytest.raises(IntegrityError), transaction.atomic():
            ProjectFactory(number="1100567")

    def test_a_published_language_needs_a_title(self):
        project = self.project(in_language_ru=True, slug="no-russian-title")
        with pytest.raises(ValidationError) as error:
            project.full_clean()
        assert "title_ru" in error.value.message_dict


def test_implementers_keep_the_editors_order_the_first_leads():
    lead, second = StructureFactory(name="SPMU"), StructureFactory(name="CPC")
    project = ProjectFactory(implemented_by=[lead, second])
    fetched = Project.objects.with_listing_relations().get(pk=project.pk)
    assert fetched.ordered_implementers == [lead, second]
    assert fetched.lead_implementer == lead
