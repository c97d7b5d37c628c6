"""Demo projects on the real taxonomy: a dozen, modelled on the organisation's own (the
seed page's Intelligence-led Policing project of the Strategic Police Matters Unit, 2017-2020,
funded by Norway, Germany and others, among them), some completed, some ongoing over several
years with several donors, one planned; both kinds of funding; budgets known and not.

They are told apart from editors' projects by their `source_url` (demo.marks), so a new run
replaces them and nothing else, and are written with `save()` (a dozen rows: no bulk path).
"""

import datetime
from decimal import Decimal

from core import languages
from core.publishing import Status
from countries.models import Country, CountryStatus
from demo.marks import DEMO_URL_PREFIX
from news.models import FieldOfWork, NewsItem
from projects.models import Donor, DonorKind, Funding, Project, ProjectDonor, ProjectImplementer
from structures.models import Structure

ORGANISATION_DONORS = {"european-union": "European Union"}

# (slug, title, summary, start, end (years from today when ints), implementers, donors,
#  countries, fields of work, funding, budget, translations)
PROJECTS = [
    (
        "intelligence-led-policing",
        "Intelligence-led Policing",
        "Helping police services in participating States introduce intelligence-led policing, "
        "with a Guidebook translated into ten languages and training for senior officers.",
        datetime.date(2017, 1, 1),
        datetime.date(2020, 12, 31),
        ["strategic-police-matters-unit", "transnational-threats-department"],
        ["norway", "germany", "switzerland", "united-states-of-america"],
        ["serbia", "montenegro", "north-macedonia", "moldova", "kyrgyzstan"],
        ["policing"],
        Funding.EXTRA_BUDGETARY,
        Decimal("1850000"),
        {
            "ru": "Полицейская деятельность на основе оперативной информации",
            "de": "Erkenntnisgestützte Polizeiarbeit",
            "fr": "Police guidée par le renseignement",
        },
    ),
    (
        "border-security-and-management-in-central-asia",
        "Border security and management in Central Asia",
        "Training border guards and customs officers and equipping border crossing points.",
        -3,
        2,
        ["programme-office-in-dushanbe", "transnational-threats-department"],
        ["japan", "united-states-of-america", "european-union"],
        ["tajikistan", "kyrgyzstan", "uzbekistan"],
        ["border-management", "countering-terrorism"],
        Funding.EXTRA_BUDGETARY,
        Decimal("4200000"),
        {},
    ),
    (
        "judicial-reform-in-moldova",
        "Supporting judicial reform in Moldova",
        "Advice on legislation and training for judges and prosecutors.",
        -2,
        1,
        ["mission-to-moldova", "office-for-democratic-institutions-and-human-rights"],
        ["sweden", "european-union"],
        ["moldova"],
        ["rule-of-law", "good-governance"],
        Funding.EXTRA_BUDGETARY,
        Decimal("960000"),
        {"ru": "Поддержка судебной реформы в Молдове"},
    ),
    (
        "election-observation-capacity",
        "Strengthening the capacity of domestic election observers",
        "Methodology, training and a handbook for citizen observer groups.",
        datetime.date(2019, 3, 1),
        datetime.date(2022, 2, 28),
        ["office-for-democratic-institutions-and-human-rights"],
        ["germany", "netherlands"],
        ["armenia", "georgia", "ukraine"],
        ["elections", "democratization"],
        Funding.EXTRA_BUDGETARY,
        Decimal("730000"),
        {},
    ),
    (
        "media-freedom-western-balkans",
        "Safety of journalists in South-Eastern Europe",
        "Monitoring attacks on journalists and training police and prosecutors to respond.",
        -1,
        2,
        ["representative-on-freedom-of-the-media", "mission-to-serbia", "mission-to-skopje"],
        ["norway", "united-kingdom"],
        ["serbia", "north-macedonia", "montenegro", "albania"],
        ["media-freedom-and-development", "human-rights"],
        Funding.EXTRA_BUDGETARY,
        None,
        {},
    ),
    (
        "combating-trafficking-simulation-training",
        "Simulation-based training against human trafficking",
        "Live simulation exercises for police, prosecutors, labour inspectors and NGOs.",
        datetime.date(2016, 6, 1),
        datetime.date(2019, 12, 31),
        [
            "office-of-the-special-representative-and-co-ordinator-for-combating-trafficking-"
            "in-human-beings"
        ],
        ["italy", "united-states-of-america", "germany"],
        ["italy", "serbia", "kazakhstan"],
        ["combating-trafficking-in-human-beings"],
        Funding.EXTRA_BUDGETARY,
        Decimal("1200000"),
        {},
    ),
    (
        "small-arms-and-light-weapons-control",
        "Small arms and light weapons control",
        "Safe storage, destruction of surplus weapons and stockpile security.",
        -4,
        1,
        ["conflict-prevention-centre", "fsc-support-section"],
        ["germany", "france", "european-union", "austria"],
        ["bosnia-and-herzegovina", "montenegro", "moldova"],
        ["arms-control", "conflict-prevention-and-resolution"],
        Funding.EXTRA_BUDGETARY,
        Decimal("3100000"),
        {},
    ),
    (
        "youth-and-security-dialogue",
        "Youth, peace and security dialogue",
        "Bringing young people into discussions on security in their communities.",
        1,
        3,
        ["opportunities-for-youth", "gender-issues-programme"],
        ["finland"],
        ["kyrgyzstan", "kazakhstan"],
        ["youth", "gender-equality"],
        Funding.EXTRA_BUDGETARY,
        Decimal("250000"),
        {},
    ),
    (
        "cyber-confidence-building",
        "Cyber/ICT confidence-building measures",
        "Workshops and a network of points of contact to reduce the risk of conflict stemming "
        "from the use of ICTs.",
        -2,
        0,
        ["transnational-threats-department"],
        ["switzerland", "republic-of-korea"],
        [],
        ["cyber-ict-security"],
        Funding.EXTRA_BUDGETARY,
        Decimal("640000"),
        {},
    ),
    (
        "mission-to-serbia-police-reform",
        "Police reform programme",
        "The Mission's support to the police: community policing, human resources and the "
        "fight against organized crime.",
        -6,
        1,
        ["mission-to-serbia"],
        [],
        ["serbia"],
        ["policing", "reform-and-co-operation-in-the-security-sector"],
        Funding.UNIFIED,
        Decimal("2150000"),
        {},
    ),
    (
        "environmental-hazards-aarhus-centres",
        "Aarhus Centres and environmental risk reduction",
        "Supporting public participation in environmental decisions and reducing disaster risk.",
        datetime.date(2018, 1, 1),
        datetime.date(2021, 12, 31),
        ["office-of-the-co-ordinator-of-osce-economic-and-environmental-activities"],
        ["austria", "european-union", "finland"],
        ["armenia", "georgia", "tajikistan", "kyrgyzstan"],
        ["environmental-activities", "good-governance"],
        Funding.EXTRA_BUDGETARY,
        Decimal("1480000"),
        {},
    ),
    (
        "roma-and-sinti-inclusion",
        "Roma and Sinti inclusion",
        "Helping Roma and Sinti communities take part in public and political life.",
        -1,
        1,
        ["office-for-democratic-institutions-and-human-rights"],
        ["germany", "european-union"],
        ["serbia", "albania", "moldova"],
        ["roma-and-sinti", "tolerance-and-non-discrimination"],
        Funding.EXTRA_BUDGETARY,
        Decimal("870000"),
        {},
    ),
]


