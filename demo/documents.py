"""Demo publications on the real taxonomy: the Strategic Police Matters Unit's Intelligence-led
Policing Guidebook in several languages (linked to the demo ILP project), reports, a
factsheet, a handbook, a statement, a speech and Permanent Council decisions with their
symbols (the one that set up the Mission to Serbia among them). Their PDFs are written at
seed time (demo.pdfs), several pages each, so nothing binary is in the repository; their text
is extracted by the background worker as an editor's upload's would be.

They are told apart from editors' documents by their `source_url` (demo.marks), so a new run
replaces them and nothing else.
"""

import datetime

from django.core.files.base import ContentFile

from core.publishing import Status
from countries.models import Country
from demo.marks import DEMO_URL_PREFIX
from demo.pdfs import pdf_bytes
from documents.models import Document, DocumentFile, DocumentIssuer, DocumentType
from news.models import FieldOfWork
from structures.models import Structure

ILP_TEXT = {
    "en": (
        "Intelligence-led Policing Guidebook",
        [
            "Intelligence-led policing is a modern, proactive approach to law enforcement. It "
            "combines the collection and analysis of criminal intelligence with strategic and "
            "operational decision-making, so that police resources go where they prevent the "
            "most harm.",
            "This Guidebook explains the intelligence cycle: tasking, collection, evaluation, "
            "collation, analysis and dissemination, and shows how senior police managers can "
            "set priorities with the help of strategic assessments.",
            "It draws on the experience of police services in participating States and was "
            "prepared by the Strategic Police Matters Unit of the Transnational Threats "
            "Department.",
        ],
    ),
    "ru": (
        "Руководство по полицейской деятельности на основе оперативной информации",
        [
            "Полицейская деятельность на основе оперативной информации — это современный "
            "упреждающий подход к правоохранительной деятельности. Он сочетает сбор и анализ "
            "оперативной информации с принятием стратегических и оперативных решений.",
            "Руководство описывает разведывательный цикл: постановку задач, сбор, оценку, "
            "сопоставление, анализ и распространение информации.",
            "Оно подготовлено Отделом по стратегическим вопросам полицейской деятельности "
            "Департамента по транснациональным угрозам.",
        ],
    ),
    "de": (
        "Leitfaden zur erkenntnisgestützten Polizeiarbeit",
        [
            "Erkenntnisgestützte Polizeiarbeit ist ein moderner, vorausschauender Ansatz der "
            "Strafverfolgung. Sie verbindet die Sammlung und Analyse kriminalpolizeilicher "
            "Erkenntnisse mit strategischen und operativen Entscheidungen.",
            "Der Leitfaden erläutert den Erkenntniszyklus: Auftrag, Erhebung, Bewertung, "
            "Zusammenführung, Analyse und Weitergabe.",
        ],
    ),
    "fr": (
        "Guide sur l’activité policière guidée par le renseignement",
        [
            "L’activité policière guidée par le renseignement est une approche moderne et "
            "proactive du maintien de l’ordre. Elle associe la collecte et l’analyse du "
            "renseignement criminel à la prise de décisions stratégiques et opérationnelles.",
            "Le guide présente le cycle du renseignement : orientation, collecte, évaluation, "
            "recoupement, analyse et diffusion.",
        ],
    ),
    "sr-Latn": (
        "Vodič za rad policije vođen obaveštajnim podacima",
        [
            "Rad policije vođen obaveštajnim podacima je savremen, proaktivan pristup "
            "sprovođenju zakona koji povezuje prikupljanje i analizu kriminalističko-"
            "obaveštajnih podataka sa strateškim i operativnim odlučivanjem.",
        ],
    ),
    "ky": (
        "Чалгын маалыматына негизделген полиция ишмердүүлүгү боюнча колдонмо",
        [
            "Чалгын маалыматына негизделген полиция ишмердүүлүгү — укук коргоонун заманбап, "
            "алдын алуучу ыкмасы.",
        ],
    ),
}

