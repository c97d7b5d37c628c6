"""The options of a listing's facets (news, projects), for one content state, database and
language.

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
    # Once another option of the same facet is ticked: the results ticking this one would
    # add (the panel shows "+N"), None while nothing in the facet is ticked.
    added: int | None = None
    # A unit of a ticked structure: the structure's name (ticking the unit changes nothing).
    included_in: str = ""
    # How a sentence names the option ("issued by OSCE Secretariat"), if not by its label.
    text_label: str = ""

    @property
    def results_word(self):
        """ "result"/"results" for screen readers after the count; in Python because a
        {% blocktranslate count %} per option was a large share of the listing's render."""
        if self.added is not None:
            return ngettext("more result", "more results", self.added)
        return ngettext("result", "results", self.count)


StructureRow = namedtuple(
    "StructureRow", "pk slug name parent_id closed_on running_name", defaults=("",)
)


class FacetOptions:
    """Options per facet (tuples of `Option`, never mutated), slug -> id and id -> slug per
    taxonomy, the structure tree, and the known values each facet accepts.

    `records`: {facet: [(pk, slug, name)]} of taxonomy rows; `choices`: {facet: [(value,
    label)]} of fixed lists; `tree_facets`: the facets whose options are the structure tree (a
    structure includes its units). The news listing and the projects listing each build theirs
    (`news_options`, projects.listing)."""

    def __init__(self, structures, records, choices=None, tree_facets=("issued_by",)):
        self.structures = StructureTree(StructureRow(*row) for row in structures)
        structure_options = tuple(self._structure_options())
        self.structure_ids = {node.slug: pk for pk, node in self.structures.nodes.items()}
        self.options = {}
        self.ids = {}
        for name, rows in records.items():
            self.options[name] = tuple(Option(slug, label) for _pk, slug, label in rows)
            self.ids[name] = {slug: pk for pk, slug, _label in rows}
        for name in tree_facets:
            self.options[name] = structure_options
            self.ids[name] = self.structure_ids
        for name, pairs in (choices or {}).items():
            self.options[name] = tuple(Option(value, label) for value, label in pairs)
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
            yield Option(node.slug, label, depth=depth, text_label=node.running_name or "")

    def included(self, slugs):
        """{slug: name of the ticked structure it is under} for the units below the ticked
        structures `slugs` that are not ticked themselves (the outermost ticked structure
        names them)."""
        ids, nodes = self.structure_ids, self.structures.nodes
        ticked = {ids[slug] for slug in slugs if slug in ids}
        found = {}
        for node, _depth in self.structures.walk():
            if node.pk not in ticked:
                continue
            for pk in self.structures.subtree_ids([node.pk]) - ticked:
                found.setdefault(nodes[pk].slug, node.name)
        return found

    def subtree_ids(self, slugs):
        """The structures named by `slugs` and everything below them in the tree."""
        ids = self.structure_ids
        return self.structures.subtree_ids(ids[slug] for slug in slugs if slug in ids)


def taxonomy_rows(database, language):
    """The shared taxonomy's rows, as `FacetOptions` takes them: fields of work (in the
    editors' order), countries (in the reader's alphabet) and structures (the tree)."""
    fields = list(
        FieldOfWork.objects.using(database)
        .order_by("position", "name")
        .values_list("pk", "slug", "name")
    )
    # In the reader's alphabet (Österreich between Norwegen and Polen in German).
    countries = collated(
        Country.objects.using(database).values_list("pk", "slug", "name"),
        name=lambda row: row[2],
        language=language,
    )
    structures = list(
        Structure.objects.using(database)
        .order_by("position", "name")
        .values_list("pk", "slug", "name", "parent_id", "closed_on", "running_name")
    )
    return fields, countries, structures


def news_options(database, language):
    fields, countries, structures = taxonomy_rows(database, language)
    return FacetOptions(
        structures,
        {"field_of_work": fields, "country": countries},
        {"type": NewsType.choices},
        tree_facets=("issued_by",),
    )


# {"key": (state, database), (listing, language): FacetOptions}; replaced whole when the key
# moves, and an entry is added whole, so threads can read it without a lock.
_built = {}


def cached_options(name, build, database, language):
    """`build(database, language)` for listing `name`, once per base state, database and
    language in this process."""
    global _built
    key = (base_state(), database)
    if _built.get("key") != key:
        _built = {"key": key}
    built = _built.get((name, language))
    if built is None:
        built = _built[(name, language)] = build(database, language)
    return built


def facet_options(database, language):
    """The news listing's options for the current content state, built on first use."""
    return cached_options("news", news_options, database, language)
