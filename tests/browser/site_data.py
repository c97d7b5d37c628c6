"""Builds the database of the site the browser tests serve, and prints what the tests need.

Run in its own process (`python -m tests.browser.site_data` with
`DJANGO_SETTINGS_MODULE=tests.browser.settings`), against an empty database: the real
taxonomy, the roles, a small deterministic demo (`seed_demo --news 80 --seed 1`) and the few
records the journeys walk through. It prints one JSON object (the manifest) on its last line.

The journey records are in one field of work ("Policing") so that filtering by it gives more
than one page, and a third of them are about one country ("Serbia") and issued by one
structure, so that adding the country visibly narrows the results and the item a visitor
opens has a known "Issued by".
"""

import datetime
import io
import json
import sys

import django

WIDE_TABLE = (
    '<table><tbody><tr><th scope="col">District</th><th scope="col">Patrols in 2025</th>'
    '<th scope="col">Community meetings held</th><th scope="col">Hate-crime reports</th>'
    '<th scope="col">Officers trained in victim support</th></tr>'
    "<tr><td>Novi Sad</td><td>1,240</td><td>36</td><td>12</td><td>48</td></tr>"
    "<tr><td>Kragujevac</td><td>980</td><td>22</td><td>7</td><td>31</td></tr></tbody></table>"
)


def _journey_items(today):
    from core.publishing import Status
    from countries.models import Country
    from news.models import FieldOfWork, NewsItem, NewsItemIssuer, NewsType
    from structures.models import Structure

    policing = FieldOfWork.objects.get(slug="policing")
    serbia = Country.objects.get(slug="serbia")
    others = list(Country.objects.filter(slug__in=["moldova", "kyrgyzstan", "albania"]))
    mission = Structure.objects.get(slug="mission-to-serbia")
    unit = Structure.objects.get(slug="strategic-police-matters-unit")
    published_at = datetime.datetime.combine(
        today - datetime.timedelta(days=400), datetime.time(9), tzinfo=datetime.UTC
    )
    for number in range(30):
        in_serbia = number % 3 == 0
        item = NewsItem.objects.create(
            title=(
                f"Community policing training for officers in Serbia, part {number + 1}"
                if in_serbia
                else f"Police reform workshop for trainers, session {number + 1}"
            ),
            slug=f"journey-policing-{number + 1:02d}",
            type=NewsType.NEWS if number % 2 else NewsType.PRESS_RELEASE,
            teaser="Police officers and trainers met to share practice in community policing.",
            body=(
                "<p>Police officers, trainers and community representatives met to discuss "
                "community policing, hate crime and the protection of victims.</p>"
                # A wide table: it must scroll in its own box, never the page (320 px sweep).
                + (WIDE_TABLE if number == 0 else "")
            ),
            issued_on=today - datetime.timedelta(days=3 + number),
            status=Status.PUBLISHED,
            publish_at=published_at,
            in_language_en=True,
            # The first is also in Russian: the language journey switches to it.
            **(
                {
                    "title_ru": "Обучение полицейских работе с населением в Сербии",
                    "teaser_ru": "Полицейские и инструкторы обменялись опытом.",
                    "body_ru": "<p>Полицейские и инструкторы обсудили защиту пострадавших.</p>",
                    "in_language_ru": True,
                }
                if number == 0
                else {}
            ),
        )
        item.fields_of_work.set([policing])
        item.countries.set([serbia] if in_serbia else [others[number % len(others)]])
        NewsItemIssuer.objects.create(
            news_item=item, structure=mission if in_serbia else unit, position=0
        )


# Not a "journey-" item, and issued long ago: the visitors' journeys and sweeps pick those by
# slug and by date, and this one is changed by the restore journey.
RESTORE_SLUG = "restore-border-training"


