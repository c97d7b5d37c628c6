"""The pages whose views declare what they show (core.page_dependencies) beyond the listings and
the news item: the home page, feeds, sitemaps, meetings, countries, structures, fields of
work, field operations, projects and documents. Each one is rendered again within a second of
an edit of an item it shows, and stays stored through an edit of an item it does not show and
through a draft's save; a change of what it lists (a publish, a new date, a featuring) renders
it again even though it never read the row that came."""

import datetime

import pytest
from django.utils import timezone

from core.publishing import Status
from osce_site.page_cache import HEADER
from tests.factories import (
    DocumentFactory,
    FieldOfWorkFactory,
    FieldOperationProfileFactory,
    FiguresFactory,
    MeetingFactory,
    NewsItemFactory,
    ProjectFactory,
)
from tests.production.page_cache.pages import fetch

pytestmark = pytest.mark.django_db(transaction=True)

OLD = datetime.date(2001, 1, 1)


def stored(visitor, *urls):
    for url in urls:
        assert visitor.get(url).status_code == 200, url
        assert visitor.get(url)[HEADER] == "HIT", url


def assert_kept(visitor, *urls):
    for url in urls:
        assert visitor.get(url)[HEADER] == "HIT", url


def assert_shown_again(visitor, text, *urls):
    for url in urls:
        response, body = fetch(visitor, url)
        assert response[HEADER] == "MISS", url
        assert text in body, url


def retitle(item, title):
    item.title = title
    item.save()


def save_a_draft():
    draft = NewsItemFactory(title="Not yet", status=Status.DRAFT, fields_of_work=[])
    retitle(draft, "Not yet, again")


@pytest.fixture
def unshown():
    """A published news item old enough that no page of these tests shows it."""
    return NewsItemFactory(title="An old story", slug="an-old-story", issued_on=OLD)


class TestTheHomePage:
    @pytest.fixture
    def newer(self):
        """Twelve newer items: the home page's pool and columns are full without `unshown`."""
        return NewsItemFactory.create_batch(12, issued_on=datetime.date(2024, 6, 1))

    def test_an_edit_of_a_story_it_shows_renders_it_again(self, visitor, site, newer):
        stored(visitor, "/")
        retitle(newer[-1], "The lead story, edited")
        assert_shown_again(visitor, "The lead story, edited", "/")

    def test_an_edit_of_a_story_it_does_not_show_keeps_it(self, visitor, newer, unshown):
        stored(visitor, "/")
        retitle(unshown, "An old story, edited")
        save_a_draft()
        assert_kept(visitor, "/")

    def test_featuring_a_story_it_did_not_show_renders_it_again(self, visitor, newer, unshown):
        stored(visitor, "/")
        unshown.featured_until = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1)
        unshown.save()
        assert_shown_again(visitor, "An old story", "/")

    def test_meetings_it_shows_and_a_meeting_that_becomes_upcoming(self, visitor, site):
        recent = MeetingFactory.create_batch(
            4, start_date=datetime.date(2025, 1, 6), end_date=datetime.date(2025, 1, 7)
        )
        old = MeetingFactory(title="An old meeting", start_date=OLD, end_date=OLD)
        stored(visitor, "/")
        retitle(old, "An old meeting, edited")
        assert_kept(visitor, "/")
        retitle(recent[0], "A recent meeting, edited")
        assert_shown_again(visitor, "A recent meeting, edited", "/")
        # Its dates decide where it is listed: it never read the old meeting's row.
        old.start_date = old.end_date = timezone.localdate() + datetime.timedelta(days=30)
        old.save()
        assert_shown_again(visitor, "An old meeting, edited", "/")

    def test_a_publication_it_shows(self, visitor, site):
        document = DocumentFactory(title="Annual report")
        stored(visitor, "/")
        retitle(document, "Annual report, revised")
        assert_shown_again(visitor, "Annual report, revised", "/")


