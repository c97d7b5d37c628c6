"""The options of the news filters' facets, for one content state, database and language.

Every listing, feed and "latest news" block needs every facet's options: to check the query
string against the known slugs, to name the selected terms and to count the options. They
change only with the taxonomy, and every taxonomy change moves the content state, so they are
built once per process and state (three queries) and shared, read-only, by every request:
built per request (about 150 options, the structure tree walked, the choices deep-copied into
a form) they took a fifth of an uncached listing page.
"""

from dataclasses import dataclass

from django.utils.translation import gettext, ngettext

from core.content_state import state_key
from countries.models import Country
from news.models import FieldOfWork, NewsType
from structures.models import Structure


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


class FacetOptions:
    """Options per facet (tuples of `Option`, never mutated), slug -> id per taxonomy, the
    structure tree, and the known values each facet accepts."""

    def __init__(self, fields, countries, structures):
        self.options = {
            "field_of_work": tuple(Option(slug, name) for _pk, slug, name in fields),
            "country": tuple(Option(slug, name) for _pk, slug, name in countries),
            "type": tuple(Option(value, label) for value, label in NewsType.choices),
        }
        self.ids = {
            "field_of_work": {slug: pk for pk, slug, _name in fields},
            "country": {slug: pk for pk, slug, _name in countries},
        }
        self._load_structures(structures)
        self.known = {
            name: frozenset(option.value for option in options)
            for name, options in self.options.items()
        }

    def _load_structures(self, rows):
        present = {pk for pk, *_rest in rows}
        children = {}
        for pk, slug, name, parent_id, closed_on in rows:
            parent = parent_id if parent_id in present else None
            children.setdefault(parent, []).append((pk, slug, name, closed_on))
        self.structure_children = children
        self.structure_ids = {slug: pk for pk, slug, *_rest in rows}
        self.structure_slugs = {pk: slug for pk, slug, *_rest in rows}
        options = []
        seen = set()

        def walk(parent, depth):
            for pk, slug, name, closed_on in children.get(parent, ()):
                if pk in seen:
                    continue
                seen.add(pk)
                label = name if closed_on is None else gettext("%(name)s (closed)") % {"name": name}
                options.append(Option(slug, label, depth=depth))
                walk(pk, depth + 1)

        walk(None, 0)
        self.options["issued_by"] = tuple(options)

    def subtree_ids(self, slugs):
        """The structures named by `slugs` and everything below them in the tree."""
        found = set()
        stack = [self.structure_ids[slug] for slug in slugs if slug in self.structure_ids]
        while stack:
            current = stack.pop()
            if current in found:
                continue
            found.add(current)
            stack.extend(child[0] for child in self.structure_children.get(current, ()))
        return found


# {"key": (state, database), language: FacetOptions}; replaced whole when the key moves, and
# a language's entry is added whole, so threads can read it without a lock.
_built = {}


def facet_options(database, language):
    """The options for the current content state, built on first use in this process."""
    global _built
    key = (state_key(), database)
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
            list(
                Country.objects.using(database).order_by("name").values_list("pk", "slug", "name")
            ),
            list(
                Structure.objects.using(database)
                .order_by("position", "name")
                .values_list("pk", "slug", "name", "parent_id", "closed_on")
            ),
        )
    return built
