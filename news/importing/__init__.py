"""Importing content from a JSON file: news items (`manage.py import_news`), and with the same
machinery projects (`projects.importing`) and documents (`documents.importing`). What differs
between them is a `kinds.Kind`: the model, its keys, the date that identifies a record with its
title, its relations, unique columns and what else a record writes (a document's files).

The import runs in three steps, and only the last one writes:

1. **check** every record against the kind's keys and resolve every name (`news.naming`).
   Problems are collected, never raised one at a time, so the editor fixes the whole file in
   one go;
2. **plan** what each record does to the database: create, update, leave unchanged, or skip
   (when existing items make the match ambiguous); a unique value another item holds is a
   problem here, before any write;
3. **apply** the plan in one transaction (not at all with `--dry-run`).

A record is identified by its `source_url`, or by its title and date (`issued_on` for news)
when it has none, so importing the same file twice changes nothing. Keys a record leaves out
keep the existing item's values; a new item gets the model's defaults (and `status`
"published").

Languages: the translated keys (`title`, `teaser` and `body` for news) are in the record's
`"language"` (default "en"); `"translations"` holds the same fields in other languages
(`{"ru": {"title": ...}}`). The item is published in the record's language and in each
translation's; other languages it already has are kept.

Adding a key means adding one `KeySpec` to the kind's keys (`values.py` for news) and, when it
is a plain column, nothing else.

Every item created or updated gets what an editor's save gets: a revision, a LogEntry and an
audit line (`recording`), made by `--as USERNAME` or else by the inactive "import" user.

Modules: `kinds` (what differs per kind), `reading` (the file), `values` (one value), `names`
(taxonomy names), `check`, `plan` and `apply` (the steps), `recording` (who, and the history),
`run` (the whole import), `command` (the commands' shared body), `problems` (what is wrong).
"""
