"""`manage.py import_documents`: the news importer's machinery with a document's keys and one
PDF per language, checked as the admin checks an upload."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from reversion.models import Version

from core import content_changes
from core.publishing import Status
from demo.pdfs import pdf_bytes
from documents import extraction, tasks
from documents.models import Document, DocumentFile, Extraction
from tests.factories import DocumentFactory
from website import invalidation

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "import_documents_example.json"

REPORT = {
    "title": "Annual report on hate crime",
    "publication_date": "2024-11-16",
    "document_type": "report",
    "issued_by": ["ODIHR", "OSCE Mission to Serbia"],
    "countries": ["Republic of Serbia"],
    "files": {"en": "pdfs/report-en.pdf", "FR": "pdfs/report-fr.pdf"},
    "source_url": "https://www.example.org/documents/hate-crime-report",
}


@pytest.fixture
def folder(taxonomy, tmp_path):
    """An import folder with the report's PDFs, in English and French."""
    (tmp_path / "pdfs").mkdir()
    (tmp_path / "pdfs" / "report-en.pdf").write_bytes(
        pdf_bytes("Report", ["The pangolin clause on hate crime."])
    )
    (tmp_path / "pdfs" / "report-fr.pdf").write_bytes(
        pdf_bytes("Rapport", ["La clause du pangolin sur les crimes de haine."])
    )
    return tmp_path


@pytest.fixture
def enqueued(monkeypatch):
    """The extraction tasks queued (and run, as the tests' immediate backend runs them)."""
    queued = []

    class Recorder:
        @staticmethod
        def enqueue(pk):
            queued.append(pk)
            extraction.extract(pk)

    monkeypatch.setattr(tasks, "extract_file_text", Recorder())
    return queued


@pytest.fixture
def moves(monkeypatch):
    moved = []
    for module in (content_changes, invalidation):
        monkeypatch.setattr(module, "record", moved.append)
    return moved


def write(folder, records):
    path = folder / "documents.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def run(path, *options):
    out = StringIO()
    call_command("import_documents", str(path), *options, stdout=out, stderr=StringIO())
    return out.getvalue().strip()


def failure(path, *options):
    with pytest.raises(CommandError) as raised:
        run(path, *options)
    return str(raised.value)


def test_the_example_file_imports_with_its_pdfs_read(taxonomy, tmp_path, enqueued):
    shutil.copytree(
        EXAMPLE.parent / "import_documents_example", tmp_path / "import_documents_example"
    )
    path = tmp_path / "example.json"
    shutil.copy(EXAMPLE, path)

    summary = run(path)

    assert summary == f"Imported {path}: 2 created, 0 updated, 0 unchanged, 0 skipped."
    guidebook = Document.objects.get(source_url="https://www.example.org/documents/ilp-guidebook")
    assert guidebook.document_type.slug == "guidebook"
    assert [s.name for s in guidebook.ordered_issuers] == ["Transnational Threats Department"]
    assert guidebook.in_language_en and guidebook.in_language_ru
    files = {row.language: row for row in guidebook.files.all()}
    assert sorted(files) == ["en", "ru"]
    assert len(enqueued) == 2
    assert all(row.extraction == Extraction.DONE and row.pages == 1 for row in files.values())
    guidebook.refresh_from_db()
    assert "analysis at the centre" in guidebook.file_text_en
    assert "ставит анализ в центр" in guidebook.file_text_ru
    assert Document.objects.published().filter(pk=guidebook.pk).exists()
    decision = Document.objects.get(symbol="PC.DEC/733")
    assert decision.status == Status.DRAFT
    assert [c.name for c in decision.countries.all()] == ["Serbia"]  # by its alias
    assert not decision.files.exists()
    # The revision holds the files, as the admin's does.
    version = Version.objects.get_for_object(guidebook).get()
    assert version.revision.version_set.filter(content_type__model="documentfile").count() == 2


def test_reimporting_changes_nothing_writes_no_file_and_moves_nothing_public(
    folder, enqueued, moves
):
    path = write(folder, [REPORT])
    run(path)
    names = sorted(DocumentFile.objects.values_list("file", flat=True))
    assert sorted(DocumentFile.objects.values_list("language", flat=True)) == ["en", "fr"]
    enqueued.clear()
    moves.clear()

    summary = run(path)

    assert summary == f"Imported {path}: 0 created, 0 updated, 1 unchanged, 0 skipped."
    assert enqueued == [] and moves == []
    assert sorted(DocumentFile.objects.values_list("file", flat=True)) == names
    assert Version.objects.get_for_object(Document.objects.get()).count() == 1


