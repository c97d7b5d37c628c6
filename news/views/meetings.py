"""`/meetings/` (upcoming and past, optionally narrowed to series) and `/meetings/<slug>/`.

`?type=<series-slug>` may repeat (the series are OR-ed), read by `news.meeting_filter` (which
the JSON API shares). Unknown slugs are dropped with a notice, never an error; a page number
that is not a page of the past meetings is a 404.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from core import languages, page_dependencies
from news.meeting_filter import MeetingFilter
from news.models import Meeting
from news.views.preview import PublishedOrPreviewMixin
from redirects.views import OldSlugRedirectMixin

PAGE_SIZE = 20
UPCOMING_LIMIT = 20


def meetings_crumb():
    return (_("Meetings and conferences"), reverse("news:meeting_list"))


class MeetingListView(ListView):
    """The paginated list is the past meetings; upcoming ones sit above it, soonest first."""

    template_name = "news/meeting_list.html"
    context_object_name = "past_meetings"
    paginate_by = PAGE_SIZE

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.filter = MeetingFilter(request.GET)
        self.series = self.filter.series
        self.selected = self.filter.selected
        self.unknown = self.filter.unknown

    def get_queryset(self):
        return self.filter.past()

    def get_context_data(self, **kwargs):
        # What the page shows: the meetings' versions, read before their rows, the series
        # and their counts (the taxonomy and the listing state: a meeting's dates and series
        # are listing fields), so a stored page depends on those alone
        # (core.page_dependencies) and an edit of a meeting it does not show keeps it.
        page_dependencies.complete()
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        page.object_list = page.object_list.shown()
        context["past_meetings"] = context["object_list"] = page.object_list
        filter_query = self.filter.query
        canonical_query = filter_query.copy()
        if page.number > 1:
            canonical_query["page"] = str(page.number)
        list_url = reverse("news:meeting_list")
        crumbs = [(_("Home"), reverse("website:home"))]
        if len(self.selected) == 1:
            crumbs += [meetings_crumb(), (self.selected[0].name, None)]
        else:
            crumbs.append((_("Meetings and conferences"), None))
        context.update(
            series_options=self.series,
            selected_series=self.selected,
            unknown_series=self.unknown,
            upcoming_meetings=self.filter.upcoming().shown(UPCOMING_LIMIT),
            filter_query=filter_query,
            page_range=list(
                context["paginator"].get_elided_page_range(page.number, on_each_side=2, on_ends=1)
            ),
            list_url=list_url,
            # The same series as a calendar to subscribe to (news.views.calendars).
            calendar_url=reverse("news:meetings_calendar")
            + (f"?{series_query}" if (series_query := filter_query.urlencode()) else ""),
            # urlencode(), not the QueryDict: "type" with no values is a key encoding to "".
            canonical_url=settings.SITE_URL
            + list_url
            + (f"?{query}" if (query := canonical_query.urlencode()) else ""),
            # The page cache stores only this query's page (osce_site.page_cache).
            canonical_query=canonical_query,
            noindex=len(self.selected) > 1,
            breadcrumbs=crumbs,
        )
        return context


class MeetingDetailView(OldSlugRedirectMixin, PublishedOrPreviewMixin, DetailView):
    template_name = "news/meeting_detail.html"
    context_object_name = "meeting"

    def get_queryset(self):
        return Meeting.objects.select_related(
            "meeting_type", "host_country", "organiser"
        ).prefetch_related("fields_of_work")

    def get_context_data(self, **kwargs):
        # The meeting's version was read before its row (PublishedOrPreviewMixin), its
        # documents' before theirs: a stored page depends on those (core.page_dependencies).
        page_dependencies.complete()
        context = super().get_context_data(**kwargs)
        meeting = self.object
        context["breadcrumbs"] = [
            (_("Home"), reverse("website:home")),
            meetings_crumb(),
            (meeting.meeting_type.name, meeting.meeting_type.get_absolute_url()),
            (meeting.title, None),
        ]
        context["is_upcoming"] = meeting.end_date >= timezone.localdate()
        # A meeting exists in the languages its title is written in; in others its English
        # text is shown under a notice.
        context.update(
            languages.page_context(meeting.get_absolute_url(), languages.title_languages(meeting))
        )
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not self.is_preview:
            response.headers["Last-Modified"] = http_date(self.object.updated_at.timestamp())
        return response
