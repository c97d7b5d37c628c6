from django.urls import path

from news.views import calendars, detail, feeds, listing, meetings, taxonomy

app_name = "news"

urlpatterns = [
    path("news/", listing.NewsListView.as_view(), name="list"),
    path("news/feed/", feeds.NewsFeed(), name="feed"),
    path("news/<slug:slug>/", detail.NewsDetailView.as_view(), name="detail"),
    path("fields-of-work/", taxonomy.FieldOfWorkListView.as_view(), name="field_of_work_list"),
    path(
        "fields-of-work/<slug:slug>/",
        taxonomy.FieldOfWorkDetailView.as_view(),
        name="field_of_work",
    ),
    path("meetings/", meetings.MeetingListView.as_view(), name="meeting_list"),
    path("meetings/calendar.ics", calendars.meetings_calendar_view, name="meetings_calendar"),
    path("meetings/<slug:slug>/", meetings.MeetingDetailView.as_view(), name="meeting_detail"),
    path(
        "meetings/<slug:slug>/calendar.ics",
        calendars.meeting_calendar_view,
        name="meeting_calendar",
    ),
]
