"""`manage.py import_projects`: the news importer's machinery with a project's keys — ordered
implementers and donors, names by alias, idempotence, all-or-nothing."""

import datetime
import json
import logging
import shutil
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.core.management import CommandError, call_command
from reversion.models import Version

from core import content_changes
from core.publishing import Status
from projects.importing import project_kind
from projects.models import Donor, DonorKind, Funding, Project, ProjectDonor, ProjectStatus
from tests.factories import DonorFactory
from tests.planner_statistics import analysed_tables
from website import invalidation

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "import_projects_example.json"

POLICING = {
    "title": "Community policing in Serbia",
    "start_date": "2021-01-01",
    "end_date": "2023-12-31",
    "implemented_by": ["OSCE Mission to Serbia", "ODIHR"],
    "donors": ["Federal Republic of Germany", "Norway"],
    "beneficiary_countries": ["Republic of Serbia"],
    "fields_of_work": ["policing"],
    "budget": "80000.50",
    "source_url": "https://www.example.org/projects/community-policing",
}


def run(path, *options):
    out = StringIO()
    call_command("import_projects", str(path), *options, stdout=out, stderr=StringIO())
    return out.getvalue().strip()


def write(tmp_path, records):
    path = tmp_path / "projects.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def failure(path, *options):
    with pytest.raises(CommandError) as raised:
        run(path, *options)
    return str(raised.value)


@pytest.fixture
def moves(monkeypatch):
    """What the content state is told, in place of telling it."""
    moved = []
    for module in (content_changes, invalidation):
        monkeypatch.setattr(module, "record", moved.append)
    return moved


@pytest.fixture
def eu(taxonomy):
    return DonorFactory(name="European Union", slug="european-union", kind=DonorKind.ORGANISATION)


def test_the_example_file_imports_with_ordered_implementers_and_donors(eu, tmp_path):
    path = tmp_path / "example.json"
    shutil.copy(EXAMPLE, path)

    summary = run(path)

    assert summary == (
        f"Imported {path}: 2 created, 0 updated, 0 unchanged, 0 skipped. "
        "Created donors: Norway, Germany."
    )
    ilp = Project.objects.get(number="1101940")
    assert [s.name for s in ilp.ordered_implementers] == [
        "Transnational Threats Department",
        "Secretariat",
    ]
    assert ilp.lead_implementer.name == "Transnational Threats Department"
    # Named by a country's name and by an alias; the EU as the donor it is.
    assert [d.name for d in ilp.ordered_donors] == ["Norway", "Germany", "European Union"]
    norway = Donor.objects.get(name="Norway")
    assert norway.kind == DonorKind.PARTICIPATING_STATE
    assert norway.country.iso_code == "NO"
    assert sorted(c.name for c in ilp.countries.all()) == ["Kyrgyzstan", "Moldova", "Serbia"]
    assert ilp.budget == Decimal("1250000.00")
    assert ilp.funding == Funding.EXTRA_BUDGETARY
    assert ilp.project_status == ProjectStatus.COMPLETED  # derived from the dates
    assert ilp.in_language_en and ilp.in_language_ru and not ilp.in_language_fr
    assert ilp.title_ru.startswith("Полицейская")
    assert "<p>The OSCE Guidebook" in ilp.description
    assert Project.objects.published().filter(pk=ilp.pk).exists()
    women = Project.objects.get(title="Women in policing")
    assert women.status == Status.DRAFT
    assert women.funding == Funding.UNIFIED
    assert women.publish_at.isoformat().startswith("2026-03-01T")
    assert [d.name for d in women.ordered_donors] == ["Germany"]
    assert Version.objects.get_for_object(ilp).count() == 1


def test_reimporting_changes_nothing_and_moves_nothing_public(eu, tmp_path, moves):
    path = write(tmp_path, [POLICING])
    run(path)
    project = Project.objects.get()
    assert moves  # the first import did move it
    moves.clear()

    summary = run(path)

    assert summary == f"Imported {path}: 0 created, 0 updated, 1 unchanged, 0 skipped."
    assert moves == []
    assert Project.objects.get().updated_at == project.updated_at
    assert Version.objects.get_for_object(project).count() == 1


def test_an_update_reorders_the_donors_and_moves_the_listing(eu, tmp_path, moves):
    run(write(tmp_path, [POLICING]))
    moves.clear()

    summary = run(write(tmp_path, [{**POLICING, "donors": ["Norway", "European Union"]}]))

    assert "1 updated" in summary
    project = Project.objects.get()
    assert [d.name for d in project.ordered_donors] == ["Norway", "European Union"]
    assert any(change.listed.get("projects.project") == {project.pk} for change in moves)


def test_a_bad_record_rolls_back_the_whole_file_with_its_number(eu, tmp_path):
    good = {**POLICING, "source_url": "https://www.example.org/projects/good"}
    bad = {
        **POLICING,
        "title": "Ends before it starts",
        "start_date": "2024-01-01",
        "end_date": "2023-01-01",
        "budget": -5,
        "donors": ["Atlantis"],
    }

    message = failure(write(tmp_path, [good, bad]))

    assert "2 problems; nothing was imported." in message
    assert 'record 2, donors: unknown donor "Atlantis"' in message
    assert "record 2, budget:" in message
    assert "--create-missing" in message and "donors" in message.splitlines()[-1]
    assert not Project.objects.exists()
    assert not Donor.objects.filter(name__in=["Norway", "Germany"]).exists()


def test_an_end_before_the_start_is_a_problem_of_the_record(eu, tmp_path):
    bad = {**POLICING, "start_date": "2024-01-01", "end_date": "2023-01-01"}
    message = failure(write(tmp_path, [POLICING | {"source_url": ""}, bad]))
    assert "record 2, end_date: is before start_date" in message
    assert not Project.objects.exists()


