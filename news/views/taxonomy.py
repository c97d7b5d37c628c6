"""`/fields-of-work/` and `/fields-of-work/<slug>/`."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from core import page_dependencies
from news.models import FieldOfWork, Meeting
from news.selectors import latest_news, listing_filter
from redirects.views import OldSlugRedirectMixin
from structures.models import Structure

LATEST_NEWS = 10
TOP_STRUCTURES = 8
RECENT_MEETINGS = 5


class FieldOfWorkListView(ListView):
    model = FieldOfWork
    template_name = "news/field_of_work_list.html"
    context_object_name = "fields"

    def get_queryset(self):
        return FieldOfWork.objects.all()

    def get_context_data(self, **kwargs):
        # The taxonomy and the listing's counts (the base and listing states) are all it
        # shows (core.page_dependencies).
        page_dependencies.complete()
        context = super().get_context_data(**kwargs)
        # The listing's own facet counts: the numbers agree with what each link shows.
        facets = {facet.name: facet for facet in listing_filter().facets()}
        counts = {option.value: option.count for option in facets["field_of_work"].options}
        for field in context["fields"]:
            field.news_count = counts.get(field.slug, 0)
        context["breadcrumbs"] = [(_("Home"), reverse("website:home")), (_("Fields of work"), None)]
        return context


class FieldOfWorkDetailView(OldSlugRedirectMixin, DetailView):
    model = FieldOfWork
    template_name = "news/field_of_work_detail.html"
    context_object_name = "field"

    def get_context_data(self, **kwargs):
        # Besides the taxonomy and counts, the newest news, meetings, projects and documents
        # in the field, each read after its version (news.selectors, `shown()`, the projects'
        # and documents' blocks): a stored page depends on those (core.page_dependencies).
        page_dependencies.complete()
        context = super().get_context_data(**kwargs)
        field = self.object
        items, total = latest_news(LATEST_NEWS, field_of_work=field.slug)
        # "Most active" is read from the news: the structures that issued the most public
        # items in this field.
        counts = listing_filter(field_of_work=field.slug).issuer_counts()
        top = sorted(counts.items(), key=lambda pair: -pair[1])[:TOP_STRUCTURES]
        structures = Structure.objects.in_bulk([pk for pk, _count in top])
        active_structures = []
        for pk, count in top:
            structure = structures[pk]
            structure.item_count = count
            active_structures.append(structure)
        context.update(
            latest_news=items,
            news_count=total,
            active_structures=active_structures,
            meetings=Meeting.objects.published()
            .filter(fields_of_work=field)
            .select_related("meeting_type", "host_country")
            .order_by("-start_date", "-id")
            .shown(RECENT_MEETINGS),
            listing_url=reverse("news:list") + "?" + urlencode({"field_of_work": field.slug}),
            section_top={"name": _("Fields of work"), "url": reverse("news:field_of_work_list")},
            section_links=[
                {"name": other.name, "url": other.get_absolute_url(), "current": other == field}
                for other in FieldOfWork.objects.only("name", "slug")
            ],
            breadcrumbs=[
                (_("Home"), reverse("website:home")),
                (_("Fields of work"), reverse("news:field_of_work_list")),
                (field.name, None),
            ],
        )
        return context
