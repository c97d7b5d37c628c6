"""`/fields-of-work/` and `/fields-of-work/<slug>/`."""

from django.db.models import Count
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from structures.models import Structure

from ..latest import latest_news
from ..models import FieldOfWork, Meeting, NewsItem

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
        context = super().get_context_data(**kwargs)
        # One grouped query over the join table, restricted to public items.
        counts = dict(
            NewsItem.fields_of_work.through.objects.filter(
                newsitem__in=NewsItem.objects.published().values("pk")
            )
            .values_list("fieldofwork_id")
            .annotate(total=Count("id"))
            .order_by()
        )
        for field in context["fields"]:
            field.news_count = counts.get(field.pk, 0)
        context["breadcrumbs"] = [(_("Home"), reverse("news:home")), (_("Fields of work"), None)]
        return context


class FieldOfWorkDetailView(DetailView):
    model = FieldOfWork
    template_name = "news/field_of_work_detail.html"
    context_object_name = "field"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        field = self.object
        news = NewsItem.objects.published().filter(fields_of_work=field)
        items, total = latest_news(LATEST_NEWS, field_of_work=field.slug)
        context.update(
            latest_news=items,
            news_count=total,
            # "Most active" is read from the news: the structures that issued the most public
            # items in this field, in one aggregate query.
            active_structures=Structure.objects.filter(
                issued_links__news_item__in=news.values("pk")
            )
            .annotate(item_count=Count("issued_links"))
            .order_by("-item_count", "name")[:TOP_STRUCTURES],
            meetings=Meeting.objects.published()
            .filter(fields_of_work=field)
            .select_related("meeting_type", "host_country")
            .order_by("-start_date", "-id")[:RECENT_MEETINGS],
            listing_url=reverse("news:list") + "?" + urlencode({"field_of_work": field.slug}),
            breadcrumbs=[
                (_("Home"), reverse("news:home")),
                (_("Fields of work"), reverse("news:field_of_work_list")),
                (field.name, None),
            ],
        )
        return context
