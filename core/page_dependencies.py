"""What a stored page depends on, recorded while it is rendered (osce_site.page_cache).

A page keyed by the content version is thrown away by every visible change anywhere; one that
knows what it shows is thrown away only by a change of that. While a page is rendered for the
page cache, the reads that decide what it shows leave a note here:

- `item_versions` (core.content_changes) notes each item version it reads: a card, a block, the
  page's own item. Those versions are read *before* the rows they stand for (a version read
  after its row could already name a change the row does not hold yet);
- `model_state` notes the version of a whole model (every visible change of any of its items
  moves it): the published simple pages the menu and the footer link to;
- `note_search` notes the search words a listing page shows and the token of their matches
  (news.listing.matches): an edit changes the page only if it changes them;
- `state_key()` (the content state) notes "everything": a fragment kept under it may show
  anything, so the page depends on everything, as before;
- every `Publishable` row loaded (`Publishable.from_db`) and every `values()` read of one is
  checked: a row whose item or model version was not read first, or values beyond what the
  listing version accounts for, make the page depend on everything.

A view that has been through this declares it (`complete()`); any other page, and any page
whose notes fall short, depends on the content state alone, as before — a page is never kept
under less than it shows. A complete page depends on its notes plus the listing version
(membership, order, facet values: counts and pages of any listing it shows) and the base
version (the taxonomy, the menu, anything no item accounts for).

A hit compares the noted versions with the current ones (core.content_state.versions_now),
read at most once per `trusted_seconds()` per process like the content state, so every server
sees a change within a second.
"""

import contextvars
from contextlib import contextmanager

from django.core.exceptions import FieldDoesNotExist

# The dependency names that stand for the states of core.content_state (not cache keys).
STATE = "state"
LISTING = "listing"
BASE = "base"
STATES = (STATE, LISTING, BASE)
# The filters of the one listing a page shows (core.listing_reach): not a version, but what
# decides whether a listing move can change the page.
REACH = "reach"
# The search a page shows (news.listing.matches): `(listing, language, words, token)`; the
# token is a hash of its matches in order, checked against the current ones on a hit.
SEARCH = "search"
NOT_VERSIONS = (*STATES, REACH, SEARCH)

_recording = contextvars.ContextVar("page_dependencies", default=None)


class Recording:
    """The notes of one page's rendering."""

    def __init__(self):
        self.versions = {}
        self.models = set()
        self.loaded = set()
        self.everything = False
        self.complete = False
        # The reach of each listing shown (core.listing_reach): one, or the page follows the
        # listing state whole.
        self.listings = set()
        # ((listing, language, words), token) of each search shown: one, or the page
        # depends on everything.
        self.searches = set()

    def note_versions(self, versions):
        for key, value in versions.items():
            self.versions.setdefault(key, value)

    def covered(self):
        """Whether every row loaded had its item's or its model's version read."""
        return all(label in self.models or key in self.versions for label, key in self.loaded)

    def dependencies(self, states):
        """((name, value), ...) the page is kept under: `states` are the content, listing and
        base states read before the rendering began."""
        if not self.complete or self.everything or not self.covered() or len(self.searches) > 1:
            return ((STATE, states[STATE]),)
        reach = ((REACH, next(iter(self.listings))),) if len(self.listings) == 1 else ()
        # Last: checked on a hit only once everything else holds (it may read the database).
        search = tuple((SEARCH, (*spec, token)) for spec, token in self.searches)
        return (
            (LISTING, states[LISTING]),
            (BASE, states[BASE]),
            *reach,
            *sorted(self.versions.items()),
            *search,
        )

    def plain(self):
        """The notes as plain data, kept with a fragment (core.templatetags.noted_cache)."""
        return {
            "versions": self.versions,
            "models": sorted(self.models),
            "loaded": sorted(self.loaded),
            "everything": self.everything,
            "listings": sorted(self.listings),
            "searches": sorted(self.searches),
        }

    def merge(self, plain):
        self.note_versions(plain["versions"])
        self.models.update(plain["models"])
        self.loaded.update(tuple(pair) for pair in plain["loaded"])
        self.everything |= plain["everything"]
        self.listings.update(plain.get("listings", ()))
        self.searches.update((tuple(spec), token) for spec, token in plain.get("searches", ()))


def recording():
    return _recording.get()


