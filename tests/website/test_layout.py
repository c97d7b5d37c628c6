"""The layout every page shares: the navigation from the database, breadcrumbs, canonical
URLs, error pages."""

import datetime

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.db import connection
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from countries.models import CountryStatus
from structures.models import StructureKind
from tests.factories import (
    ChairpersonshipFactory,
    CountryFactory,
    FieldOfWorkFactory,
    MeetingTypeFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db


def nav_html(client):
    html = client.get(reverse("structures:list")).content.decode()
    start = html.index('<nav class="main-nav"')
    return html[start : html.index("</nav>", start)]


def test_page_has_language_skip_link_and_main_landmark(client):
    html = client.get(reverse("news:field_of_work_list")).content.decode()
    assert '<html lang="en">' in html
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert 'src="/static/js/site.js" defer' in html


def test_menu_is_built_from_the_taxonomy(client):
    FieldOfWorkFactory(name="Policing", slug="policing")
    MeetingTypeFactory(name="Ministerial Council meetings", slug="ministerial-council-meetings")
    CountryFactory(name="Japan", slug="japan", status=CountryStatus.ASIAN_PARTNER)
    CountryFactory(name="Egypt", slug="egypt", status=CountryStatus.MEDITERRANEAN_PARTNER)
    secretariat = StructureFactory(name="Secretariat", slug="secretariat")
    StructureFactory(name="Conflict Prevention Centre", parent=secretariat)
    unit = StructureFactory(name="FSC Support Section", parent=secretariat.children.get())
    StructureFactory(name="Mission to Serbia", kind=StructureKind.FIELD_OPERATION)
    StructureFactory(
        name="Mission to Croatia",
        kind=StructureKind.FIELD_OPERATION,
        closed_on=datetime.date(2011, 12, 31),
    )

    nav = nav_html(client)

    assert '<a href="/fields-of-work/policing/">Policing</a>' in nav
    assert (
        '<a href="/meetings/?type=ministerial-council-meetings">Ministerial Council meetings</a>'
        in nav
    )
    assert '<a href="/countries/japan/">Japan</a>' in nav
    assert '<a href="/countries/egypt/">Egypt</a>' in nav
    assert "Conflict Prevention Centre" in nav
    # Top two levels of the tree only.
    assert unit.name not in nav
    # Field operations under "Our work": open ones only; the closed one is labelled in the tree.
    assert nav.count("Mission to Serbia") == 2
    assert "Mission to Croatia (closed)" in nav
    assert nav.count("Mission to Croatia") == 1


def test_menu_uses_disclosure_widgets_that_work_without_javascript(client):
    nav = nav_html(client)
    assert nav.count('<details class="nav-disclosure"') == 6
    assert "<summary>Countries</summary>" in nav
    # "About us" lists the published pages placed there (pages/0002 ships some).
    assert "<summary>About us</summary>" in nav and "<summary>Newsroom</summary>" in nav
    html = client.get(reverse("news:field_of_work_list")).content.decode()
    assert '<summary class="site-menu-toggle">' in html


def test_current_chair_is_marked_as_the_seed_page_does(client):
    finland = CountryFactory(name="Finland", slug="finland")
    CountryFactory(name="Switzerland", slug="switzerland")
    year = timezone.localdate().year
    ChairpersonshipFactory(year=year, country=finland)
    ChairpersonshipFactory(year=year - 1, country=CountryFactory(name="Malta"))

    nav = nav_html(client)

    assert f"Finland – OSCE Chairpersonship {year}</a>" in nav
    assert "Malta – OSCE" not in nav
    assert '<a href="/countries/switzerland/">Switzerland</a>' in nav


def test_menu_is_cached_a_second_render_runs_no_query(django_assert_num_queries):
    FieldOfWorkFactory.create_batch(3)
    template = Template("{% load navigation %}{% main_navigation %}")
    with CaptureQueriesContext(connection) as first:
        first_html = template.render(Context())
    assert len(first) > 0
    with django_assert_num_queries(0):
        assert template.render(Context()) == first_html


def test_saving_or_deleting_a_menu_record_refreshes_the_cached_menu(client):
    field = FieldOfWorkFactory(name="Policing")
    assert "Policing" in nav_html(client)

    field.name = "Policing and security"
    field.save()
    assert "Policing and security" in nav_html(client)

    country = CountryFactory(name="Andorra")
    assert "Andorra" in nav_html(client)
    country.delete()
    assert "Andorra" not in nav_html(client)

    series = MeetingTypeFactory(name="Summit meetings")
    assert "Summit meetings" in nav_html(client)
    structure = StructureFactory(name="Secretariat")
    assert "Secretariat" in nav_html(client)
    structure.name = "OSCE Secretariat"
    structure.save()
    assert "OSCE Secretariat" in nav_html(client)
    series.delete()
    assert "Summit meetings" not in nav_html(client)


def test_new_chairpersonship_refreshes_the_menu(client):
    country = CountryFactory(name="Finland")
    assert "Chairpersonship" not in nav_html(client)
    ChairpersonshipFactory(year=timezone.localdate().year, country=country)
    assert "Finland – OSCE Chairpersonship" in nav_html(client)


def test_breadcrumbs_mark_the_current_page(client):
    field = FieldOfWorkFactory(name="Elections", slug="elections")
    html = client.get(field.get_absolute_url()).content.decode()
    assert '<nav class="breadcrumbs" aria-label="Breadcrumb">' in html
    assert '<li><a href="/">Home</a></li>' in html
    assert '<li><a href="/fields-of-work/">Fields of work</a></li>' in html
    assert '<li><span aria-current="page">Elections</span></li>' in html


def test_canonical_url_comes_from_site_url_not_the_host_header(client, settings):
    settings.ALLOWED_HOSTS = ["evil.example", "testserver"]
    html = client.get(
        reverse("news:field_of_work_list") + "?utm_source=x", HTTP_HOST="evil.example"
    ).content.decode()
    assert '<link rel="canonical" href="https://www.example.org/fields-of-work/">' in html
    assert "evil.example" not in html


def test_404_page_uses_the_site_layout(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert '<nav class="main-nav"' in html
    assert '<footer class="site-footer">' in html
    assert '<meta name="robots" content="noindex">' in html


def test_500_page_renders_without_request_or_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert "Sorry, something went wrong" in html
    assert '<footer class="site-footer">' in html


def test_500_handler_answers_even_when_the_database_is_down(rf):
    from website.views.site import server_error

    def refuse(*args, **kwargs):
        raise AssertionError("the 500 page must not query the database")

    with connection.execute_wrapper(refuse):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"Sorry, something went wrong" in response.content
    assert b"OSCE" in response.content


def test_messages_are_rendered_escaped():
    message = Message(constants.SUCCESS, "Saved <b>it</b>")
    html = render_to_string("404.html", {"messages": [message]})
    assert '<p class="notice notice-success" role="status">Saved &lt;b&gt;it&lt;/b&gt;</p>' in html