# (slug, type, symbol, date, issuers, fields, countries, title, summary, files {lang: text},
#  translated titles, pages)
DOCUMENTS = [
    (
        "pc-dec-401-mission-to-serbia",
        "official-document",
        "PC.DEC/401",
        datetime.date(2001, 1, 11),
        ["permanent-council"],
        ["conflict-prevention-and-resolution", "rule-of-law"],
        ["serbia"],
        "Decision No. 401: establishment of the OSCE Mission to the Federal Republic of Yugoslavia",
        "The Permanent Council's decision that set up the Mission now known as the OSCE "
        "Mission to Serbia, and its mandate.",
        {
            "en": "The Permanent Council decides to establish the Mission, with a mandate to "
            "assist in the fields of democratization, tolerance, the rule of law, national "
            "minorities, human rights and the media, and in the restructuring of the police."
        },
        {"ru": "Решение № 401: учреждение Миссии ОБСЕ в Союзной Республике Югославии"},
        2,
    ),
    (
        "pc-dec-1162",
        "official-document",
        "PC.DEC/1162",
        datetime.date(2015, 3, 12),
        ["permanent-council"],
        ["conflict-prevention-and-resolution"],
        [],
        "Decision No. 1162: deployment of observers to the Russian checkpoints Gukovo and Donetsk",
        "The Permanent Council extends the mandate of the Observer Mission at the two "
        "checkpoints on the Russian-Ukrainian border.",
        {
            "en": "The Permanent Council decides to extend the mandate of the Observer Mission "
            "at the Russian checkpoints Gukovo and Donetsk.",
            "ru": "Постоянный совет постановляет продлить мандат Миссии наблюдателей на "
            "российских пунктах пропуска Гуково и Донецк.",
        },
        {"ru": "Решение № 1162 о размещении наблюдателей на российских пунктах пропуска"},
        1,
    ),
    (
        "annual-report",
        "report",
        "",
        -120,
        ["secretariat"],
        ["conflict-prevention-and-resolution", "good-governance"],
        [],
        "Annual Report",
        "What the organisation, its institutions and field operations did last year, in "
        "every field of work.",
        {
            "en": "The annual report reviews the year's work on early warning, mediation, "
            "border management, elections and media freedom across the region."
        },
        {"de": "Jahresbericht", "fr": "Rapport annuel", "ru": "Ежегодный доклад"},
        6,
    ),
    (
        "gender-equality-factsheet",
        "factsheet",
        "",
        -40,
        ["gender-issues-programme"],
        ["gender-equality"],
        [],
        "Gender equality: what we do",
        "A two-page overview of the organisation's work for women's equal participation in "
        "security and public life.",
        {
            "en": "Women's meaningful participation in conflict prevention and peace processes "
            "makes agreements more durable.",
            "fr": "La participation effective des femmes à la prévention des conflits rend les "
            "accords plus durables.",
        },
        {"fr": "Égalité entre les femmes et les hommes : notre action"},
        2,
    ),
    (
        "border-security-handbook",
        "handbook",
        "",
        -400,
        ["programme-office-in-dushanbe"],
        ["border-management", "countering-terrorism"],
        ["tajikistan"],
        "Handbook for border guards on risk analysis",
        "A practical handbook on risk analysis at border crossing points, written with the "
        "border services of Central Asia.",
        {
            "en": "Risk analysis at the border starts with reliable data on traffic, seizures "
            "and irregular crossings, shared between agencies.",
            "ru": "Анализ рисков на границе начинается с достоверных данных о движении, "
            "изъятиях и незаконных пересечениях.",
        },
        {"ru": "Справочник пограничника по анализу рисков"},
        8,
    ),
    (
        "media-freedom-statement",
        "statement",
        "",
        -12,
        ["representative-on-freedom-of-the-media"],
        ["media-freedom-and-development"],
        [],
        "Statement on the safety of journalists",
        "The Representative on Freedom of the Media calls on participating States to "
        "protect journalists covering protests.",
        {
            "en": "Journalists covering public assemblies must be able to work without fear of "
            "violence or arrest."
        },
        {},
        1,
    ),
    (
        "election-observation-handbook",
        "handbook",
        "",
        -900,
        ["office-for-democratic-institutions-and-human-rights"],
        ["elections", "democratization"],
        [],
        "Election Observation Handbook",
        "The methodology of long-term and short-term election observation, seventh edition.",
        {
            "en": "Observers assess the whole electoral process: the legal framework, the "
            "election administration, the campaign, the media, voting, counting and "
            "complaints.",
            "es": "Los observadores evalúan todo el proceso electoral: el marco jurídico, la "
            "administración electoral, la campaña, los medios, la votación y el recuento.",
        },
        {"es": "Manual de observación electoral"},
        10,
    ),
    (
        "minorities-speech",
        "speech",
        "",
        -30,
        ["high-commissioner-on-national-minorities"],
        ["national-minority-issues", "education"],
        [],
        "Speech at the conference on multilingual education",
        "The High Commissioner on National Minorities on why mother-tongue education "
        "strengthens integration.",
        {
            "en": "Education in the mother tongue and in the state language together build "
            "societies where minorities belong.",
            "it": "L'istruzione nella lingua madre e nella lingua di Stato costruisce insieme "
            "società in cui le minoranze si sentono a casa.",
        },
        {"it": "Discorso alla conferenza sull’istruzione multilingue"},
        3,
    ),
]


