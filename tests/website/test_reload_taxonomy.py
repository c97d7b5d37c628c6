"""`manage.py load_taxonomy` again: idempotent, keeps editors' changes, and explains or rolls
back what it cannot load."""

import copy
import io

import pytest
from django.core.management import CommandError, call_command

from countries.models import Chairpersonship, Country, CountryAlias, CountryStatus
from news.models import FieldOfWork, MeetingType
from structures.models import Structure, StructureAlias
from website.taxonomy import files, loading

pytestmark = pytest.mark.django_db

ALL_MODELS = [
    Country,
    CountryAlias,
    Chairpersonship,
    Structure,
    StructureAlias,
    FieldOfWork,
    MeetingType,
]


def run_loader(verbosity=1):
    out, err = io.StringIO(), io.StringIO()
    call_command("load_taxonomy", verbosity=verbosity, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def dump_database():
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in ALL_MODELS}


def summary(output, label):
    return next(line for line in output.splitlines() if line.startswith(f"{label}:"))


def structure(slug):
    return Structure.objects.select_related("parent", "host_country").get(slug=slug)


def test_first_load_reports_what_it_created(db):
    out, err = run_loader()
    assert summary(out, "Fields of work") == (
        "Fields of work: 23 created, 0 updated, 0 unchanged, 0 kept (edited)"
    )
    assert summary(out, "Meeting series").startswith("Meeting series: 16 created")
    assert summary(out, "Total").startswith("Total: ")
    assert err == ""


def test_loading_twice_changes_nothing(taxonomy):
    before = dump_database()
    out, _err = run_loader()
    assert dump_database() == before
    assert " 0 created, 0 updated," in summary(out, "Total")
    assert "0 kept (edited)" in summary(out, "Total")


def test_verbosity_zero_is_silent(db):
    out, err = run_loader(verbosity=0)
    assert (out, err) == ("", "")


def test_editor_changes_survive_a_reload(taxonomy):
    russia = Country.objects.get(iso_code="RU")
    russia.description = "Edited by an editor."
    russia.save()
    spmu = Structure.objects.get(acronym="SPMU")
    spmu.parent = structure("secretariat")
    spmu.save()
    CountryAlias.objects.filter(name="Russia").delete()

    out, _err = run_loader(verbosity=2)

    russia.refresh_from_db()
    spmu.refresh_from_db()
    assert russia.description == "Edited by an editor."
    assert spmu.parent.slug == "secretariat"
    assert summary(out, "Countries") == (
        "Countries: 0 created, 0 updated, 67 unchanged, 1 kept (edited)"
    )
    assert "1 kept (edited)" in summary(out, "Structures")
    assert "kept country Russian Federation (changed by an editor)" in out
    # Aliases are added when missing, for edited records too.
    assert CountryAlias.objects.get(name="Russia").country == russia


def test_a_changed_data_file_updates_untouched_rows_only(taxonomy, monkeypatch):
    edited = FieldOfWork.objects.get(slug="elections")
    edited.description = "The editor's own words."
    edited.save()
    data = copy.deepcopy(files.read_data_files())
    for entry in data["fields_of_work"]:
        if entry["key"] in {"policing", "elections"}:
            entry["description"] = "A new description from the data file."
    data["structures"][0]["aliases"].append("Chairmanship-in-Office")
    monkeypatch.setattr(loading, "read_data_files", lambda: data)

    out, _err = run_loader()

    assert FieldOfWork.objects.get(slug="policing").description == (
        "A new description from the data file."
    )
    assert FieldOfWork.objects.get(slug="elections").description == "The editor's own words."
    assert summary(out, "Fields of work") == (
        "Fields of work: 0 created, 1 updated, 21 unchanged, 1 kept (edited)"
    )
    assert StructureAlias.objects.get(name="Chairmanship-in-Office").structure.slug == (
        "chairpersonship"
    )
    # The updated row follows the file from now on: the next run leaves it unchanged.
    out, _err = run_loader()
    assert summary(out, "Fields of work").startswith("Fields of work: 0 created, 0 updated")


def test_a_hand_made_record_is_adopted_without_losing_the_editors_values(db):
    hand_made = FieldOfWork.objects.create(
        name="Policing", slug="policing", description="Written by hand."
    )

    run_loader()

    hand_made.refresh_from_db()
    assert hand_made.source_key == "policing"
    assert hand_made.description == "Written by hand."
    assert hand_made.position == 18
    assert FieldOfWork.objects.filter(name="Policing").count() == 1
    out, _err = run_loader()
    assert "1 kept (edited)" in summary(out, "Fields of work")


def test_an_alias_taken_by_another_record_is_reported_not_moved(db):
    other = Country.objects.create(name="Narnia", slug="narnia", status=CountryStatus.OTHER)
    CountryAlias.objects.create(country=other, name="Russia")

    _out, err = run_loader()

    assert "Alias 'Russia' of Russian Federation not added" in err
    assert CountryAlias.objects.get(name="Russia").country == other


def test_inconsistent_data_files_write_nothing(db, monkeypatch):
    data = copy.deepcopy(files.read_data_files())
    data["structures"][0]["kind"] = "empire"
    data["chairpersonships"][0]["country"] = "XX"
    monkeypatch.setattr(loading, "read_data_files", lambda: data)

    with pytest.raises(CommandError) as error:
        run_loader()

    assert "unknown kind 'empire'" in str(error.value)
    assert "unknown country 'XX'" in str(error.value)
    assert not Country.objects.exists()


def test_a_database_conflict_rolls_everything_back(db):
    # A row from an entry the data files no longer have, holding a name the files now use.
    FieldOfWork.objects.create(name="Policing", slug="old-policing", source_key="retired-entry")

    with pytest.raises(CommandError, match="conflict with records in the database"):
        run_loader()

    assert not Country.objects.exists()
    assert FieldOfWork.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d["countries"][0].update(iso_code="al"), "must be two capital letters"),
        (lambda d: d["countries"][1].update(slug="albania"), "slug 'albania' is also used"),
        (lambda d: d["countries"][0].update(joined_on="19 June 1991"), "is not an ISO date"),
        (lambda d: d["countries"][0].update(capital="Tirana"), "unknown key 'capital'"),
        (lambda d: d["countries"][2].update(aliases=["Russia"]), "alias 'Russia' is already"),
        (lambda d: d["chairpersonships"][0].update(year="2025"), "year must be a whole number"),
        (lambda d: d["structures"][0].update(aliases="OSCE PA"), "must be a list of names"),
        (lambda d: d["structures"][0].update(name=7), "name must be text"),
        (lambda d: d["fields_of_work"].append("Youth"), "must be an object"),
        (lambda d: d.pop("meeting_types"), "meeting_types: missing"),
    ],
)
def test_each_kind_of_data_file_mistake_is_explained(db, change, problem):
    data = copy.deepcopy(files.read_data_files())
    change(data)

    with pytest.raises(files.TaxonomyDataError) as error:
        loading.load_taxonomy(data)

    assert any(problem in line for line in error.value.problems), error.value.problems
