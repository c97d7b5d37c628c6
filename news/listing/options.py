"""The options of the news filters' facets, for one content state, database and language.

Every listing, feed and "latest news" block needs every facet's options: to check the query
string against the known slugs, to name the selected terms and to count the options. They
change only with the taxonomy, and every taxonomy change moves the base state
(`core.content_state.base_state()`), so they are built once per process and base state (three
queries) and shared, read-only, by every request:
built per request (about 150 options, the structure tree walked, the choices deep-copied into
a form) they took a fifth of an uncached listing page.
"""

from collections import namedtuple
from dataclasses import dataclass

from django.utils.translation import gettext, ngettext

from core.collation import collated
from core.content_state import base_state
from countries.models import Country
from news.models import FieldOfWork, NewsType
from structures.models import Structure
from structures.tree import StructureTree


@dataclass
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False
    depth: int = 0

    @property
    def results_word(self):
        """ "result"/"results" for screen readers after the count; in Python because a
        {% blocktranslate count %} per option was a large share of the listing's render."""
        return ngettext("result", "results", self.count)


StructureRow = namedtuple("StructureRow", "pk slug name parent_id closed_on")


class FacetOptions:
    """Options per facet (tuples of `Option`, never mutated), slug -> id and id -> slug per
    taxonomy, the structure tree, and the known values each facet accepts."""

    def __init__(self, fields, countries, structures):
        self.structures = StructureTree(StructureRow(*row) for row in structures)
        self.options = {
            "field_of_work": tuple(Option(slug, name) for _pk, slug, name in fields),
            "country": tuple(Option(slug, name) for _pk, slug, name in countries),
            "issued_by": tuple(self._structure_options()),
            "type": tuple(Option(value, label) for value, label in NewsType.choices),
        }
        self.ids = {
            "field_of_work": {slug: pk for pk, slug, _name in fields},
            "country": {slug: pk for pk, slug, _name in countries},
            "issued_by": {node.slug: pk for pk, node in self.structures.nodes.items()},
        }
        self.slugs = {
            name: {pk: slug for slug, pk in ids.items()} for name, ids in self.ids.items()
        }
        self.known = {
            name: frozenset(option.value for option in options)
            for name, options in self.options.items()
        }

    def _structure_options(self):
        for node, depth in self.structures.walk():
            label = node.name
            if node.closed_on is not None:
                label = gettext("%(name)s (closed)") % {"name": node.name}
            yield Option(node.slug, label, depth=depth)

    def subtree_ids(self, slugs):
        """The structures named by `slugs` and everything below them in the tree."""
        ids = self.ids["issued_by"]
        return self.structures.subtree_ids(ids[slug] for slug in slugs if slug in ids)


# {"key": (state, database), language: FacetOptions}; replaced whole when the key moves, and
# a language's entry is added whole, so threads can read it without a lock.
_built = {}


def facet_options(database, language):
    """The options for the current content state, built on first use in this process."""
    global _built
    key = (base_state(), database)
    if _built.get("key") != key:
        _built = {"key": key}
    built = _built.get(language)
    if built is None:
        built = _built[language] = FacetOptions(
            list(
                FieldOfWork.objects.using(database)
                .order_by("position", "name")
                .values_list("pk", "slug", "name")
            ),
            # In the reader's alphabet (Österreich between Norwegen and Polen in German).
            collated(
                Country.objects.using(database).values_list("pk", "slug", "name"),
                name=lambda row: row[2],
                language=language,
            ),
            list(
                Structure.objects.using(database)
                .order_by("position", "name")
                .values_list("pk", "slug", "name", "parent_id", "closed_on")
            ),
        )
    return built
