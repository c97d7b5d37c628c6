"""What `import_news` leaves for each item it creates or updates: a revision, a LogEntry and an
`osce.audit` line, as an editor's save in the admin does, made by `--as` or the import user."""

import json
import logging
from io import StringIO

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from reversion.models import Version

from news.models import NewsItem
from tests.factories import UserFactory
from tests.planner_statistics import analysed_tables

pytestmark = pytest.mark.django_db

ITEM = {
    "title": "Training for judges on hate crime cases",
    "issued_on": "2023-05-17",
    "issued_by": ["OSCE Mission to Serbia", "ODIHR"],
    "fields_of_work": ["Policing"],
    "countries": ["Serbia"],
    "source_url": "https://www.example.org/news/judges",
}


@pytest.fixture
def audit_lines(caplog):
    caplog.set_level(logging.INFO, logger="osce.audit")
    return lambda: [r.getMessage() for r in caplog.records if r.name == "osce.audit"]


def run(tmp_path, records, *options, capture):
    path = tmp_path / "news.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    with capture(execute=True):
        call_command("import_news", str(path), *options, stdout=StringIO(), stderr=StringIO())
    return path


def test_a_created_item_has_a_revision_a_log_entry_and_an_audit_line_by_the_import_user(
    taxonomy, tmp_path, django_capture_on_commit_callbacks, audit_lines
):
    path = run(tmp_path, [ITEM], capture=django_capture_on_commit_callbacks)

    item = NewsItem.objects.get()
    (version,) = Version.objects.get_for_object(item)
    assert version.revision.user.username == "import"
    assert version.revision.comment == "Added."
    issuers = Version.objects.get_for_model(item.issuers.model)
    assert {v.field_dict["structure_id"] for v in issuers} == {
        link.structure_id for link in item.issuers.all()
    }
    assert version.field_dict["countries"] == [item.countries.get().pk]
    (entry,) = LogEntry.objects.filter(object_id=str(item.pk))
    assert (entry.action_flag, entry.user.username) == (ADDITION, "import")
    (line,) = audit_lines()
    assert line.startswith(f'event=publish user="import" model=news.newsitem id={item.pk} ')
    assert line.endswith(f'state="Live" source="{path}"')


def test_the_import_user_cannot_sign_in_and_is_made_once(
    taxonomy, tmp_path, django_capture_on_commit_callbacks
):
    run(tmp_path, [ITEM], capture=django_capture_on_commit_callbacks)
    run(tmp_path, [{**ITEM, "teaser": "New."}], capture=django_capture_on_commit_callbacks)

    user = get_user_model().objects.get(username="import")
    assert not (user.is_active or user.is_staff or user.is_superuser)
    assert not user.has_usable_password()


def test_an_update_records_what_changed_as_the_user_named_with_as(
    taxonomy, tmp_path, django_capture_on_commit_callbacks, audit_lines
):
    UserFactory(username="ana")
    run(tmp_path, [ITEM], capture=django_capture_on_commit_callbacks)
    changed = {**ITEM, "teaser": "Thirty judges took part.", "status": "draft"}

    run(tmp_path, [changed], "--as", "ana", capture=django_capture_on_commit_callbacks)

    item = NewsItem.objects.get()
    latest = Version.objects.get_for_object(item).first()
    assert latest.revision.user.username == "ana"
    assert latest.field_dict["teaser_en"] == "Thirty judges took part."
    entry = LogEntry.objects.filter(object_id=str(item.pk)).order_by("pk").last()
    assert (entry.action_flag, entry.user.username) == (CHANGE, "ana")
    assert entry.get_change_message() == latest.revision.comment
    assert "Teaser [en]" in entry.get_change_message()
    assert audit_lines()[-1].startswith('event=unpublish user="ana"')


def test_unchanged_items_and_dry_runs_record_nothing(
    taxonomy, tmp_path, django_capture_on_commit_callbacks, audit_lines
):
    run(tmp_path, [ITEM], "--dry-run", capture=django_capture_on_commit_callbacks)
    assert not get_user_model().objects.filter(username="import").exists()
    run(tmp_path, [ITEM], capture=django_capture_on_commit_callbacks)
    run(tmp_path, [ITEM], capture=django_capture_on_commit_callbacks)

    assert Version.objects.get_for_model(NewsItem).count() == 1
    assert LogEntry.objects.count() == 1
    assert len(audit_lines()) == 1


def test_an_unknown_user_is_refused_before_anything_is_written(taxonomy, tmp_path):
    path = tmp_path / "news.json"
    path.write_text(json.dumps([ITEM]), encoding="utf-8")

    with pytest.raises(CommandError, match='--as: no user named "nobody"'):
        call_command("import_news", str(path), "--as", "nobody", stdout=StringIO())
    assert not NewsItem.objects.exists()


IMPORTED_TABLES = [
    "news_newsitem",
    "news_newsitemissuer",
    "news_newsitem_fields_of_work",
    "news_newsitem_countries",
]


def test_the_planner_has_statistics_on_the_imported_tables(
    taxonomy, tmp_path, django_capture_on_commit_callbacks
):
    records = [{**ITEM, "source_url": f"https://www.example.org/{n}"} for n in range(30)]

    run(tmp_path, records, capture=django_capture_on_commit_callbacks)

    assert analysed_tables(IMPORTED_TABLES) == set(IMPORTED_TABLES)
