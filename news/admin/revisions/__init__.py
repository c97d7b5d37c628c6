"""Editors' data is safe: revisions, comparison, restore, stale-save refusal, audit log.

- Every save through the admin keeps a revision (django-reversion): who, when, and the item
  with its issuers or documents as they were. Bulk actions record one revision per item, so
  restoring one item never rewinds another that happened to be published alongside it
  (`registration`).
- The history page compares any two revisions field by field, rich text by its markup and
  links as well as its words (`compare`).
- A revision is restored from the change form filled with its values (`restore`). The form
  first says what the restore changes; it keeps the item's status and the languages it has
  now unless the person ticks otherwise, so a restore never unpublishes a live item or drops
  a translation by surprise. An editor restores only a draft revision of a draft.
- Each revision, recover, history and compare URL takes only versions of its own model and
  object (404 otherwise); recover only what was deleted, the revision URL only what exists. A
  restore is kept only if the change form saved that very object, so each has its revision,
  a LogEntry and an audit line naming the revision and what it did (`effect=unpublish`); and
  a revision that also holds other items (made by a script) is not restored from here.
- A change form carries the `updated_at` of the item it was opened on. If the item was saved
  in between (another editor, another tab), the save is refused with who changed it, when,
  and what; the form keeps the editor's input, and saving again then is a deliberate choice
  (`stale`).
- Publish, unpublish, delete and restore are written to the admin's LogEntry history and, as
  one structured line each, to the `osce.audit` logger for the operators' log collector
  (`audit`).

`admin.RevisionAdmin` puts these together for `news.admin.publishing.PublishingAdmin`.
"""
