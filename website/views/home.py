"""`/`: the lead story and the stories after it, key figures of the organisation, the latest
news of each main type, upcoming and recent meetings, and the fields of work.

Every block is rendered once per language and day (`fragment_key`: which meetings are
upcoming, and the year's Chairpersonship, change at midnight without any save) and kept in the
cache under what it shows (`{% cache_shown %}`, core.fragments: the versions of the items it
shows, the listing and base states), so an edit of an item it does not show keeps it. A
stored home page depends on the same: the versions of the items it shows, read before their
rows, and the listing and base states (core.page_dependencies). Which items are the newest,
featured, upcoming or recent is decided by publishing and listing fields alone
(`NewsItem.featured_until` and the meetings' dates are listing fields for that reason), and
the key figures and fields of work come from the taxonomy.

A home page whose blocks are cached runs no query: the context holds lazy objects, which only
a block being rendered evaluates. Before, every view ran five queries and rendered twenty
cards and meeting rows: under gunicorn on the loaded benchmark machine the uncached home page
went from 10 to 37 requests per second (bench/README.md).

The lead story is the newest item a publisher featured (`NewsItem.featured_until` ahead).
That moment is a scheduled change (`Publishable.moment_fields`): when it passes it moves the
item's version, which the blocks showing it depend on, and the next request renders them again.
"""

from typing import NamedTuple

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from core import page_dependencies
from countries.models import Chairpersonship, Country, CountryStatus
from news.models import FieldOfWork, Meeting, NewsType
from news.selectors import home_news
from structures.kinds import StructureKind
from structures.models import Structure

STORIES = 4
MEETINGS_SHOWN = 4
PER_TYPE = 4
FRAGMENT_SECONDS = 600
# The columns of "latest news by type": the type and its column's heading and link.
TYPE_COLUMNS = (
    (NewsType.PRESS_RELEASE, _("Press releases"), _("All press releases")),
    (NewsType.NEWS, _("News"), _("All news stories")),
    (NewsType.PRESS_STATEMENT, _("Statements"), _("All statements")),
)


def fragment_key(today):
    """What the blocks are of: the language and the day. They are kept under what they show
    (`{% cache_shown %}`, core.fragments: the items' versions, the listing and base states)."""
    return f"{translation.get_language()}:{today.isoformat()}"


class Figures(NamedTuple):
    participating_states: int
    partners: int
    field_operations: int
    field_operations_url: str
    chairpersonship: Chairpersonship | None


def key_figures(today):
    """ "Who we are", counted from the data: participating States and Partners for
    Co-operation, field operations open today (and the page that lists them: their common
    parent), and this year's Chairpersonship. Three queries."""
    counts = Country.objects.aggregate(
        states=Count("pk", filter=Q(status=CountryStatus.PARTICIPATING_STATE)),
        partners=Count(
            "pk",
            filter=Q(status__in=[CountryStatus.ASIAN_PARTNER, CountryStatus.MEDITERRANEAN_PARTNER]),
        ),
    )
    operations = list(
        Structure.objects.filter(kind=StructureKind.FIELD_OPERATION)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gt=today))
        .filter(Q(established_on__isnull=True) | Q(established_on__lte=today))
        .select_related("parent")
        .only("pk", "parent__slug")
    )
    parents = {operation.parent.slug for operation in operations if operation.parent}
    return Figures(
        participating_states=counts["states"],
        partners=counts["partners"],
        field_operations=len(operations),
        field_operations_url=(
            reverse("structures:detail", kwargs={"slug": parents.pop()})
            if len(parents) == 1
            else reverse("structures:list")
        ),
        chairpersonship=Chairpersonship.objects.current(today),
    )


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        # The blocks keep what they show with them (core.fragments), so the page depends on
        # those items' versions and the listing and base states (core.page_dependencies).
        page_dependencies.complete()
        now = timezone.now()
        today = timezone.localdate(now)

        def meetings(*order, **filters):
            # Built only when the block is rendered: building the two filtered querysets
            # was a fifth of a cached home page's time (profiled).
            def load():
                published = Meeting.objects.published().select_related(
                    "meeting_type", "host_country"
                )
                return published.filter(**filters).order_by(*order).shown(MEETINGS_SHOWN)

            return SimpleLazyObject(load)

        news = SimpleLazyObject(
            lambda: home_news(now, STORIES, [kind for kind, *_labels in TYPE_COLUMNS], PER_TYPE)
        )
        list_url = reverse("news:list")

        def type_columns():
            return [
                {
                    "heading": heading,
                    "more": more,
                    "url": f"{list_url}?{urlencode({'type': kind.value})}",
                    "items": news.by_type[kind],
                    "slug": kind.value,
                }
                for kind, heading, more in TYPE_COLUMNS
            ]

        return super().get_context_data(
            news=news,
            type_columns=SimpleLazyObject(type_columns),
            figures=SimpleLazyObject(lambda: key_figures(today)),
            upcoming_meetings=meetings("start_date", "id", end_date__gte=today),
            recent_meetings=meetings("-start_date", "-id", end_date__lt=today),
            fields_of_work=FieldOfWork.objects.all(),
            fragment_key=fragment_key(today),
            fragment_seconds=FRAGMENT_SECONDS,
            **kwargs,
        )