def _revisions():
    """A live item with a history, as the restore journey and the admin sweep need it: an
    English-only draft (revision 1), published (2), then translated into Russian (3)."""
    import reversion
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from core.publishing import Status
    from news.admin.revisions import registration  # noqa: F401  (registers the models)
    from news.models import NewsItem, NewsItemIssuer
    from structures.models import Structure

    publisher = get_user_model().objects.get(username="publisher")
    item = NewsItem(
        title_en="Border guards trained in risk analysis",
        slug=RESTORE_SLUG,
        teaser_en="A first teaser.",
        body_en="<h2>What was taught</h2><p>Risk analysis at border crossings.</p>",
        issued_on=timezone.localdate() - datetime.timedelta(days=900),
        status=Status.DRAFT,
        in_language_en=True,
    )
    steps = [
        ({}, "Draft"),
        ({"status": Status.PUBLISHED, "teaser_en": "Border guards met in Vienna."}, "Published"),
        (
            {
                "title_ru": "Пограничники изучили анализ рисков",
                "teaser_ru": "Пограничники встретились в Вене.",
                "in_language_ru": True,
            },
            "Translated into Russian",
        ),
    ]
    for changes, comment in steps:
        with reversion.create_revision():
            for name, value in changes.items():
                setattr(item, name, value)
            item.save()
            if not item.issuers.exists():
                NewsItemIssuer.objects.create(
                    news_item=item, structure=Structure.objects.get(slug="secretariat")
                )
            reversion.set_user(publisher)
            reversion.set_comment(comment)
    return item


def _users():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from tests.browser.people import PASSWORD, PEOPLE

    User = get_user_model()
    for username, role in PEOPLE.items():
        user = User.objects.create_user(
            username, email=f"{username}@example.org", password=PASSWORD, is_staff=True
        )
        user.groups.add(Group.objects.get(name=role))


def _renamed_meeting():
    """The manifest's meeting had another slug while it was public: the old one redirects
    (redirects/), and its change form lists it."""
    from news.models import Meeting

    meeting = Meeting.objects.published().order_by("-start_date", "-id").first()
    meeting.slug = f"{meeting.slug}-renamed"
    meeting.save()


CALENDAR_SLUGS = ("calendar-drag", "calendar-keyboard")
PRESENCE_SLUG = "presence-draft"


def _calendar_and_presence_items(today):
    """Two items scheduled at 10:00 Vienna time, three and four days ahead (the calendar's
    drag and keyboard journeys move them), and a draft two people open (editing presence)."""
    from django.utils import timezone

    from core.publishing import Status
    from news.models import NewsItem, NewsType

    def create(slug, title, status, days):
        moment = datetime.datetime.combine(today + datetime.timedelta(days=days), datetime.time(10))
        NewsItem.objects.create(
            title=title,
            slug=slug,
            type=NewsType.NEWS,
            teaser="An item the admin's journeys work on.",
            body="<p>Text.</p>",
            issued_on=today,
            status=status,
            publish_at=timezone.make_aware(moment),
            in_language_en=True,
        )

    create(CALENDAR_SLUGS[0], "Calendar item to drag", Status.PUBLISHED, 3)
    create(CALENDAR_SLUGS[1], "Calendar item for the keyboard", Status.PUBLISHED, 4)
    create(PRESENCE_SLUG, "Draft two people open", Status.DRAFT, 0)


FOCAL_SLUG = "focal-point-harbour"
FOCAL_TITLE = "Quillwort harbour patrol boats, red and blue"


