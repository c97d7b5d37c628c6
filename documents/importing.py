"""Documents as a kind of the news importer (`news.importing.kinds`; `manage.py
import_documents`): the same reading, names, checks, plan, one transaction, history and
statistics as `import_news`, with a document's own keys and its files.

`"files"` gives one PDF per language (`{"en": "pdfs/report-en.pdf", "sr-Latn": …}`), each
path relative to the import file. Each is refused, with the reason, as the admin refuses an
upload (`documents.pdf.validate_pdf`: not a PDF whatever its name, encrypted, damaged, over
50 MB), before anything is written. A file is written only when its bytes differ from the
stored one's, and then as the admin writes it: the row goes back to "pending" and the text
extraction task is queued (`documents.signals`). Languages the record does not name keep their
files. A record without a source_url is the document with its title and publication date.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File

from documents import language_tags, symbols
from documents.models import Document, DocumentFile, DocumentIssuer, DocumentType
from news.importing.kinds import Extra, Kind, Relation, m2m
from news.importing.problems import Invalid, json_type
from news.importing.values import (
    KeySpec,
    clean_date,
    clean_language,
    clean_publish_at,
    clean_status,
    names,
    text,
    translations,
    url,
)
from news.naming import AmbiguousName, NameIndex, UnknownName

_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class PdfFile:
    """A file a record names, checked: where it is, and what it holds (to compare)."""

    path: Path
    size: int
    digest: str


def _digest(handle):
    digest = hashlib.sha256()
    handle.seek(0)
    while chunk := handle.read(_CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def _checked_file(name, context):
    """The PDF at `name` (relative to the import file), or `Invalid` with the admin's reason."""
    if not isinstance(name, str) or not name.strip():
        raise Invalid(f"must be the path of a PDF file, not {json_type(name)}")
    path = context.folder / name.strip()
    try:
        with path.open("rb") as handle:
            upload = File(handle, name=path.name)
            try:
                DocumentFile._meta.get_field("file").run_validators(upload)
            except ValidationError as error:
                raise Invalid(*(f'"{name}": {message}' for message in error.messages)) from None
            return PdfFile(path, upload.size, _digest(handle))
    except FileNotFoundError:
        raise Invalid(f'no file "{name}" (a path is relative to the import file)') from None
    except IsADirectoryError:
        raise Invalid(f'"{name}" is a folder, not a PDF file') from None
    except OSError as error:
        raise Invalid(f'"{name}" cannot be read ({error.strerror})') from None
    except ValueError:  # a NUL byte in the path
        raise Invalid("is not a path a file can have") from None


def clean_files(value, context):
    """{language tag: PdfFile}, every language's problem at once."""
    if not isinstance(value, dict):
        raise Invalid(f"must be an object of language: path of a PDF, not {json_type(value)}")
    files, messages = {}, []
    for language, name in value.items():
        try:
            language_tags.validate_tag(language)
        except ValidationError as error:
            messages.append(f'"{language}": {error.messages[0]}')
            continue
        tag = language_tags.normalise(language)
        if tag in files:
            messages.append(f"{tag}: the language is given twice")
            continue
        try:
            files[tag] = _checked_file(name, context)
        except Invalid as error:
            messages += [f"{tag}: {message}" for message in error.messages]
    if messages:
        raise Invalid(*messages)
    return files


def _stored_digest(row):
    try:
        with row.file.open("rb") as handle:
            return _digest(handle)
    except (OSError, ValueError):
        return None


def _same_file(row, pdf):
    return row is not None and row.size == pdf.size and _stored_digest(row) == pdf.digest


def files_change(files, document):
    """Whether any file the record names differs from the document's."""
    stored = {row.language: row for row in document.files.all()}
    return any(not _same_file(stored.get(tag), pdf) for tag, pdf in files.items())


def write_files(written):
    """Each new or different file saved as the admin saves an upload (its signals queue the
    text extraction)."""
    for document, files in written:
        stored = {row.language: row for row in DocumentFile.objects.filter(document=document)}
        for tag, pdf in files.items():
            row = stored.get(tag) or DocumentFile(document=document, language=tag)
            if _same_file(row if row.pk else None, pdf):
                continue
            with pdf.path.open("rb") as handle:
                row.file.save(f"{tag}.pdf", File(handle), save=False)
            row.save()


def clean_symbol(value, context):
    value = text(Document, "symbol")(value, context)
    try:
        symbols.validate_symbol(value)
    except ValidationError as error:
        raise Invalid(*error.messages) from None
    return symbols.tidy(value)


def clean_document_type(value, context):
    """One document type by name (in any language) or slug; types are never created."""
    value = text(DocumentType, "name", required=True)(value, context)
    try:
        return context.resolve("document_types", value)
    except (UnknownName, AmbiguousName) as error:
        known = ", ".join(f'"{record}"' for record in DocumentType.objects.all())
        raise Invalid(f"{error} (known: {known})") from None


def document_types():
    index = NameIndex("document type")
    columns = [f.name for f in DocumentType._meta.fields if f.name.startswith("name")]
    for record in DocumentType.objects.all():
        index.add(record, [record.slug, *(getattr(record, column) for column in columns)])
    return lambda name, context: index.resolve(name)


_title = text(Document, "title", required=True)
_summary = text(Document, "summary")

KEYS = {
    "title": KeySpec(_title, required=True),
    "publication_date": KeySpec(clean_date, required=True),
    "document_type": KeySpec(clean_document_type, required=True),
    "symbol": KeySpec(clean_symbol),
    "issued_by": KeySpec(names("structures"), relation=True),
    "fields_of_work": KeySpec(names("fields_of_work"), relation=True),
    "countries": KeySpec(names("countries"), relation=True),
    "summary": KeySpec(_summary),
    "files": KeySpec(clean_files),
    "external_url": KeySpec(url(Document, "external_url")),
    "source_url": KeySpec(url(Document)),
    "status": KeySpec(clean_status),
    "publish_at": KeySpec(clean_publish_at),
    "language": KeySpec(clean_language),
    "translations": KeySpec(translations({"title": _title, "summary": _summary})),
}


def document_kind():
    return Kind(
        model=Document,
        keys=KEYS,
        translated_keys=("title", "summary"),
        date_key="publication_date",
        relations=(
            Relation("issued_by", DocumentIssuer, "document", "structure", "issuers", True),
            m2m(Document, "fields_of_work"),
            m2m(Document, "countries"),
        ),
        extras=(Extra("files", "files", DocumentFile, files_change, write_files),),
        slug_fallback="document",
        noun="document records",
        unique=(("symbol", "symbol_key", symbols.key),),
        load_indexes=lambda: {"document_types": document_types()},
        related=("document_type",),
    )
