"""Reading a file's text into the database, and the document's searchable text from its
files' (`Document.file_text_<language>`: each site language's column holds the text of the
file in that language, so a search in Russian reads the Russian PDF). Files in other languages
(Ukrainian, Kyrgyz…) are listed and downloadable; their text is kept on the file row."""

from django.db import transaction

from core import languages
from core.text import strip_control_characters
from documents import language_tags
from documents.models import Document, DocumentFile, Extraction
from documents.pdf import ExtractionFailed, extract_text


def extract(file_id):
    """Extract one file's text and record the outcome: done with pages and characters, or
    failed with the reason. A file replaced or deleted meanwhile is left alone."""
    row = DocumentFile.objects.filter(pk=file_id).first()
    if row is None:
        return None
    name = row.file.name
    try:
        with row.file.open("rb") as handle:
            data = handle.read()
        result = extract_text(data)
    except (ExtractionFailed, OSError) as error:
        values = {
            "extraction": Extraction.FAILED,
            "extraction_error": strip_control_characters(str(error))[:2000],
            "text": "",
            "characters": 0,
        }
    else:
        # A PDF's text may hold NUL and other control characters, which PostgreSQL's text
        # refuses and no reader needs; the update below bypasses CleanTextModel's save.
        text = strip_control_characters(result.text)
        values = {
            "extraction": Extraction.DONE,
            "extraction_error": "",
            "text": text,
            "pages": result.pages,
            "characters": len(text),
        }
    with transaction.atomic():
        updated = DocumentFile.objects.filter(pk=file_id, file=name).update(**values)
        if updated:
            refresh_document_text(row.document_id)
    return values["extraction"]


def refresh_document_text(document_id):
    """Copy each site language's file text to the document's searchable column."""
    document = Document.objects.filter(pk=document_id).first()
    if document is None:
        return
    texts = dict.fromkeys(languages.codes(), "")
    for language, text in DocumentFile.objects.filter(document_id=document_id).values_list(
        "language", "text"
    ):
        code = language_tags.primary(language)
        if code in texts and (language == code or not texts[code]):
            texts[code] = text
    changed = []
    for code, text in texts.items():
        column = f"file_text_{code}"
        if (getattr(document, column) or "") != text:
            setattr(document, column, text)
            changed.append(column)
    if changed:
        document.save(update_fields=changed)