def _date(value, today):
    return today + datetime.timedelta(days=value) if isinstance(value, int) else value


def delete_demo_documents():
    documents = Document.objects.filter(source_url__startswith=DEMO_URL_PREFIX)
    for row in DocumentFile.objects.filter(document__in=documents):
        row.file.storage.delete(row.file.name)
    return documents.delete()[1].get(Document._meta.label, 0)


def _save(document, issuers, fields, countries, files, pages):
    document.save()
    DocumentIssuer.objects.bulk_create(
        DocumentIssuer(document=document, structure=s, position=i) for i, s in enumerate(issuers)
    )
    document.fields_of_work.set(fields)
    document.countries.set(countries)
    for language, (title, paragraphs) in files.items():
        DocumentFile.objects.create(
            document=document,
            language=language,
            file=ContentFile(pdf_bytes(title, paragraphs, pages=pages), name="demo.pdf"),
        )


def seed_documents(today, now, images=()):
    """Replace the demo documents; returns how many were written. The guidebook has one of
    the demo pictures (`images`, demo.images) as its cover, as an editor may give one."""
    delete_demo_documents()
    types = {t.slug: t for t in DocumentType.objects.all()}
    structures = {s.slug: s for s in Structure.objects.all()}
    fields = {f.slug: f for f in FieldOfWork.objects.all()}
    countries = {c.slug: c for c in Country.objects.all()}
    written = 0
    for (
        slug,
        kind,
        symbol,
        day,
        issuers,
        field_slugs,
        country_slugs,
        title,
        summary,
        texts,
        translations,
        pages,
    ) in DOCUMENTS:
        issued = [structures[s] for s in issuers if s in structures]
        if kind not in types or not issued:
            continue
        document = Document(
            slug=f"demo-{slug}",
            title=title,
            summary=summary,
            document_type=types[kind],
            symbol=symbol,
            publication_date=_date(day, today),
            status=Status.PUBLISHED,
            publish_at=now,
            in_language_en=True,
            source_url=f"{DEMO_URL_PREFIX}documents/{slug}",
        )
        for code, translated in translations.items():
            setattr(document, f"title_{code}", translated)
            setattr(document, f"in_language_{code}", True)
        files = {code: (title, [text]) for code, text in texts.items()}
        _save(
            document,
            issued,
            [fields[s] for s in field_slugs if s in fields],
            [countries[s] for s in country_slugs if s in countries],
            files,
            pages,
        )
        written += 1
    written += _seed_guidebook(types, structures, fields, countries, now, images)
    return written


GUIDEBOOK_PROJECTS = ("demo-intelligence-led-policing", "demo-mission-to-serbia-police-reform")


def _seed_guidebook(types, structures, fields, countries, now, images):
    """The SPMU's Intelligence-led Policing Guidebook in several languages, part of the ILP
    project and of the Mission to Serbia's police reform programme (demo.projects)."""
    issuers = [structures[s] for s in ("strategic-police-matters-unit",) if s in structures]
    if "guidebook" not in types or not issuers:
        return 0
    translations = ("ru", "de", "fr")
    # The conference hall: the picture fits a guidebook for senior police managers.
    cover = images[2].fields(["en", *translations]) if len(images) > 2 else {}
    document = Document(
        **cover,
        slug="demo-intelligence-led-policing-guidebook",
        title=ILP_TEXT["en"][0],
        summary="How police services introduce intelligence-led policing: the intelligence "
        "cycle, strategic assessments and the role of senior managers. Translated into "
        "several languages.",
        document_type=types["guidebook"],
        publication_date=datetime.date(2017, 6, 20),
        status=Status.PUBLISHED,
        publish_at=now,
        in_language_en=True,
        source_url=f"{DEMO_URL_PREFIX}documents/intelligence-led-policing-guidebook",
    )
    for code in translations:
        setattr(document, f"title_{code}", ILP_TEXT[code][0])
        setattr(document, f"in_language_{code}", True)
    beneficiaries = ("serbia", "montenegro", "north-macedonia", "moldova", "kyrgyzstan")
    _save(
        document,
        issuers,
        [fields[s] for s in ("policing",) if s in fields],
        [countries[s] for s in beneficiaries if s in countries],
        ILP_TEXT,
        12,
    )
    # The ILP project's, and used by the Mission to Serbia's police reform programme: a visitor
    # reaches it from the field operation's "Current projects" (the browser journey does).
    document.projects.add(
        *document.projects.model.objects.filter(slug__in=GUIDEBOOK_PROJECTS).order_by("pk")
    )
    return 1