class TestFeeds:
    NEWS = ("/news/feed/", "/news/feed/?field_of_work=policing")
    OTHERS = ("/projects/feed/", "/documents/feed/")

    def test_an_edit_of_an_item_a_feed_holds_renders_only_the_feeds_holding_it(
        self, visitor, site, unshown
    ):
        project = ProjectFactory(title="Border management")
        document = DocumentFactory(title="Annual report")
        stored(visitor, *self.NEWS, *self.OTHERS)
        save_a_draft()
        assert_kept(visitor, *self.NEWS, *self.OTHERS)
        # The unfiltered feed holds it, the one filtered to another field of work does not.
        retitle(unshown, "An old story, edited")
        assert_kept(visitor, self.NEWS[1], *self.OTHERS)
        assert_shown_again(visitor, "An old story, edited", self.NEWS[0])
        retitle(site, "Border police trained again")
        assert_kept(visitor, *self.OTHERS)
        assert_shown_again(visitor, "Border police trained again", *self.NEWS)
        retitle(project, "Border management, continued")
        assert_kept(visitor, *self.NEWS, self.OTHERS[1])
        assert_shown_again(visitor, "Border management, continued", self.OTHERS[0])
        retitle(document, "Annual report, revised")
        assert_kept(visitor, *self.NEWS, self.OTHERS[0])
        assert_shown_again(visitor, "Annual report, revised", self.OTHERS[1])

    def test_a_filtered_feed_keeps_through_an_edit_of_an_item_outside_its_filter(
        self, visitor, site
    ):
        elections = NewsItemFactory(
            title="Observers deployed",
            fields_of_work=[FieldOfWorkFactory(slug="elections", name="Elections")],
        )
        stored(visitor, "/news/feed/?field_of_work=elections")
        retitle(site, "Border police trained again")
        assert_kept(visitor, "/news/feed/?field_of_work=elections")
        retitle(elections, "Observers deployed again")
        assert_shown_again(
            visitor, "Observers deployed again", "/news/feed/?field_of_work=elections"
        )


class TestSitemaps:
    def test_an_edit_renders_the_index_and_its_own_section_only(self, visitor, site):
        meeting_sections = ("/sitemap-meetings.xml", "/sitemap-countries.xml")
        stored(visitor, "/sitemap.xml", "/sitemap-news.xml", *meeting_sections)
        save_a_draft()
        assert_kept(visitor, "/sitemap.xml", "/sitemap-news.xml", *meeting_sections)
        site.title = "Border police trained again"
        site.save()
        assert_kept(visitor, *meeting_sections)
        for url in ("/sitemap.xml", "/sitemap-news.xml"):
            assert visitor.get(url)[HEADER] == "MISS", url
        # The new <lastmod> is what changed.
        site.refresh_from_db()
        lastmod = timezone.localtime(site.updated_at).date().isoformat()
        assert lastmod in fetch(visitor, "/sitemap-news.xml")[1]

    def test_a_new_item_is_listed(self, visitor, site):
        stored(visitor, "/sitemap-news.xml")
        NewsItemFactory(slug="freshly-published")
        assert_shown_again(visitor, "freshly-published", "/sitemap-news.xml")


class TestMeetings:
    def test_the_listing_and_the_meeting_page(self, visitor, site, unshown):
        meeting = MeetingFactory(title="Permanent Council", slug="permanent-council")
        other = MeetingFactory(title="Ministerial Council")
        urls = ("/meetings/", "/meetings/permanent-council/")
        stored(visitor, *urls)
        retitle(unshown, "An old story, edited")
        save_a_draft()
        assert_kept(visitor, *urls)
        retitle(other, "Ministerial Council, Vienna")
        assert_kept(visitor, "/meetings/permanent-council/")
        assert_shown_again(visitor, "Ministerial Council, Vienna", "/meetings/")
        retitle(meeting, "Permanent Council, special session")
        assert_shown_again(visitor, "Permanent Council, special session", *urls)

    def test_a_meeting_page_shows_its_documents(self, visitor, site):
        meeting = MeetingFactory(slug="permanent-council")
        agenda = DocumentFactory(title="Agenda", meeting=meeting)
        elsewhere = DocumentFactory(title="Annual report")
        stored(visitor, "/meetings/permanent-council/")
        retitle(elsewhere, "Annual report, revised")
        assert_kept(visitor, "/meetings/permanent-council/")
        retitle(agenda, "Agenda, revised")
        assert_shown_again(visitor, "Agenda, revised", "/meetings/permanent-council/")
        # A document it did not list comes to it: its meeting is a listing field.
        elsewhere.meeting = meeting
        elsewhere.save()
        assert_shown_again(visitor, "Annual report, revised", "/meetings/permanent-council/")

    def test_a_series_filter_keeps_through_a_meeting_of_another_series(self, visitor, site):
        meeting = MeetingFactory(title="Permanent Council")
        other = MeetingFactory(title="Ministerial Council")
        url = f"/meetings/?type={meeting.meeting_type.slug}"
        stored(visitor, url)
        retitle(other, "Ministerial Council, Vienna")
        assert_kept(visitor, url)
        # Moved into the series: the listing state moves.
        other.meeting_type = meeting.meeting_type
        other.save()
        assert_shown_again(visitor, "Ministerial Council, Vienna", url)


