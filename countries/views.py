"""`/countries/` and `/countries/<slug>/`.

This app sits at the bottom of the layers: it imports no other app of ours. The news about a
country comes from an inclusion tag in `news.templatetags.news_blocks` that the template
loads, and the structures it hosts through the reverse relation.
"""

from operator import attrgetter

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import generic

from core import page_dependencies
from core.collation import collated
from countries.models import Chairpersonship, Country, CountryStatus
from redirects.views import OldSlugRedirectMixin

GROUPS = (
    ("participating-states", CountryStatus.PARTICIPATING_STATE, _("Participating States")),
    ("asian-partners", CountryStatus.ASIAN_PARTNER, _("Asian Partners for Co-operation")),
    (
        "mediterranean-partners",
        CountryStatus.MEDITERRANEAN_PARTNER,
        _("Mediterranean Partners for Co-operation"),
    ),
)


def home_crumb():
    return (_("Home"), reverse("website:home"))


class ListView(generic.ListView):
    model = Country
    template_name = "countries/country_list.html"
    context_object_name = "countries"

    def get_queryset(self):
        return Country.objects.only("name", "slug", "status", "joined_on")

    def get_context_data(self, **kwargs):
        # Only the taxonomy (the base state, core.page_dependencies).
        page_dependencies.complete()
        context = super().get_context_data(**kwargs)
        chair = Chairpersonship.objects.current()
        by_status = {}
        # In the alphabet of the page's language: "Österreich" among the O's, not after "Zypern".
        for country in collated(context["countries"], name=attrgetter("name")):
            country.is_chair = chair is not None and country.pk == chair.country_id
            by_status.setdefault(country.status, []).append(country)
        context.update(
            groups=[
                {"anchor": anchor, "label": label, "countries": by_status.get(status, [])}
                for anchor, status, label in GROUPS
            ],
            chair=chair,
            breadcrumbs=[home_crumb(), (_("Countries"), None)],
        )
        return context


class DetailView(OldSlugRedirectMixin, generic.DetailView):
    model = Country
    template_name = "countries/country_detail.html"
    context_object_name = "country"

    def get_queryset(self):
        return Country.objects.prefetch_related("hosted_structures", "chairpersonships", "aliases")

    def get_context_data(self, **kwargs):
        # The taxonomy, and the blocks of its newest news, projects and documents, each read
        # after its items' versions (news.selectors, projects.selectors, documents.selectors):
        # a stored page depends on those (core.page_dependencies).
        page_dependencies.complete()
        context = super().get_context_data(**kwargs)
        country = self.object
        hosted = list(country.hosted_structures.all())
        this_year = timezone.localdate().year
        context.update(
            field_operations=[s for s in hosted if not s.is_closed],
            closed_activities=[s for s in hosted if s.is_closed],
            chair_years=sorted(c.year for c in country.chairpersonships.all()),
            is_current_chair=any(c.year == this_year for c in country.chairpersonships.all()),
            current_year=this_year,
            section_top={"name": _("Countries"), "url": reverse("countries:list")},
            section_links=[
                {"name": label, "url": f"{reverse('countries:list')}#{anchor}"}
                for anchor, _status, label in GROUPS
            ],
            breadcrumbs=[
                home_crumb(),
                (_("Countries"), reverse("countries:list")),
                (country.name, None),
            ],
        )
        return context