@contextmanager
def fragment():
    """Notes taken for a fragment rendered inside the block, whether or not a page is being
    recorded (they are kept with the fragment and replayed where it is reused: `replay`),
    and passed on to the page's notes."""
    outer = recording()
    notes = Recording()
    token = _recording.set(notes)
    try:
        yield notes
    finally:
        _recording.reset(token)
        if outer is not None:
            outer.merge(notes.plain())


def replay(plain):
    """A kept fragment reused: the page depends on what it showed when it was rendered."""
    notes = recording()
    if notes is not None:
        notes.merge(plain)


@contextmanager
def record():
    """Notes taken for the page rendered inside the block."""
    notes = Recording()
    token = _recording.set(notes)
    try:
        yield notes
    finally:
        _recording.reset(token)


def complete():
    """The view rendering the page reads every version of what it shows (see the module)."""
    notes = recording()
    if notes is not None:
        notes.complete = True


def note_listing(reach):
    """The page shows one listing whose filters are `reach` (core.listing_reach): a listing
    move none of whose items can reach them leaves the page as it was."""
    notes = recording()
    if notes is not None:
        notes.listings.add(reach)


def note_search(spec, token):
    """The page shows the search `spec` ((listing, language, words)) whose matches are
    `token` (news.listing.matches): an edit changes it only if it changes them."""
    notes = recording()
    if notes is not None:
        notes.searches.add((tuple(spec), token))


# On a request: the canonical query under which its 404 may be kept (`keep_not_found`).
NOT_FOUND_QUERY = "page_cache_not_found_query"


def keep_not_found(request, canonical_query):
    """The 404 this request is answered with may be stored like a page, under what the view
    noted, when asked for under `canonical_query` (a listing page past its last page: it
    depends on the listing like the pages before it). Any other 404 is never stored."""
    setattr(request, NOT_FOUND_QUERY, canonical_query)


def not_found_query(request):
    return getattr(request, NOT_FOUND_QUERY, None)


def everything():
    notes = recording()
    if notes is not None:
        notes.everything = True


def note_versions(versions):
    notes = recording()
    if notes is not None:
        notes.note_versions(versions)


def note_model(label, key, value):
    notes = recording()
    if notes is not None:
        notes.models.add(label)
        notes.note_versions({key: value})


def note_loaded(label, version_key):
    """A row of model `label` was loaded; `version_key` is its item version's key."""
    notes = recording()
    if notes is not None:
        notes.loaded.add((label, version_key))


def note_values(model, fields, annotations=None):
    """A `values()` read of `model`'s rows: covered by the listing version only when it reads
    nothing but the fields that move it (membership, order, facet values), a taxonomy record's
    value reached through one of them (`document_type__slug`: the base version), or an
    aggregate over those (`annotations`: a facet's counts)."""
    notes = recording()
    if notes is None:
        return
    allowed = {"pk", "id", *model.publishing_fields, *model.listing_fields}
    annotations = annotations or {}
    # An annotation selected beside the fields named (`values("type").annotate(n=...)`).
    names = {*fields, *annotations} if fields else ()
    if not names or not all(_covered(model, allowed, name, annotations) for name in names):
        notes.everything = True


def _covered(model, allowed, name, annotations):
    if name in allowed:
        return True
    if name in annotations:
        return _aggregate_of(model, allowed, annotations[name])
    first, _sep, rest = name.partition("__")
    if not rest or "__" in rest or first not in allowed:
        return False
    related = model._meta.get_field(first).related_model
    # A column of a record with no publishing of its own: a taxonomy record (the base
    # version), not a relation leading on from it.
    if related is None or hasattr(related, "publishing_fields"):
        return False
    try:
        field = related._meta.get_field(rest)
    except FieldDoesNotExist:
        return False
    return field.concrete and not field.is_relation


def _aggregate_of(model, allowed, expression):
    """Whether `expression` (resolved) aggregates nothing but `model`'s `allowed` columns."""
    if not getattr(expression, "contains_aggregate", False):
        return False
    for node in _nodes(expression):
        kind = type(node).__name__
        if kind in OPAQUE:
            return False
        if kind == "Col" and (node.target.model is not model or node.target.name not in allowed):
            return False
    return True


# Expressions whose columns a walk cannot see.
OPAQUE = {"RawSQL", "Subquery", "Exists", "ResolvedOuterRef", "OuterRef"}


def _nodes(expression):
    """`expression` and everything in it, conditions (`filter=Q(...)`) included."""
    yield expression
    children = getattr(expression, "children", None)
    if children is None:
        getter = getattr(expression, "get_source_expressions", None)
        children = getter() if getter is not None else ()
    for child in children:
        if child is not None:
            yield from _nodes(child)
