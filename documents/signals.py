"""A new or replaced PDF is read in the background: its row goes back to "pending" and a
task is queued. With the database backend the task row is written in the same transaction,
so the worker never sees it before the file's row is committed. A file in a language no other
file has moves the whole content state, so the listing's cached language options include it."""

from django.db.models.signals import post_delete, post_save, pre_save

from core.content_changes import content_changed
from documents import extraction, tasks
from documents.models import DocumentFile, Extraction

CHANGED = "_file_changed"


def before_save(sender, instance, raw, **kwargs):
    if raw:
        return
    stored = DocumentFile.objects.filter(pk=instance.pk).values_list("file", flat=True).first()
    changed = instance.pk is None or stored != instance.file.name
    setattr(instance, CHANGED, changed)
    if changed:
        instance.extraction = Extraction.PENDING
        instance.extraction_error = ""
        instance.text = ""
        instance.characters = 0
        instance.pages = None


def after_save(sender, instance, raw, **kwargs):
    if raw:
        return
    others = DocumentFile.objects.filter(language=instance.language).exclude(pk=instance.pk)
    if not others.exists():
        # A language no file had: the listing's cached options must learn it.
        content_changed()
    if not getattr(instance, CHANGED, False):
        return
    setattr(instance, CHANGED, False)
    extraction.refresh_document_text(instance.document_id)
    tasks.extract_file_text.enqueue(instance.pk)


def after_delete(sender, instance, **kwargs):
    extraction.refresh_document_text(instance.document_id)


def connect():
    pre_save.connect(before_save, sender=DocumentFile, dispatch_uid="documentfile-before")
    post_save.connect(after_save, sender=DocumentFile, dispatch_uid="documentfile-after")
    post_delete.connect(after_delete, sender=DocumentFile, dispatch_uid="documentfile-deleted")