class TestTaxonomyPages:
    PAGES = ("/countries/serbia/", "/structures/secretariat/", "/fields-of-work/policing/")
    LISTS = ("/countries/", "/structures/", "/fields-of-work/")

    def test_an_edit_of_the_news_they_show(self, visitor, site, unshown):
        stored(visitor, *self.PAGES, *self.LISTS)
        retitle(unshown, "An old story, edited")
        save_a_draft()
        assert_kept(visitor, *self.PAGES, *self.LISTS)
        retitle(site, "Border police trained again")
        assert_kept(visitor, *self.LISTS)
        assert_shown_again(visitor, "Border police trained again", *self.PAGES)

    def test_a_publish_changes_the_counts_of_the_fields_of_work(self, visitor, site):
        stored(visitor, "/fields-of-work/")
        assert "1" in fetch(visitor, "/fields-of-work/")[1]
        NewsItemFactory(fields_of_work=[site.fields_of_work.get()])
        response, body = fetch(visitor, "/fields-of-work/")
        assert response[HEADER] == "MISS"

    def test_the_projects_documents_and_meetings_they_show(self, visitor, site):
        field = site.fields_of_work.get()
        project = ProjectFactory(
            title="Border management",
            end_date=datetime.date(2099, 1, 1),
            fields_of_work=[field],
            countries=[site.countries.get()],
            implemented_by=[site.issued_by.get()],
        )
        document = DocumentFactory(
            title="Annual report",
            fields_of_work=[field],
            countries=[site.countries.get()],
            issued_by=[site.issued_by.get()],
        )
        stored(visitor, *self.PAGES)
        retitle(project, "Border management, continued")
        assert_shown_again(visitor, "Border management, continued", *self.PAGES)
        retitle(document, "Annual report, revised")
        assert_shown_again(visitor, "Annual report, revised", *self.PAGES)
        retitle(site.fields_of_work.get().meetings.get(), "Ministerial Council, edited")
        assert_kept(visitor, *self.PAGES[:2])
        assert_shown_again(visitor, "Ministerial Council, edited", "/fields-of-work/policing/")

    def test_field_operations(self, visitor, site):
        figures = FiguresFactory(profile=FieldOperationProfileFactory(), staff_local=41)
        slug = figures.profile.structure.slug
        urls = (
            f"/structures/{slug}/",
            f"/structures/{slug}/figures.csv",
            f"/structures/{slug}/figures.json",
            "/field-operations/",
        )
        stored(visitor, *urls)
        retitle(site, "Border police trained again")
        save_a_draft()
        assert_kept(visitor, *urls)
        figures.staff_local = 57
        figures.save()
        assert_shown_again(visitor, "57", *urls[1:])


class TestProjectsAndDocuments:
    @pytest.fixture
    def project(self, site):
        return ProjectFactory(
            title="Border management", slug="border-management", related_news=[site]
        )

    @pytest.fixture
    def document(self, site, project):
        return DocumentFactory(
            title="Annual report",
            slug="annual-report",
            projects=[project],
            related_news=[site],
            meeting=MeetingFactory(title="Permanent Council"),
        )

    def test_a_project_page(self, visitor, site, project, document, unshown):
        url = "/projects/border-management/"
        stored(visitor, url)
        retitle(unshown, "An old story, edited")
        save_a_draft()
        assert_kept(visitor, url)
        for item, title in (
            (site, "Border police trained again"),
            (document, "Annual report, revised"),
            (project, "Border management, continued"),
        ):
            retitle(item, title)
            assert_shown_again(visitor, title, url)

    def test_a_document_page_and_the_listing(self, visitor, site, project, document, unshown):
        urls = ("/documents/", "/documents/annual-report/")
        stored(visitor, *urls)
        retitle(unshown, "An old story, edited")
        save_a_draft()
        assert_kept(visitor, *urls)
        retitle(document, "Annual report, revised")
        assert_shown_again(visitor, "Annual report, revised", *urls)
        for item, title in (
            (site, "Border police trained again"),
            (project, "Border management, continued"),
            (document.meeting, "Permanent Council, special session"),
        ):
            retitle(item, title)
            assert_kept(visitor, "/documents/")
            assert_shown_again(visitor, title, "/documents/annual-report/")
