"""`/`: the latest news, upcoming and recent meetings, and the fields of work.

Every block is rendered once per content state, language and day (`fragment_key`: which
meetings are upcoming changes at midnight without any save) and kept in the cache. A home page
whose blocks are cached runs no query: the context holds lazy querysets and a lazy list of
cards, which only a block being rendered evaluates. Before, every view ran five queries and
rendered twenty cards and meeting rows: under gunicorn on the loaded benchmark machine the
uncached home page went from 10 to 37 requests per second (bench/README.md).
"""

from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.views.generic import TemplateView

from core.content_state import state_key
from news.models import FieldOfWork, Meeting
from news.selectors import latest_news

LATEST_NEWS = 8
MEETINGS_SHOWN = 4
FRAGMENT_SECONDS = 600


def fragment_key(state, today):
    return f"{state}:{translation.get_language()}:{today.isoformat()}"


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        # Read before any row, so that blocks stored under this state show nothing older.
        state = state_key()
        today = timezone.localdate()

        def meetings(*order, **filters):
            # Built only when the block is rendered: building the two filtered querysets
            # was a fifth of a cached home page's time (profiled).
            def load():
                published = Meeting.objects.published().select_related(
                    "meeting_type", "host_country"
                )
                return list(published.filter(**filters).order_by(*order)[:MEETINGS_SHOWN])

            return SimpleLazyObject(load)

        return super().get_context_data(
            latest_news=SimpleLazyObject(lambda: latest_news(LATEST_NEWS)[0]),
            upcoming_meetings=meetings("start_date", "id", end_date__gte=today),
            recent_meetings=meetings("-start_date", "-id", end_date__lt=today),
            fields_of_work=FieldOfWork.objects.all(),
            fragment_key=fragment_key(state, today),
            fragment_seconds=FRAGMENT_SECONDS,
            **kwargs,
        )