def _focal_item(today):
    """A published item whose picture is a media library image of its own (no demo item uses
    it): the focal point journey moves that image's focal point, and the admin sweep opens
    the image's pages. The picture is red on the left half and blue on the right, so where
    its card is cut shows in the card's colour."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image as Picture

    from core.publishing import Status
    from news import services
    from news.models import NewsItem, NewsItemIssuer, NewsType
    from structures.models import Structure

    picture = Picture.new("RGB", (1600, 400), (220, 30, 30))
    picture.paste(Picture.new("RGB", (800, 400), (30, 30, 220)), (800, 0))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    item = NewsItem.objects.create(
        title=FOCAL_TITLE,
        slug=FOCAL_SLUG,
        type=NewsType.NEWS,
        teaser="Patrol boats of the harbour police at their moorings.",
        body="<p>The harbour police showed their boats.</p>",
        image=SimpleUploadedFile("harbour.png", buffer.getvalue()),
        image_alt_en="Two patrol boats, one red and one blue, moored side by side",
        issued_on=today - datetime.timedelta(days=1200),
        status=Status.PUBLISHED,
        in_language_en=True,
    )
    NewsItemIssuer.objects.create(
        news_item=item, structure=Structure.objects.get(slug="secretariat")
    )
    services.refresh_renditions(item)


def manifest():
    """The records the tests and `scripts/lighthouse.sh` visit, by slug."""
    from django.utils import timezone

    from countries.models import Country
    from documents.models import Document
    from field_operations.models import FieldOperationProfile
    from news.models import Meeting, NewsItem
    from pages.models import Page
    from projects.models import Project
    from structures.models import Structure

    published = NewsItem.objects.published().order_by("-issued_on", "-id")
    restore_item = NewsItem.objects.filter(slug=RESTORE_SLUG).first()
    with_image = published.exclude(image="").first()
    without_image = published.filter(image="").exclude(slug__startswith="journey-").first()
    meeting = Meeting.objects.published().order_by("-start_date", "-id").first()
    return {
        "news_with_image": with_image.slug,
        "news_without_image": without_image.slug,
        # Its body holds a wide table (WIDE_TABLE) when the browser tests made it.
        "news_with_table": (
            published.filter(body_en__contains="<table").first() or without_image
        ).slug,
        "meeting": meeting.slug,
        "meeting_old_slug": meeting.slug.removesuffix("-renamed"),
        "meeting_type": meeting.meeting_type.slug,
        # The journey's own items where they exist (the browser tests), else demo items
        # (scripts/lighthouse.sh serves the demo only).
        "news_in_russian": (
            published.filter(in_language_ru=True, slug__startswith="journey-").first()
            or published.filter(in_language_ru=True).first()
        ).slug,
        "news_in_english_only": (
            published.filter(in_language_ru=False, slug__startswith="journey-").first()
            or published.filter(in_language_ru=False).first()
        ).slug,
        "field_of_work": "policing",
        "country": "serbia",
        "country_name": Country.objects.get(slug="serbia").name,
        "structure": "mission-to-serbia",
        "structure_name": Structure.objects.get(slug="mission-to-serbia").name,
        "meeting_id": meeting.pk,
        # Demo projects (seed_demo): the seed page's project, in Russian too, and one in
        # English only.
        "project": "demo-intelligence-led-policing",
        "project_in_english_only": (
            Project.objects.published().filter(in_language_ru=False).order_by("pk").first().slug
        ),
        "project_id": Project.objects.get(slug="demo-intelligence-led-policing").pk,
        # The demo's guidebook (seed_demo): six files, a project, several languages.
        "document": "demo-intelligence-led-policing-guidebook",
        "document_id": Document.objects.get(slug="demo-intelligence-led-policing-guidebook").pk,
        "page_id": Page.objects.get(slug="contacts").pk,
        # seed_demo's profile of the field operation above.
        "field_operation_profile_id": FieldOperationProfile.objects.get(
            structure__slug="mission-to-serbia"
        ).pk,
        **{
            f"{slug.replace('-', '_')}_id": item.pk
            for slug in (*CALENDAR_SLUGS, PRESENCE_SLUG)
            if (item := NewsItem.objects.filter(slug=slug).first())
        },
        **(
            {"calendar_month": f"{timezone.localtime(drag.publish_at):%Y-%m}"}
            if (drag := NewsItem.objects.filter(slug=CALENDAR_SLUGS[0]).first())
            else {}
        ),
        # The admin's pages: an item with three revisions (absent from the demo alone).
        **(_revision_manifest(restore_item) if restore_item else {}),
        **(
            _focal_manifest(focal)
            if (focal := NewsItem.objects.filter(slug=FOCAL_SLUG).first())
            else {}
        ),
    }


def _focal_manifest(item):
    return {
        "focal_item_slug": item.slug,
        "focal_item_title": item.title,
        "library_image_id": item.library_image_id,
    }


def _revision_manifest(item):
    from reversion.models import Version

    versions = list(Version.objects.get_for_object(item).order_by("pk"))
    return {
        "restore_item_id": item.pk,
        "restore_item_slug": item.slug,
        "first_version": versions[0].pk,
        "last_version": versions[-1].pk,
    }


def main():
    django.setup()
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_taxonomy", verbosity=0)
    call_command("setup_roles", verbosity=0)
    call_command("seed_demo", news=80, seed=1, verbosity=0)
    with transaction.atomic():
        _journey_items(timezone.localdate())
        _renamed_meeting()
        _users()
        _revisions()
        _calendar_and_presence_items(timezone.localdate())
    _focal_item(timezone.localdate())
    sys.stdout.write(json.dumps(manifest()) + "\n")


if __name__ == "__main__":
    main()