def test_a_changed_pdf_replaces_that_language_only_and_is_read_again(folder, enqueued):
    path = write(folder, [REPORT])
    run(path)
    french = DocumentFile.objects.get(language="fr")
    (folder / "pdfs" / "report-en.pdf").write_bytes(pdf_bytes("Report", ["The narwhal annex."]))
    enqueued.clear()

    summary = run(path)

    assert "1 updated" in summary
    english = DocumentFile.objects.get(language="en")
    assert enqueued == [english.pk]
    assert english.extraction == Extraction.DONE and "narwhal" in english.text
    assert DocumentFile.objects.get(language="fr").file.name == french.file.name


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"GIF89a" + b"\0" * 64, "This file is not a PDF, whatever its name says"),
        (b"%PDF-1.4 nothing more", "This PDF is damaged and cannot be read"),
    ],
)
def test_a_bad_pdf_is_refused_with_the_reason_and_nothing_is_written(
    folder, content, reason, enqueued
):
    (folder / "pdfs" / "broken.pdf").write_bytes(content)
    second = {
        **REPORT,
        "title": "Second report",
        "source_url": "https://www.example.org/documents/second",
        "files": {"en": "pdfs/report-en.pdf", "ru": "pdfs/broken.pdf"},
    }

    message = failure(write(folder, [REPORT, second]))

    assert "1 problem; nothing was imported." in message
    assert f'record 2, files: ru: "pdfs/broken.pdf": {reason}' in message
    assert not Document.objects.exists() and not DocumentFile.objects.exists()
    assert enqueued == []


def test_a_missing_file_and_a_bad_language_are_problems(folder):
    files = {"en": "pdfs/nowhere.pdf", "english!": "pdfs/report-en.pdf", "ru": "pdfs/\0.pdf"}
    message = failure(write(folder, [{**REPORT, "files": files}]))
    assert "record 1, files: ru: is not a path a file can have" in message
    assert 'record 1, files: "english!": Give the file\'s language as a code' in message
    assert 'record 1, files: en: no file "pdfs/nowhere.pdf"' in message


def test_a_symbol_another_document_has_is_refused_whatever_its_case(folder):
    other = DocumentFactory(symbol="PC.DEC/1162")
    record = {**REPORT, "symbol": "pc.dec / 1162"}
    message = failure(write(folder, [record]))
    assert f"record 1, symbol: another document (id {other.pk}) has this symbol" in message
    assert Document.objects.count() == 1


def test_an_unknown_document_type_lists_the_known_ones(folder):
    message = failure(write(folder, [{**REPORT, "document_type": "Pamphlet"}]))
    assert 'record 1, document_type: unknown document type "Pamphlet"' in message
    assert '"Report"' in message and "--create-missing" not in message


def test_a_type_by_its_name_in_another_language(folder):
    run(write(folder, [{**REPORT, "document_type": "Доклад"}]))
    assert Document.objects.get().document_type.slug == "report"


def test_a_csv_file_gives_files_by_column_and_a_bad_pdf_names_its_line(folder, enqueued):
    (folder / "pdfs" / "broken.pdf").write_bytes(b"GIF89a" + b"\0" * 64)
    path = folder / "documents.csv"
    header = "title,publication_date,document_type,issued_by,files.en,files.fr,source_url\n"
    good = "Report,2024-11-16,Report,ODIHR; OSCE Mission to Serbia,pdfs/report-en.pdf,"
    good += "pdfs/report-fr.pdf,https://www.example.org/d/1\n"
    bad = "Second,2024-11-17,Report,ODIHR,,pdfs/broken.pdf,https://www.example.org/d/2\n"
    path.write_text(header + good + bad, encoding="utf-8")

    message = failure(path)

    assert 'line 3, files: fr: "pdfs/broken.pdf": This file is not a PDF' in message
    assert not Document.objects.exists() and enqueued == []
    path.write_text(header + good, encoding="utf-8")
    assert run(path).startswith(f"Imported {path}: 1 created")
    document = Document.objects.get()
    assert [s.acronym for s in document.ordered_issuers][0] == "ODIHR"
    assert sorted(document.files.values_list("language", flat=True)) == ["en", "fr"]
    assert run(path).endswith("0 created, 0 updated, 1 unchanged, 0 skipped.")
