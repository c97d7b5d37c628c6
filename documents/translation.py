"""Translated fields of documents and document types (django-modeltranslation), as news
items have them: `in_language` records the languages a document's page is published in;
`file_text` holds the text of the file in each site language (documents.extraction)."""

from modeltranslation.translator import TranslationOptions, register

from documents.models import Document, DocumentType


@register(DocumentType)
class DocumentTypeTranslation(TranslationOptions):
    fields = ("name",)


@register(Document)
class DocumentTranslation(TranslationOptions):
    # No fallback, as for news items: a document shown in Russian shows its Russian text.
    fallback_languages = {"default": ()}
    fields = ("title", "summary", "file_text", "image_alt", "image_caption", "in_language")
