"""Writing an import file and running `import_news` on it, as the import tests do."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

SERBIA_ITEM = {
    "title": "OSCE Mission to Serbia and ODIHR train judges on hate crime cases",
    "issued_on": "2023-05-17",
    "issued_by": ["OSCE Mission to Serbia", "ODIHR"],
    "fields_of_work": ["Tolerance and non-discrimination", "rule-of-law"],
    "countries": ["Serbia"],
    "type": "Press release",
    "teaser": "Thirty judges completed a two-day course.",
    "body": "<p>Thirty judges and prosecutors took part.</p>",
    "source_url": "https://www.example.org/news/serbia-hate-crime",
    "status": "published",
}


SECRETARIAT_ITEM = {
    "title": "Concluding conference of the Intelligence-led Policing project held",
    "issued_on": "2020-11-26",
    "issued_by": ["OSCE Secretariat"],
    "fields_of_work": ["Policing"],
}


def write(tmp_path, records, name="news.json"):
    path = tmp_path / name
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def run(path, *options):
    out = StringIO()
    call_command("import_news", str(path), *options, stdout=out, stderr=StringIO())
    return out.getvalue().strip()


def failure(path, *options):
    with pytest.raises(CommandError) as raised:
        run(path, *options)
    return str(raised.value)
