"""Content models' rules, held by the database and by `clean()` (news items, meetings, the
publishing states they share, text hygiene on every path), with the taxonomy rows they use."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from core.publishing import Status
from countries.models import Country, CountryAlias
from documents.models import Document
from news.models import FieldOfWork, Meeting, NewsItem
from structures.models import Structure, StructureAlias, StructureKind
from tests.database_rules import refused_by_database
from tests.factories import (
    ChairpersonshipFactory,
    CountryFactory,
    DocumentFactory,
    FieldOfWorkFactory,
    MeetingFactory,
    MeetingTypeFactory,
    NewsItemFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)
CONTROL = "".join(chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


def png_upload(name="photo.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "navy").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.mark.parametrize(
    "factory", [StructureFactory, CountryFactory, FieldOfWorkFactory, MeetingTypeFactory]
)
def test_slugs_are_unique(factory):
    factory(slug="same")
    refused_by_database(lambda: factory(slug="same"))


def test_news_and_meeting_slugs_are_unique():
    NewsItemFactory(slug="same")
    refused_by_database(lambda: NewsItemFactory(slug="same"))
    MeetingFactory(slug="same")
    refused_by_database(lambda: MeetingFactory(slug="same"))


def test_aliases_are_unique_whatever_their_case():
    structure = StructureFactory()
    StructureAlias.objects.create(structure=structure, name="OSCE Mission to Serbia")
    refused_by_database(
        lambda: StructureAlias.objects.create(
            structure=StructureFactory(), name="osce mission to serbia"
        )
    )
    CountryAlias.objects.create(country=CountryFactory(), name="Russia")
    refused_by_database(
        lambda: CountryAlias.objects.create(country=CountryFactory(), name="RUSSIA")
    )


def test_expire_at_must_be_after_publish_at():
    now = timezone.now()
    refused_by_database(lambda: NewsItemFactory(publish_at=now, expire_at=now - HOUR))
    refused_by_database(lambda: NewsItemFactory(publish_at=now, expire_at=now))
    refused_by_database(lambda: MeetingFactory(publish_at=now, expire_at=now - HOUR))


def test_status_must_be_a_known_value():
    refused_by_database(lambda: NewsItemFactory(status="archived"))


def test_an_image_requires_alt_text_in_the_database():
    refused_by_database(lambda: NewsItemFactory(image=png_upload(), image_alt=""))
    item = NewsItemFactory(image=png_upload(), image_alt="Delegates at a round table")
    assert (item.image_width, item.image_height) == (4, 3)


def test_an_image_requires_alt_text_in_clean():
    item = NewsItemFactory.build(image=png_upload(), image_alt="   ")
    with pytest.raises(ValidationError) as error:
        item.clean()
    assert "image_alt_en" in error.value.message_dict
    NewsItemFactory.build(image_alt="").clean()


def test_a_meeting_cannot_end_before_it_starts():
    start = datetime.date(2024, 12, 5)
    refused_by_database(
        lambda: MeetingFactory(start_date=start, end_date=start - datetime.timedelta(days=1))
    )
    meeting = MeetingFactory.build(start_date=start, end_date=start - datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as error:
        meeting.clean()
    assert "end_date" in error.value.message_dict
    MeetingFactory(start_date=start, end_date=start)


@pytest.mark.parametrize("model_factory", [NewsItemFactory, MeetingFactory])
def test_published_is_the_one_definition_of_public(model_factory):
    now = timezone.now()
    live = model_factory(publish_at=now - HOUR)
    expires_later = model_factory(publish_at=now - HOUR, expire_at=now + HOUR)
    model_factory(status=Status.DRAFT, publish_at=now - HOUR)
    model_factory(publish_at=now + HOUR)
    model_factory(publish_at=now - 2 * HOUR, expire_at=now - HOUR)
    model = model_factory._meta.model

    assert set(model.objects.published()) == {live, expires_later}


def test_published_takes_the_moment_to_judge_by():
    now = timezone.now()
    scheduled = NewsItemFactory(publish_at=now + HOUR)
    assert scheduled not in NewsItem.objects.published(now=now)
    assert scheduled in NewsItem.objects.published(now=now + 2 * HOUR)
    assert list(NewsItem.objects.scheduled(now=now)) == [scheduled]


def test_public_state_labels():
    now = timezone.now()
    assert NewsItemFactory(status=Status.DRAFT).public_state == "Draft"
    assert NewsItemFactory(publish_at=now + HOUR).public_state == "Scheduled"
    expired = NewsItemFactory(publish_at=now - 2 * HOUR, expire_at=now - HOUR)
    assert expired.public_state == "Expired"
    assert not expired.is_published
    live = NewsItemFactory(publish_at=now - HOUR, expire_at=now + HOUR)
    assert live.public_state == "Live"
    assert live.is_published


def test_control_characters_are_stripped_from_every_text_field_on_save():
    country = CountryFactory(name=f"Nar{CONTROL}nia", description=f"Line one\n{CONTROL}\tTwo")
    structure = StructureFactory(name="Mission\x00 to Nowhere", acronym="M\x1bN")
    alias = StructureAlias.objects.create(structure=structure, name="OSCE\x0b Mission")
    field = FieldOfWork.objects.create(name="Pol\x07icing", slug="policing", description="\x0c")
    item = NewsItemFactory(
        title=f"Title{CONTROL}", teaser="Teaser\r\n\x08ok", image_caption="Cap\x01tion"
    )
    meeting = MeetingFactory(place="Vie\x02nna")
    document = DocumentFactory(meeting=meeting, title="Agenda\x03")

    assert Country.objects.values_list("name", "description").get(pk=country.pk) == (
        "Narnia",
        "Line one\n\tTwo",
    )
    assert Structure.objects.values_list("name", "acronym").get(pk=structure.pk) == (
        "Mission to Nowhere",
        "MN",
    )
    assert StructureAlias.objects.get(pk=alias.pk).name == "OSCE Mission"
    assert FieldOfWork.objects.values_list("name", "description").get(pk=field.pk) == (
        "Policing",
        "",
    )
    assert NewsItem.objects.values_list("title", "teaser", "image_caption").get(pk=item.pk) == (
        "Title",
        "Teaser\r\nok",
        "Caption",
    )
    assert Meeting.objects.get(pk=meeting.pk).place == "Vienna"
    assert Document.objects.get(pk=document.pk).title == "Agenda"


def test_rich_text_is_sanitised_on_save_whatever_the_path():
    item = NewsItemFactory(
        body='<p onclick="steal()">Hello <a href="javascript:alert(1)">link</a></p>'
        "<script>alert(document.cookie)</script><iframe src=//evil></iframe>"
    )
    stored, text = NewsItem.objects.values_list("body", "body_text").get(pk=item.pk)
    assert "<script" not in stored
    assert "alert(document.cookie)" not in stored
    assert "<iframe" not in stored
    assert "onclick" not in stored
    assert "javascript:" not in stored
    assert stored.startswith("<p>Hello <a")
    assert text == "Hello link"

    NewsItem.objects.filter(pk=item.pk).update(body="<p>ok</p>")
    item.refresh_from_db()
    item.body = "<svg onload=alert(1)></svg><p>Safe</p>\x00"
    item.save()
    assert NewsItem.objects.values_list("body", flat=True).get(pk=item.pk) == "<p>Safe</p>"


def test_meeting_description_is_sanitised_on_save():
    meeting = MeetingFactory(description="<p>Agenda</p><script>x()</script>")
    assert Meeting.objects.values_list("description", flat=True).get(pk=meeting.pk) == (
        "<p>Agenda</p>"
    )


def test_str_and_absolute_urls():
    country = CountryFactory(name="Malta", slug="malta")
    structure = StructureFactory(name="Secretariat", slug="secretariat")
    field = FieldOfWorkFactory(name="Policing", slug="policing")
    series = MeetingTypeFactory(name="Ministerial Council meetings", slug="ministerial-council")
    item = NewsItemFactory(title="A title", slug="a-title")
    meeting = MeetingFactory(title="Council", slug="council", meeting_type=series)
    chair = ChairpersonshipFactory(year=2024, country=country)

    assert (str(country), country.get_absolute_url()) == ("Malta", "/countries/malta/")
    assert structure.get_absolute_url() == "/structures/secretariat/"
    assert str(structure) == "Secretariat"
    assert field.get_absolute_url() == "/fields-of-work/policing/"
    assert series.get_absolute_url() == "/meetings/?type=ministerial-council"
    assert item.get_absolute_url() == "/news/a-title/"
    assert meeting.get_absolute_url() == "/meetings/council/"
    assert str(chair) == "Malta 2024"
    assert chair.get_absolute_url() == "/countries/malta/"
    assert StructureFactory(closed_on=datetime.date(2020, 1, 1)).is_closed
    assert StructureFactory(kind=StructureKind.GROUP).is_closed is False
