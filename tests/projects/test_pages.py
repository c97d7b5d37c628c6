"""`/projects/<slug>/`, the feed, the sitemap section, and projects on other pages."""

import json
import re

import pytest

from core.publishing import Status
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


class TestDetail:
    def test_shows_the_metadata_block_description_and_related_news(self, client, world):
        response = client.get("/projects/ilp/")
        assert response.status_code == 200
        html = response.text
        for text in (
            "Intelligence-led Policing",
            "1101234",
            "Ongoing",
            "Strategic Police Matters Unit",
            "Conflict Prevention Centre",
            "Norway",
            "Germany",
            "Serbia",
            "Moldova",
            "Policing",
            "Extra-budgetary",
            "EUR 1,250,000",
            "The description.",
            "Guidebook launched",
        ):
            assert text in html, text
        # The lead implementer comes first.
        assert html.index("Strategic Police Matters Unit") < html.index("Conflict Prevention")

    def test_json_ld_describes_a_project(self, client, world):
        html = client.get("/projects/ilp/").text
        script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        data = json.loads(script.group(1))
        assert data["@type"] == "Project"
        assert [funder["name"] for funder in data["funder"]] == ["Norway", "Germany"]
        assert data["department"]["name"] == "Strategic Police Matters Unit"

    def test_drafts_are_404_for_visitors_and_previews_for_editors(self, client, world, editor):
        assert client.get("/projects/draft-project/").status_code == 404
        assert client.get("/projects/scheduled-project/").status_code == 404
        client.force_login(editor)
        response = client.get("/projects/draft-project/")
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]

    def test_a_news_item_shows_the_project_it_is_part_of(self, client, world):
        html = client.get("/news/guidebook-launched/").text
        assert "Part of project" in html
        assert 'href="/projects/ilp/"' in html

    def test_a_draft_project_is_never_shown_on_its_news(self, client, world):
        world.hidden[0].related_news.add(world.news)
        html = client.get("/news/guidebook-launched/").text
        assert "Draft project" not in html

    def test_query_count_is_pinned(self, client, world, django_assert_max_num_queries):
        with django_assert_max_num_queries(22):
            client.get("/projects/ilp/")
        # Cached fragments: the row only (its relations are read when a fragment renders).
        with django_assert_max_num_queries(1):
            client.get("/projects/ilp/")


class TestBlocks:
    def test_structure_page_lists_current_projects_of_its_units(self, client, world):
        html = client.get("/structures/secretariat/").text
        assert "Current projects" in html
        assert "Intelligence-led Policing" in html  # by its units
        assert "Core policing support" in html
        assert "Women in policing" not in html  # planned, not current
        assert "Draft project" not in html

    def test_country_and_field_of_work_pages(self, client, world):
        country = client.get("/countries/serbia/").text
        assert "Intelligence-led Policing" in country
        assert "Border security" not in country  # completed
        field = client.get("/fields-of-work/policing/").text
        assert "Current projects" in field and "Intelligence-led Policing" in field


class TestFeedAndSitemap:
    def test_the_feed_has_what_the_listing_has(self, client, world):
        feed = client.get("/projects/feed/?donor=germany").text
        assert "Intelligence-led Policing" in feed and "Women in policing" in feed
        assert "Border security" not in feed and "Draft project" not in feed
        assert "projects: Germany" in feed

    def test_the_sitemap_lists_published_projects_only(self, client, world):
        response = client.get("/sitemap-projects.xml")
        assert response.status_code == 200
        assert "/projects/ilp/" in response.text
        assert "draft-project" not in response.text
        assert "/ru/projects/russian-only/" in response.text
        assert "http://testserver/projects/russian-only/" not in response.text
        assert "sitemap-projects.xml" in client.get("/sitemap.xml").text


def test_a_project_published_later_shows_on_its_pages(client, world):
    project = ProjectFactory(
        slug="later",
        status=Status.DRAFT,
        implemented_by=[world.mission],
        start_date=world.today,
        end_date=world.today,
    )
    assert "later" not in client.get("/structures/mission-to-serbia/").text
    project.status = Status.PUBLISHED
    project.save()
    assert "/projects/later/" in client.get("/structures/mission-to-serbia/").text


class TestSearch:
    def test_the_listing_searches_titles_summaries_and_descriptions(self, client, world):
        response = client.get("/projects/?q=intelligence")
        # The title carries the search's highlight.
        assert "<mark>Intelligence</mark>-led Policing" in response.text
        assert response.context["total"] == 1
        assert response.context["current_sort"] == "relevance"
        assert "Draft project" not in client.get("/projects/?q=draft").text

    def test_the_search_page_groups_projects(self, client, world):
        html = client.get("/search/?q=policing").text
        assert "project-results-heading" in html
        assert 'href="/projects/ilp/"' in html
        assert 'href="/projects/women-in-policing/"' in html
        assert "draft-project" not in html and "scheduled-project" not in html
