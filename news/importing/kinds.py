"""What the importer needs to know of one kind of content: a `Kind`. The steps (check, plan,
apply, recording, run) are the same for every kind; a kind names its model, its keys, the date
that identifies a record with its title, its relations and, when it has any, what else a
record writes (a document's files). News items are the first kind (`NEWS`, here); projects
and documents define theirs in their own apps (`projects.importing`, `documents.importing`),
which sit above news in the layers and may use this machinery, never the other way round.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from news.importing.values import KEYS
from news.models import NewsItem, NewsItemIssuer


@dataclass(frozen=True)
class Relation:
    """A list of taxonomy records a record names, written as rows of `through`: ordered rows
    with a `position` (the first leads: "Issued by", implementers, donors) or a plain
    many-to-many table. `prefetch` reads the current ones off an item."""

    key: str
    through: type
    item_field: str
    target_field: str
    prefetch: str
    ordered: bool = False
    field: str = ""  # the model's field, when the record's key is another name

    @property
    def field_name(self):
        return self.field or self.key

    def current(self, item):
        if self.ordered:
            links = sorted(getattr(item, self.prefetch).all(), key=lambda link: link.position)
            return [getattr(link, f"{self.target_field}_id") for link in links]
        return {related.pk for related in getattr(item, self.prefetch).all()}

    def rows(self, item, records):
        if self.ordered:
            return [
                self.through(**{self.item_field: item, self.target_field: record}, position=p)
                for p, record in enumerate(records)
            ]
        return [
            self.through(**{self.item_field: item, self.target_field: record}) for record in records
        ]


def m2m(model, name, key=None):
    """The relation of `model`'s plain many-to-many field `name` (its automatic table)."""
    model_field = model._meta.get_field(name)
    through = model_field.remote_field.through
    return Relation(
        key=key or name,
        through=through,
        item_field=model_field.m2m_field_name(),
        target_field=model_field.m2m_reverse_field_name(),
        prefetch=name,
        field=name,
    )


@dataclass(frozen=True)
class Extra:
    """What a record writes besides its columns and relations (a document's files): the names
    of what it would change on an existing item, and the writing, after the relations."""

    key: str
    prefetch: str
    table: type  # the model of the rows it writes
    changes: Callable  # (cleaned value, item) -> bool
    write: Callable  # ([(item, cleaned value)]) -> None


@dataclass(frozen=True)
class Kind:
    model: type
    keys: dict  # record key -> values.KeySpec
    translated_keys: tuple  # keys written per language (title first)
    date_key: str  # with the title, identifies a record that has no source_url
    relations: tuple = ()
    extras: tuple = ()
    slug_fallback: str = "item"
    noun: str = "records"  # "not valid news records"
    # Per record: [(key, message)] for what no single key shows (an end before the start).
    validate: Callable = field(default=lambda values, relations: [])
    # Unique columns besides the slug: (record key, column, normalise) — a value another item
    # holds is a problem, not a failed write.
    unique: tuple = ()
    # The kind's own names: {"donors": resolve(name, context)}, loaded once per import.
    load_indexes: Callable = field(default=dict)
    # Those of its own names --create-missing creates (the resolver adds them to
    # `Context.missing`), and how the command names them all.
    created: tuple = ()
    created_label: str = "fields of work, countries and structures"
    # Other relations a plan compares (a document's type), read with the items.
    related: tuple = ()

    @property
    def relation_keys(self):
        return {relation.key: relation for relation in self.relations}

    @property
    def extra_keys(self):
        return {extra.key: extra for extra in self.extras}

    def field_names(self, keys):
        """The model's fields a change of the record's `keys` changes (for the history)."""
        relations = self.relation_keys
        return [relations[key].field_name if key in relations else key for key in keys]

    def prefetch(self):
        return [
            *(relation.prefetch for relation in self.relations),
            *(e.prefetch for e in self.extras),
            *self.related,
        ]

    def tables(self):
        """The tables an import of this kind writes, for the planner's statistics."""
        return [
            self.model,
            *(relation.through for relation in self.relations),
            *(extra.table for extra in self.extras),
        ]


def news_kind():
    return Kind(
        model=NewsItem,
        keys=KEYS,
        translated_keys=("title", "teaser", "body"),
        date_key="issued_on",
        relations=(
            Relation("issued_by", NewsItemIssuer, "news_item", "structure", "issuers", True),
            m2m(NewsItem, "fields_of_work"),
            m2m(NewsItem, "countries"),
        ),
        slug_fallback="news",
        noun="news records",
    )
