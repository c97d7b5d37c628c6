"""Structures named in running text as the organisation names them ("OSCE Secretariat",
"OSZE-Sekretariat"), in every language, while menus and facet lists keep the short name; and
the institutions' public contact details. Both reach a site from the repository's data file
(the loader and a data migration), never over an editor's value."""

import importlib
import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.http import QueryDict
from django.utils import translation

from core import languages
from news.listing.filterset import NewsFilter
from structures.models import Structure
from tests.factories import NewsItemFactory, StructureFactory

pytestmark = pytest.mark.django_db

SECRETARIAT = {
    "en": "OSCE Secretariat",
    "de": "OSZE-Sekretariat",
    "fr": "Secrétariat de l'OSCE",
    "ru": "Секретариат ОБСЕ",
    "es": "Secretaría de la OSCE",
    "it": "Segretariato dell'OSCE",
}
fill = importlib.import_module("structures.migrations.0005_running_names_and_contacts").fill


def test_every_structure_has_a_running_name_in_every_language(taxonomy):
    for structure in Structure.objects.all():
        for code in languages.codes():
            running = getattr(structure, f"running_name_{code}")
            assert running, (structure.slug, code)
            assert "OSCE" in running or "ОБСЕ" in running or "OSZE" in running, running
    secretariat = Structure.objects.get(slug="secretariat")
    for code, name in SECRETARIAT.items():
        with translation.override(code):
            assert secretariat.name_in_text == name


def test_institutions_have_their_seats_address(taxonomy):
    addresses = dict(Structure.objects.values_list("source_key", "address"))
    assert "00-251 Warsaw" in addresses["odihr"]
    assert "2514 AP The Hague" in addresses["hcnm"]
    assert "1010 Vienna" in addresses["rfom"]
    assert "1055 Copenhagen" in addresses["parliamentary-assembly"]
    # No telephone number is invented.
    assert not Structure.objects.exclude(phone="").exists()


def test_the_loader_never_replaces_an_editors_running_name(taxonomy):
    Structure.objects.filter(slug="secretariat").update(running_name_de="Das Sekretariat")
    call_command("load_taxonomy", stdout=io.StringIO())
    secretariat = Structure.objects.get(slug="secretariat")
    assert secretariat.running_name_de == "Das Sekretariat"
    assert secretariat.running_name_fr == "Secrétariat de l'OSCE"


def test_the_data_migration_fills_only_what_is_empty(db):
    mission = StructureFactory(slug="mission-to-serbia", name="Mission to Serbia")
    odihr = StructureFactory(
        slug="office-for-democratic-institutions-and-human-rights",
        name="ODIHR",
        running_name_en="ODIHR (edited)",
        website="https://x.test",
    )
    fill(apps, None)
    mission.refresh_from_db()
    odihr.refresh_from_db()
    assert mission.running_name_en == "OSCE Mission to Serbia"
    assert mission.running_name_ru == "Миссия ОБСЕ в Сербии"
    assert odihr.running_name_en == "ODIHR (edited)"
    assert odihr.running_name_de == "OSZE-Büro für demokratische Institutionen und Menschenrechte"
    assert odihr.website == "https://x.test"
    assert "ul. Miodowa 10" in odihr.address
    assert Structure.objects.count() == 2  # nothing created


def test_running_text_says_the_long_name_menus_and_facets_the_short_one(client, taxonomy):
    secretariat = Structure.objects.get(slug="secretariat")
    item = NewsItemFactory(title="Budget adopted", issued_by=[secretariat])
    detail = client.get(item.get_absolute_url()).text
    assert ">OSCE Secretariat</a>" in detail
    listing = client.get("/news/?issued_by=secretariat").text
    # The card and the summary sentence name it in running text; the facet list does not.
    assert '<span class="news-card__issuer">' in listing
    assert "</span>OSCE Secretariat</span>" in listing
    assert '<label for="facet-issued_by-secretariat">Secretariat <span' in listing
    with translation.override("de"):
        summary = NewsFilter(QueryDict("issued_by=secretariat")).summary()
    assert [term.label for part in summary for term in part.terms] == ["OSZE-Sekretariat"]
    feed = client.get("/news/feed/?issued_by=secretariat").text
    assert "<name>OSCE Secretariat</name>" in feed


def test_a_structure_without_a_running_name_is_named_by_its_name(db):
    structure = StructureFactory(name="Hand-made office", running_name="")
    assert structure.name_in_text == "Hand-made office"
