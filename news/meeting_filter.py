"""The one definition of how visitors filter meetings: the `/meetings/` listing and the JSON API
(api.views.meetings) both read the query string through `MeetingFilter`, so they select the
same meetings and count the same series.

`?type=<series-slug>` may repeat (the series are OR-ed). Unknown slugs are kept aside in
`unknown` for the page to report, never an error. The listing pages the past meetings, newest
first; the upcoming ones sit above them, soonest first.
"""

from django.db.models import Count, Q
from django.http import QueryDict
from django.utils import timezone

from news.models import Meeting, MeetingType


class MeetingFilter:
    def __init__(self, query):
        self.today = timezone.localdate()
        published = Meeting.objects.published().values("pk")
        self.series = list(
            # Explicit order: Meta.ordering is not applied to a query with GROUP BY.
            MeetingType.objects.annotate(
                meeting_count=Count("meetings", filter=Q(meetings__in=published))
            ).order_by("position", "name")
        )
        requested = list(dict.fromkeys(query.getlist("type")))
        known = {series.slug: series for series in self.series}
        self.selected = [known[slug] for slug in requested if slug in known]
        self.unknown = [slug for slug in requested if slug not in known]
        selected = {series.slug for series in self.selected}
        for series in self.series:
            series.is_selected = series.slug in selected

    @property
    def query(self):
        """The normalised query: the known series' slugs, sorted."""
        query = QueryDict(mutable=True)
        query.setlist("type", sorted(series.slug for series in self.selected))
        return query

    def meetings(self):
        meetings = Meeting.objects.published().select_related("meeting_type", "host_country")
        if self.selected:
            meetings = meetings.filter(meeting_type__in=self.selected)
        return meetings

    def past(self):
        return self.meetings().filter(end_date__lt=self.today).order_by("-start_date", "-id")

    def upcoming(self):
        return self.meetings().filter(end_date__gte=self.today).order_by("start_date", "id")
