"""`manage.py import_news` again: dry runs, idempotence, updates of matching items, and the
cleaning of what it writes."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from core.publishing import Status
from news.models import NewsItem, NewsType
from structures.models import Structure
from tests.factories import NewsItemFactory
from tests.news.import_files import SECRETARIAT_ITEM, SERBIA_ITEM, failure, run, write

pytestmark = pytest.mark.django_db


def test_dry_run_reports_and_writes_nothing(taxonomy, tmp_path):
    structures_before = Structure.objects.count()
    records = [SERBIA_ITEM, {**SECRETARIAT_ITEM, "issued_by": ["Mission to Atlantis"]}]
    path = write(tmp_path, records)

    summary = run(path, "--dry-run", "--create-missing")

    assert summary == (
        f"Dry run of {path} (nothing written): 2 created, 0 updated, 0 unchanged, 0 skipped. "
        "Would create structures: Mission to Atlantis."
    )
    assert not NewsItem.objects.exists()
    assert Structure.objects.count() == structures_before


def test_dry_run_of_an_imported_file_reports_it_unchanged(taxonomy, tmp_path):
    path = write(tmp_path, [SERBIA_ITEM])
    run(path)
    changed = write(tmp_path, [{**SERBIA_ITEM, "teaser": "New"}], "changed.json")

    assert run(changed, "--dry-run").endswith("0 created, 1 updated, 0 unchanged, 0 skipped.")
    assert NewsItem.objects.get().teaser == SERBIA_ITEM["teaser"]


def test_importing_the_same_file_twice_changes_nothing(taxonomy, tmp_path):
    path = write(tmp_path, [SERBIA_ITEM, SECRETARIAT_ITEM])
    run(path)
    before = list(NewsItem.objects.order_by("pk").values())

    summary = run(path)

    assert summary.endswith("0 created, 0 updated, 2 unchanged, 0 skipped.")
    assert list(NewsItem.objects.order_by("pk").values()) == before


def test_a_changed_value_updates_the_matching_item(taxonomy, tmp_path):
    run(write(tmp_path, [SERBIA_ITEM, SECRETARIAT_ITEM]))
    item = NewsItem.objects.get(source_url=SERBIA_ITEM["source_url"])
    changed = [
        {**SERBIA_ITEM, "title": "Judges trained on hate crime cases", "issued_by": ["ODIHR"],
         "countries": ["Serbia", "Montenegro"], "status": "draft"},
        SECRETARIAT_ITEM,
    ]  # fmt: skip

    summary = run(write(tmp_path, changed, "changed.json"))

    assert summary.endswith("0 created, 1 updated, 1 unchanged, 0 skipped.")
    item.refresh_from_db()
    assert item.title == "Judges trained on hate crime cases"
    assert item.slug == "osce-mission-to-serbia-and-odihr-train-judges-on-hate-crime-cases"
    assert item.status == Status.DRAFT
    assert [s.acronym for s in item.ordered_issuers] == ["ODIHR"]
    assert sorted(c.name for c in item.countries.all()) == ["Montenegro", "Serbia"]


def test_keys_left_out_keep_the_existing_values(taxonomy, tmp_path):
    run(write(tmp_path, [SERBIA_ITEM]))
    minimal = {key: SERBIA_ITEM[key] for key in ("title", "issued_on", "source_url")}

    assert run(write(tmp_path, [minimal], "minimal.json")).endswith("1 unchanged, 0 skipped.")
    item = NewsItem.objects.get()
    assert item.type == NewsType.PRESS_RELEASE
    assert len(item.ordered_issuers) == 2


def test_records_without_source_url_match_on_title_and_date(taxonomy, tmp_path):
    existing = NewsItemFactory(
        title=SECRETARIAT_ITEM["title"], issued_on=datetime.date(2020, 11, 26), teaser="Old"
    )

    summary = run(write(tmp_path, [{**SECRETARIAT_ITEM, "teaser": "New"}]))

    assert summary.endswith("0 created, 1 updated, 0 unchanged, 0 skipped.")
    existing.refresh_from_db()
    assert existing.teaser == "New"
    assert existing.lead_issuer.name == "Secretariat"


def test_a_record_matching_several_existing_items_is_skipped(taxonomy, tmp_path):
    for _ in range(2):
        NewsItemFactory(title=SECRETARIAT_ITEM["title"], issued_on=datetime.date(2020, 11, 26))
    out, err = StringIO(), StringIO()

    call_command("import_news", str(write(tmp_path, [SECRETARIAT_ITEM])), stdout=out, stderr=err)

    assert out.getvalue().strip().endswith("0 created, 0 updated, 0 unchanged, 1 skipped.")
    assert "record 1: title and issued_on match several existing items" in err.getvalue()
    assert NewsItem.objects.count() == 2


def test_slugs_are_unique_with_numbered_suffixes(taxonomy, tmp_path):
    NewsItemFactory(slug="annual-report")
    records = [{"title": "Annual report", "issued_on": f"202{year}-01-01"} for year in range(3)]

    run(write(tmp_path, records))

    assert sorted(NewsItem.objects.values_list("slug", flat=True)) == [
        "annual-report",
        "annual-report-2",
        "annual-report-3",
        "annual-report-4",
    ]


def test_control_characters_are_stripped_from_every_text_value(taxonomy, tmp_path):
    record = {
        "title": "Bell\x07 and\x00 null",
        "issued_on": "2021-01-01",
        "issued_by": ["OSCE\x0b Secretariat"],
        "teaser": "Form\x0cfeed",
        "body": "First\x1b paragraph",
        "source_url": "https://www.example.org/news/\x01control",
    }

    run(write(tmp_path, [record]))

    item = NewsItem.objects.get()
    assert item.title == "Bell and null"
    assert item.teaser == "Formfeed"
    assert item.body == "<p>First paragraph</p>"
    assert item.source_url == "https://www.example.org/news/control"
    assert item.lead_issuer.name == "Secretariat"


def test_bodies_are_sanitised_as_in_the_admin(taxonomy, tmp_path):
    body = (
        '<p onclick="steal()">Hello <a href="javascript:alert(1)">link</a></p>'
        "<script>alert(1)</script><iframe src='https://evil.example'></iframe>"
        "<h2 style='color:red'>Heading</h2><img src=x onerror=alert(1)>"
    )

    run(write(tmp_path, [{**SECRETARIAT_ITEM, "body": body}]))

    stored = NewsItem.objects.get().body
    assert stored == '<p>Hello <a rel="noopener noreferrer">link</a></p><h2>Heading</h2>'
    for forbidden in ("script", "alert", "iframe", "onclick", "style", "onerror", "<img"):
        assert forbidden not in stored


def test_plain_text_bodies_become_paragraphs(taxonomy, tmp_path):
    body = "First paragraph,\nstill the first.\n\nSecond: 5 < 6 & more.\n\n\n\nThird."

    run(write(tmp_path, [{**SECRETARIAT_ITEM, "body": body}]))

    assert NewsItem.objects.get().body == (
        "<p>First paragraph,<br>still the first.</p>"
        "<p>Second: 5 &lt; 6 &amp; more.</p><p>Third.</p>"
    )


def test_type_names_match_labels_and_values(taxonomy, tmp_path):
    records = [
        {**SECRETARIAT_ITEM, "title": f"Item {n}", "type": written}
        for n, written in enumerate(["press release", "PRESS-STATEMENT", "Spot report", "News"])
    ]

    run(write(tmp_path, records))

    assert list(NewsItem.objects.order_by("title").values_list("type", flat=True)) == [
        NewsType.PRESS_RELEASE,
        NewsType.PRESS_STATEMENT,
        NewsType.SPOT_REPORT,
        NewsType.NEWS,
    ]


def test_the_example_file_in_docs_imports(taxonomy, settings):
    path = settings.BASE_DIR / "docs" / "import_example.json"

    assert run(path).endswith("3 created, 0 updated, 0 unchanged, 0 skipped.")
    assert run(path).endswith("0 created, 0 updated, 3 unchanged, 0 skipped.")


def test_publish_at_schedules_an_item_and_reimporting_it_changes_nothing(taxonomy, tmp_path):
    path = write(tmp_path, [{**SERBIA_ITEM, "publish_at": "2099-03-01T09:00"}])
    run(path)
    item = NewsItem.objects.get()
    assert item.is_scheduled
    assert timezone.localtime(item.publish_at).isoformat().startswith("2099-03-01T09:00")
    assert run(path).endswith("0 created, 0 updated, 1 unchanged, 0 skipped.")


def test_publish_at_must_be_a_moment(taxonomy, tmp_path):
    message = failure(write(tmp_path, [{**SERBIA_ITEM, "publish_at": "next week"}]))
    assert 'record 1, publish_at: "next week" is not a moment in ISO format' in message
