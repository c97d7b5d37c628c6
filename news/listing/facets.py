"""The one table of the listing's facets: what each is called, what the page says when it
ignores one of its values, and how the summary sentence introduces it. Everything else (the
form, the notices, the summary, the panel, both engines) reads this table, so adding or
renaming a facet happens here once.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FacetSpec:
    name: str  # the query string key
    label: str  # the panel's heading and the form field's label
    notice: str  # said when a value is unknown; "%(value)s" is the value
    prefix: str  # introduces the facet's terms in the summary sentence
    # Long lists start closed (unless something in them is selected), so that on a phone the
    # whole panel fits on a screen or two.
    collapsible: bool = True
    # A tree keeps its shape in the panel; flat lists put the selected options first.
    tree: bool = False


FIELD_OF_WORK = FacetSpec(
    "field_of_work",
    _("Field of work"),
    _("We ignored an unknown field of work: “%(value)s”."),
    _("in"),
)
COUNTRY = FacetSpec(
    "country",
    _("Country"),
    _("We ignored an unknown country: “%(value)s”."),
    _("from"),
)
ISSUED_BY = FacetSpec(
    "issued_by",
    _("Issued by"),
    _("We ignored an unknown issuing structure: “%(value)s”."),
    _("issued by"),
    tree=True,
)
TYPE = FacetSpec(
    "type",
    _("Type"),
    _("We ignored an unknown type of news: “%(value)s”."),
    _("of type"),
    collapsible=False,
)

# In query string order (canonical URLs, notices, the summary sentence, feed titles).
FACETS = (FIELD_OF_WORK, COUNTRY, ISSUED_BY, TYPE)
FACET_NAMES = tuple(spec.name for spec in FACETS)
# In the filter panel, the structure tree comes second.
PANEL_ORDER = (FIELD_OF_WORK, ISSUED_BY, COUNTRY, TYPE)


@dataclass
class Facet:
    """A facet as the panel shows it: its options with their counts."""

    spec: FacetSpec
    options: list = field(default_factory=list)

    @property
    def name(self):
        return self.spec.name

    @property
    def label(self):
        return self.spec.label

    @property
    def collapsible(self):
        return self.spec.collapsible

    @property
    def selected(self):
        return [option for option in self.options if option.selected]

    @property
    def visible_options(self):
        """Options with results, plus selected ones so a visitor can always untick them.
        In flat lists the selected options come first, so a long scrolled list never hides
        what is ticked; the structure tree keeps its shape."""
        visible = [option for option in self.options if option.count or option.selected]
        if self.spec.tree:
            return visible
        return sorted(visible, key=lambda option: not option.selected)
