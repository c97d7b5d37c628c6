"""What a restore changes, said before it is confirmed, and what it keeps unless asked.

django-reversion restores a revision whole: its status and every language's columns. Over a
live item, a draft revision from before the Russian translation was written would take the
item off the site and wipe its Russian text, and the public page would answer 404. So a
restore keeps the item's current status and the languages it has now, and changes them only
when the person ticks "also restore the status" or "drop <language>" on the restore form,
which lists, language by language, what is there now, what the revision holds and what the
item will hold.
"""

from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import gettext
from modeltranslation.translator import translator

from core import languages
from core.publishing import Status
from news.admin.states import describe_state

PUBLISHING_FIELDS = ("status", "publish_at", "expire_at")
# Translated columns that are not text an editor writes: the languages an item is published
# in (kept as they are now), and the plain text derived from rich text on save.
LANGUAGE_FLAG = "in_language"
DERIVED = {"body_text", "description_text"}
# What the restore form posts: whether to take the revision's status, which languages to drop.
RESTORE_STATUS_KEY = "restore_status"
DROP_LANGUAGE_KEY = "drop_language"


def text_fields(model):
    return [
        name
        for name in translator.get_options_for_model(model).fields
        if name != LANGUAGE_FLAG and name not in DERIVED
    ]


def has_flags(model):
    return LANGUAGE_FLAG in translator.get_options_for_model(model).fields


def columns(model):
    """The current row's values the plan needs."""
    flags = [f"{LANGUAGE_FLAG}_{code}" for code in languages.codes()] if has_flags(model) else []
    texts = [f"{name}_{code}" for name in text_fields(model) for code in languages.codes()]
    return [*PUBLISHING_FIELDS, *flags, *texts]


@dataclass
class LanguageRow:
    code: str
    name: str
    now: bool
    then: bool
    same: bool

    @property
    def outcome(self):
        if self.now and not self.then:
            return gettext("Kept as it is now: this revision has no text in this language.")
        if self.then and not self.now:
            return gettext("Added from this revision.")
        if self.now:
            return gettext("Unchanged.") if self.same else gettext("Replaced by this revision.")
        return gettext("Absent.")

    @property
    def droppable(self):
        return self.now and not self.then


class RestorePlan:
    def __init__(self, model, current, revision):
        self.model = model
        self.current = current
        self.revision = revision
        self.texts = text_fields(model)
        self.flags = has_flags(model)

    def _text(self, values, code):
        return [values.get(f"{name}_{code}") or "" for name in self.texts]

    def _has_text(self, values, code):
        return any(value.strip() for value in self._text(values, code))

    @cached_property
    def languages(self):
        return [
            LanguageRow(
                code,
                languages.name_translated(code),
                now=self._has_text(self.current, code),
                then=self._has_text(self.revision, code),
                same=self._text(self.current, code) == self._text(self.revision, code),
            )
            for code in languages.codes()
        ]

    @property
    def droppable_languages(self):
        return [row for row in self.languages if row.droppable]

    def _state(self, values):
        return describe_state(*(values.get(name) for name in PUBLISHING_FIELDS))

    @property
    def status_now(self):
        return self._state(self.current)

    @property
    def status_then(self):
        return self._state(self.revision)

    @property
    def status_differs(self):
        return self.status_now != self.status_then

    @property
    def unpublishes(self):
        """Taking the revision's status would take a live or scheduled item off the site."""
        return self.current["status"] == Status.PUBLISHED and (
            self.revision.get("status") == Status.DRAFT
        )

    def keep_current(self, obj, restore_status):
        """Put back on the reverted `obj` what a restore keeps: the status (unless
        `restore_status`), the languages the item is published in, and the text of each
        language the revision lacks."""
        if not restore_status:
            for name in PUBLISHING_FIELDS:
                setattr(obj, name, self.current[name])
        for row in self.languages:
            if self.flags:
                name = f"{LANGUAGE_FLAG}_{row.code}"
                setattr(obj, name, self.current[name])
            if row.droppable:
                for name in self.texts:
                    column = f"{name}_{row.code}"
                    setattr(obj, column, self.current[column])

    def drop(self, obj, codes):
        """Take out the languages the person chose to drop (only those the revision lacks);
        returns their codes."""
        dropped = tuple(row.code for row in self.languages if row.droppable and row.code in codes)
        for code in dropped:
            if self.flags:
                setattr(obj, f"{LANGUAGE_FLAG}_{code}", False)
            for name in self.texts:
                setattr(obj, f"{name}_{code}", "")
        return dropped
