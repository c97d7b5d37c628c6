"""Importing news items from a JSON file (`manage.py import_news`).

The import runs in three steps, and only the last one writes:

1. **check** every record against `KEYS` and resolve every name (`news.naming`). Problems are
   collected, never raised one at a time, so the editor fixes the whole file in one go;
2. **plan** what each record does to the database: create, update, leave unchanged, or skip
   (when existing items make the match ambiguous);
3. **apply** the plan in one transaction (not at all with `--dry-run`).

A record is identified by its `source_url`, or by its title and `issued_on` when it has none,
so importing the same file twice changes nothing. Keys a record leaves out keep the existing
item's values; a new item gets the model's defaults (and `status` "published").

Languages: `title`, `teaser` and `body` are in the record's `"language"` (default "en");
`"translations"` holds the same fields in other languages (`{"ru": {"title": ...}}`). The item
is published in the record's language and in each translation's; other languages it already
has are kept.

Adding a key means adding one `KeySpec` to `KEYS` (`values.py`) and, when it is a plain
column, nothing else.

Every item created or updated gets what an editor's save gets: a revision, a LogEntry and an
audit line (`recording`), made by `--as USERNAME` or else by the inactive "import" user.

Modules: `reading` (the file), `values` (one value), `names` (taxonomy names), `check`, `plan`
and `apply` (the steps), `recording` (who, and the history), `run` (the whole import,
`import_news`), `problems` (what is wrong).
"""