def test_a_number_another_project_has_is_refused(eu, tmp_path):
    run(write(tmp_path, [{**POLICING, "number": "77"}]))
    other = {**POLICING, "title": "Other", "number": "77", "source_url": "https://x.example/2"}
    message = failure(write(tmp_path, [other]))
    assert f"record 1, number: another project (id {Project.objects.get().pk}) has this number" in (
        message
    )
    assert Project.objects.count() == 1


def test_status_is_derived_never_imported(eu, tmp_path):
    message = failure(write(tmp_path, [{**POLICING, "status": "ongoing"}]))
    assert 'record 1, status: "ongoing" is not a status: use "published" or "draft"' in message


def test_create_missing_makes_an_other_donor(eu, tmp_path):
    summary = run(
        write(tmp_path, [{**POLICING, "donors": ["Open Society Fund"]}]), "--create-missing"
    )
    assert "Created donors: Open Society Fund." in summary
    assert Donor.objects.get(name="Open Society Fund").kind == DonorKind.OTHER


def test_a_dry_run_writes_nothing(eu, tmp_path):
    summary = run(write(tmp_path, [POLICING]), "--dry-run")
    assert "(nothing written): 1 created" in summary
    assert "Would create donors: Germany, Norway." in summary
    assert not Project.objects.exists() and not Donor.objects.filter(name="Norway").exists()


def test_title_and_start_date_identify_a_record_without_source_url(eu, tmp_path):
    record = {**POLICING, "source_url": ""}
    run(write(tmp_path, [record]))
    run(write(tmp_path, [{**record, "budget": 90000}]))
    project = Project.objects.get()
    assert project.budget == Decimal("90000.00")
    assert project.start_date == datetime.date(2021, 1, 1)


def test_history_audit_and_planner_statistics_as_for_news(
    eu, tmp_path, django_capture_on_commit_callbacks, caplog
):
    caplog.set_level(logging.INFO, logger="osce.audit")
    records = [{**POLICING, "source_url": f"https://www.example.org/p/{n}"} for n in range(3)]
    records = [{**r, "title": f"{r['title']} {n}"} for n, r in enumerate(records)]

    with django_capture_on_commit_callbacks(execute=True):
        run(write(tmp_path, records))

    project = Project.objects.order_by("pk").first()
    (version,) = Version.objects.get_for_object(project)
    assert version.revision.user.username == "import"
    donors = Version.objects.get_for_model(ProjectDonor).filter(revision=version.revision)
    assert [v.field_dict["position"] for v in donors.order_by("object_id")] == [0, 1]
    (entry,) = LogEntry.objects.filter(object_id=str(project.pk), content_type__model="project")
    assert entry.action_flag == ADDITION
    lines = [r.getMessage() for r in caplog.records if r.name == "osce.audit"]
    assert len(lines) == 3 and all("model=projects.project" in line for line in lines)
    assert lines[0].startswith('event=publish user="import"')
    tables = [model._meta.db_table for model in project_kind().tables()]
    assert analysed_tables(tables) == set(tables)


def test_one_donor_per_country_whatever_name_the_file_uses(eu, tmp_path):
    second = {**POLICING, "title": "Second", "source_url": "https://x.example/2"}
    records = [POLICING, {**second, "donors": ["NO", "norway", "Germany"]}]

    summary = run(write(tmp_path, records))

    assert "Created donors: Germany, Norway." in summary
    assert Donor.objects.filter(country__iso_code="NO").count() == 1


def test_a_donor_entered_without_its_country_is_found_by_the_countrys_alias(eu, tmp_path):
    germany = DonorFactory(name="Germany", slug="germany")
    run(write(tmp_path, [POLICING]))
    assert Project.objects.get().ordered_donors[0] == germany


CSV_EXAMPLE = EXAMPLE.with_suffix(".csv")


def test_the_csv_example_imports_as_the_json_one_and_again_changes_nothing(eu, tmp_path):
    path = tmp_path / "example.csv"
    shutil.copy(CSV_EXAMPLE, path)

    assert run(path).startswith(f"Imported {path}: 2 created, 0 updated")

    ilp = Project.objects.get(number="1101940")
    assert [s.name for s in ilp.ordered_implementers] == [
        "Transnational Threats Department",
        "Secretariat",
    ]
    assert [d.name for d in ilp.ordered_donors] == ["Norway", "Germany", "European Union"]
    assert ilp.budget == Decimal("1250000.00") and ilp.title_ru.startswith("Полицейская")
    women = Project.objects.get(title="Women in policing")
    assert women.number == "" and women.budget is None and women.status == Status.DRAFT
    assert run(path) == f"Imported {path}: 0 created, 0 updated, 2 unchanged, 0 skipped."


def test_a_bad_csv_row_names_its_line_and_nothing_is_written(eu, tmp_path):
    path = tmp_path / "projects.csv"
    path.write_text(
        "title,start_date,end_date,donors,source_url\n"
        "Good,2020-01-01,2021-01-01,Norway,https://x.example/1\n"
        "\n"
        '"Bad, on two\nlines",2020-01-01,2019-01-01,Atlantis; Norway,https://x.example/2\n',
        encoding="utf-8",
    )

    message = failure(path)

    # The row starts on line 4 (after a blank line), its title spans two lines.
    assert "1 problem; nothing was imported." in message
    assert 'line 4, donors: unknown donor "Atlantis"' in message
    assert not Project.objects.exists()
    path.write_text(path.read_text(encoding="utf-8").replace("Atlantis; ", ""), encoding="utf-8")
    message = failure(path)
    assert "line 4, end_date: is before start_date" in message
