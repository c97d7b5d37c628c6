"""factory_boy factories: the smallest valid objects, overridable per test."""

import datetime
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.publishing import Status
from countries.models import Chairpersonship, Country, CountryStatus
from demo.pdfs import pdf_bytes
from documents.models import Document, DocumentFile, DocumentIssuer, DocumentType
from field_operations.models import FieldOperationProfile, Figures
from news import services
from news.models import FieldOfWork, Meeting, MeetingType, NewsItem, NewsItemIssuer, NewsType
from pages.models import Page
from projects.models import Donor, DonorKind, Funding, Project, ProjectDonor, ProjectImplementer
from structures.models import Structure, StructureKind


class LiveFactory(factory.django.DjangoModelFactory):
    """Publishable content, live since an hour ago (a test passes `status=Status.DRAFT` or a
    `publish_at` to come for a draft or a scheduled item)."""

    class Meta:
        abstract = True

    status = Status.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country

    name = factory.Sequence(lambda n: f"Country {n}")
    slug = factory.Sequence(lambda n: f"country-{n}")
    iso_code = factory.Sequence(lambda n: chr(65 + (n // 26) % 26) + chr(65 + n % 26))
    status = CountryStatus.PARTICIPATING_STATE


class ChairpersonshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Chairpersonship

    year = factory.Sequence(lambda n: 2000 + n)
    country = factory.SubFactory(CountryFactory)


class StructureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Structure

    name = factory.Sequence(lambda n: f"Structure {n}")
    slug = factory.Sequence(lambda n: f"structure-{n}")
    kind = StructureKind.OTHER


class FieldOfWorkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FieldOfWork

    name = factory.Sequence(lambda n: f"Field {n}")
    slug = factory.Sequence(lambda n: f"field-{n}")
    position = factory.Sequence(lambda n: n)


class MeetingTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingType

    name = factory.Sequence(lambda n: f"Series {n}")
    slug = factory.Sequence(lambda n: f"series-{n}")
    position = factory.Sequence(lambda n: n)


class NewsItemFactory(LiveFactory):
    """A live news item. Pass `issued_by=[...]`, `fields_of_work=[...]`, `countries=[...]`."""

    class Meta:
        model = NewsItem
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"News item {n}")
    slug = factory.Sequence(lambda n: f"news-item-{n}")
    type = NewsType.NEWS
    teaser = "A short teaser."
    body = "<p>The body.</p>"
    issued_on = datetime.date(2024, 5, 1)
    # Published in English (the text above); a test adds other languages with title_ru=...
    in_language_en = True

    @factory.post_generation
    def issued_by(self, create, extracted, **kwargs):
        if create and extracted:
            NewsItemIssuer.objects.bulk_create(
                NewsItemIssuer(news_item=self, structure=s, position=i)
                for i, s in enumerate(extracted)
            )

    @factory.post_generation
    def fields_of_work(self, create, extracted, **kwargs):
        if create and extracted:
            self.fields_of_work.set(extracted)

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if create and extracted:
            self.countries.set(extracted)

    @factory.post_generation
    def renditions(self, create, extracted, **kwargs):
        # As the admin does when an editor uploads an image.
        if create and self.image:
            services.refresh_renditions(self)


class MeetingFactory(LiveFactory):
    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Meeting {n}")
    slug = factory.Sequence(lambda n: f"meeting-{n}")
    meeting_type = factory.SubFactory(MeetingTypeFactory)
    start_date = datetime.date(2024, 12, 5)
    end_date = datetime.date(2024, 12, 6)
    place = "Vienna"

    @factory.post_generation
    def fields_of_work(self, create, extracted, **kwargs):
        if create and extracted:
            self.fields_of_work.set(extracted)


class DonorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Donor
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Donor {n}")
    slug = factory.Sequence(lambda n: f"donor-{n}")
    kind = DonorKind.OTHER


class ProjectFactory(LiveFactory):
    """A live project in English, 2017-2020. Pass `implemented_by=[...]`, `donors=[...]`,
    `countries=[...]`, `fields_of_work=[...]`, `related_news=[...]`."""

    class Meta:
        model = Project
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Project {n}")
    slug = factory.Sequence(lambda n: f"project-{n}")
    summary = "A short summary."
    description = "<p>The description.</p>"
    start_date = datetime.date(2017, 1, 1)
    end_date = datetime.date(2020, 12, 31)
    funding = Funding.EXTRA_BUDGETARY
    in_language_en = True

    @factory.post_generation
    def implemented_by(self, create, extracted, **kwargs):
        if create and extracted:
            ProjectImplementer.objects.bulk_create(
                ProjectImplementer(project=self, structure=s, position=i)
                for i, s in enumerate(extracted)
            )

    @factory.post_generation
    def donors(self, create, extracted, **kwargs):
        if create and extracted:
            ProjectDonor.objects.bulk_create(
                ProjectDonor(project=self, donor=d, position=i) for i, d in enumerate(extracted)
            )

    @factory.post_generation
    def fields_of_work(self, create, extracted, **kwargs):
        if create and extracted:
            self.fields_of_work.set(extracted)

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if create and extracted:
            self.countries.set(extracted)

    @factory.post_generation
    def related_news(self, create, extracted, **kwargs):
        if create and extracted:
            self.related_news.set(extracted)


class PageFactory(LiveFactory):
    class Meta:
        model = Page

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    summary = "A page editors keep."
    body = "<p>The page's text.</p>"


class FieldOperationProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FieldOperationProfile

    structure = factory.SubFactory(StructureFactory, kind=StructureKind.FIELD_OPERATION)
    mandate = "<p>Assists the host country.</p>"


class FiguresFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Figures

    profile = factory.SubFactory(FieldOperationProfileFactory)
    year = 2024
    budget = Decimal("1000000.00")
    staff_international = 10
    staff_local = 40
    as_of = factory.LazyAttribute(lambda row: datetime.date(row.year, 12, 31))
    source_symbol = "PC.DEC/1162"


class DocumentFactory(LiveFactory):
    """A live report in English, published 2020-06-01. Pass `issued_by=[...]`,
    `countries=[...]`, `fields_of_work=[...]`, `related_news=[...]`, `projects=[...]` and
    `files={"en": "text of the English PDF", ...}` (PDFs written by demo.pdfs)."""

    class Meta:
        model = Document
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Document {n}")
    slug = factory.Sequence(lambda n: f"document-{n}")
    summary = "A short summary."
    # The data migration's type; a transactional test's flush removed it, so made again then.
    document_type = factory.LazyFunction(
        lambda: DocumentType.objects.get_or_create(slug="report", defaults={"name": "Report"})[0]
    )
    publication_date = datetime.date(2020, 6, 1)
    in_language_en = True

    @factory.post_generation
    def issued_by(self, create, extracted, **kwargs):
        if create and extracted:
            DocumentIssuer.objects.bulk_create(
                DocumentIssuer(document=self, structure=s, position=i)
                for i, s in enumerate(extracted)
            )

    @factory.post_generation
    def fields_of_work(self, create, extracted, **kwargs):
        if create and extracted:
            self.fields_of_work.set(extracted)

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if create and extracted:
            self.countries.set(extracted)

    @factory.post_generation
    def related_news(self, create, extracted, **kwargs):
        if create and extracted:
            self.related_news.set(extracted)

    @factory.post_generation
    def projects(self, create, extracted, **kwargs):
        if create and extracted:
            self.projects.set(extracted)

    @factory.post_generation
    def files(self, create, extracted, **kwargs):
        for language, text in (extracted or {}).items() if create else ():
            add_pdf(self, language, text)


def pdf_upload(text, title="A document", pages=None, name="document.pdf"):
    return SimpleUploadedFile(
        name, pdf_bytes(title, [text], pages=pages), content_type="application/pdf"
    )


def add_pdf(document, language, text, pages=None):
    """A file of `document` in `language` whose PDF holds `text` (extracted at once by the
    tests' immediate task backend)."""
    return DocumentFile.objects.create(
        document=document, language=language, file=pdf_upload(text, document.title, pages)
    )
