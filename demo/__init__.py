"""Demo content (`manage.py seed_demo`): realistic news items and meetings on the real taxonomy.

What it makes is deterministic: the same `--news N --seed S` on the same taxonomy and the
same day gives the same titles, slugs, issuers, bodies and languages (dates are spread up to
"today").

It is multilingual the way the real site is: every item is in English, about a third also (or
only) in Russian and a few in French, German, Spanish or Italian; meetings are in all six
languages. The other languages' texts are translations of the English templates, filled in
with the taxonomy's own names for bodies and countries (see `demo.languages`).

Demo content is marked so it can be replaced without touching anything an editor wrote
(`demo.marks`). Bodies are assembled from templates that are safe HTML by construction (the
model fields still sanitise them in `pre_save`, which `bulk_create` calls).

From the ground up: `languages` and `marks`; `data` (literal tables only); `grammar`,
`templates`, `instances` and `taxonomy`; the generators `news_items`, `meetings` and
`images`; and `seeding`, the entry point the command and the tests use.
"""
