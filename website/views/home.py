"""`/`: the latest news, upcoming and recent meetings, and the fields of work."""

from django.utils import timezone
from django.views.generic import TemplateView

from news.models import FieldOfWork, Meeting
from news.selectors import latest_news

LATEST_NEWS = 8
MEETINGS_SHOWN = 4


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        meetings = Meeting.objects.published().select_related("meeting_type", "host_country")
        return super().get_context_data(
            latest_news=latest_news(LATEST_NEWS)[0],
            upcoming_meetings=meetings.filter(end_date__gte=today).order_by("start_date", "id")[
                :MEETINGS_SHOWN
            ],
            recent_meetings=meetings.filter(end_date__lt=today).order_by("-start_date", "-id")[
                :MEETINGS_SHOWN
            ],
            fields_of_work=FieldOfWork.objects.all(),
            **kwargs,
        )