def _date(value, today, end=False):
    if isinstance(value, datetime.date):
        return value
    year = today.year + value
    return datetime.date(year, 12, 31) if end else datetime.date(year, 1, 1)


def delete_demo_projects():
    projects = Project.objects.filter(source_url__startswith=DEMO_URL_PREFIX)
    return projects.delete()[1].get(Project._meta.label, 0)


def _donor(slug, countries):
    if slug in ORGANISATION_DONORS:
        donor, _created = Donor.objects.get_or_create(
            slug=slug,
            defaults={"name": ORGANISATION_DONORS[slug], "kind": DonorKind.ORGANISATION},
        )
        return donor
    country = countries.get(slug)
    if country is None:
        return None
    existing = Donor.objects.filter(country=country).first()
    if existing is not None:
        return existing
    kind = (
        DonorKind.PARTICIPATING_STATE
        if country.status == CountryStatus.PARTICIPATING_STATE
        else DonorKind.PARTNER
    )
    # The donor is named as the country is, in every language.
    names = {f"name_{code}": getattr(country, f"name_{code}") for code in languages.codes()}
    donor, _created = Donor.objects.get_or_create(
        slug=country.slug, defaults={"kind": kind, "country": country, **names}
    )
    return donor


def seed_projects(today, now, images=()):
    """Replace the demo projects; returns how many were written. Every other project shows one
    of the demo pictures (`images`, demo.images), as editors would give some projects one."""
    delete_demo_projects()
    structures = {s.slug: s for s in Structure.objects.all()}
    countries = {c.slug: c for c in Country.objects.all()}
    fields = {f.slug: f for f in FieldOfWork.objects.all()}
    written = 0
    # Tags in one insert per table, whatever the number of related news: the command moves
    # the content state once at the end (content_changed), as for the news items.
    links = {"countries": [], "fields_of_work": [], "related_news": []}
    for position, (
        slug,
        title,
        summary,
        start,
        end,
        implementers,
        donors,
        beneficiaries,
        field_slugs,
        funding,
        budget,
        translations,
    ) in enumerate(PROJECTS):
        implemented = [structures[s] for s in implementers if s in structures]
        if not implemented:
            continue
        picture = (
            images[position % len(images)].fields(["en", *translations])
            if (images and position % 2 == 0)
            else {}
        )
        project = Project(
            **picture,
            slug=f"demo-{slug}",
            title=title,
            summary=summary,
            description=f"<p>{summary}</p>",
            start_date=_date(start, today),
            end_date=_date(end, today, end=True),
            funding=funding,
            budget=budget,
            status=Status.PUBLISHED,
            publish_at=now,
            in_language_en=True,
            source_url=f"{DEMO_URL_PREFIX}projects/{slug}",
        )
        for code, translated in translations.items():
            setattr(project, f"title_{code}", translated)
            setattr(project, f"in_language_{code}", True)
        project.save()
        ProjectImplementer.objects.bulk_create(
            ProjectImplementer(project=project, structure=s, position=i)
            for i, s in enumerate(implemented)
        )
        funders = [d for d in (_donor(s, countries) for s in donors) if d is not None]
        ProjectDonor.objects.bulk_create(
            ProjectDonor(project=project, donor=d, position=i) for i, d in enumerate(funders)
        )
        links["countries"] += [
            Project.countries.through(project_id=project.pk, country_id=countries[s].pk)
            for s in beneficiaries
            if s in countries
        ]
        links["fields_of_work"] += [
            Project.fields_of_work.through(project_id=project.pk, fieldofwork_id=fields[s].pk)
            for s in field_slugs
            if s in fields
        ]
        related = NewsItem.objects.published().filter(
            fields_of_work__slug__in=field_slugs,
            issued_by__in=implemented,
            issued_on__range=(project.start_date, project.end_date),
        )
        newest = related.order_by("-issued_on").values_list("pk", flat=True).distinct()[:3]
        links["related_news"] += [
            Project.related_news.through(project_id=project.pk, newsitem_id=pk) for pk in newest
        ]
        written += 1
    for name, rows in links.items():
        getattr(Project, name).through.objects.bulk_create(rows)
    return written
