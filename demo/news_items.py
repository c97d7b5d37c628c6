"""News items: one plausible item at a time, in the languages drawn for it.

Every choice comes from the one seeded `Random` in a fixed order, so the same seed gives the
same items: a new draw anywhere changes everything after it.
"""

import datetime
import html
from bisect import bisect
from dataclasses import dataclass
from itertools import accumulate

from django.utils import timezone

from core.publishing import Status
from core.richtext import SanitisedHtml
from demo import grammar
from demo.data.people import DONORS, FIRST_NAMES, SURNAMES
from demo.data.phrases import AUDIENCES, DAYS, PHRASES
from demo.data.places import (
    CAPITALS,
    COUNTRIES_WITH_ARTICLE,
    DONBAS_PLACES,
    DONBAS_RU,
    REGION_NAMES,
    REGIONS,
)
from demo.data.reports import REPORT_TRANSLATIONS, SPOT_REPORT_SUBJECTS, VIOLATIONS_RU
from demo.data.sentences import HEADINGS, QUOTES
from demo.data.topics import RELATED_TOPICS, TOPICS
from demo.instances import instance_by_position
from demo.marks import DEMO_URL_PREFIX
from demo.templates import (
    FALLBACK_TITLE,
    GENERIC,
    LEAD_TEMPLATES,
    PARAGRAPHS,
    STATEMENT_LEAD_TEMPLATES,
    STATEMENTS,
    TITLES,
    usable,
)
from news.models import NewsItem, NewsType

IMAGE_SHARE = 0.2
# The newest items, so that a site seeded today looks alive: item k (1-based, neither a draft
# nor scheduled) of the first RECENT_ITEMS is issued about k * RECENT_SPACING days before the
# seeding day, the first today, by a body still at work; most of them show a picture, and the
# first with one leads the home page for a week (`featured_until`).
RECENT_ITEMS = 40
RECENT_SPACING = 1.6
RECENT_IMAGE_SHARE = 0.75
FEATURED_DAYS = 7
# Placeholders that name the place an item is about: a title or lead naming it is preferred
# when the item is tagged with a country, so that the text says what the tags say.
PLACE_NAMES = frozenset({"country", "in_country", "city", "in_city"})

RUSSIAN_ONLY_SHARE = 0.03
RUSSIAN_SHARE = 0.30  # in English and Russian, besides the Russian-only items
ALSO_IN = (("fr", 0.08), ("de", 0.05), ("es", 0.05), ("it", 0.03))
REPORT_TYPES = (NewsType.DAILY_REPORT, NewsType.SPOT_REPORT)


def _in(country):
    if country.iso_code in COUNTRIES_WITH_ARTICLE:
        return "in the " + country.name.removeprefix("The ")
    return "in " + country.name


def _weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _escaped(values):
    return {key: html.escape(str(value), quote=False) for key, value in values.items()}


def _teaser(blocks):
    return html.unescape(blocks[0].removeprefix("<p>").removesuffix("</p>"))


@dataclass
class GeneratedItem:
    item: NewsItem
    structure_ids: list
    field_of_work_ids: list
    country_ids: list
    slug_source: str


class NewsGenerator:
    """Makes one plausible item at a time; every choice comes from one seeded `Random`."""

    def __init__(self, taxonomy, rng, images, now):
        self.taxonomy = taxonomy
        self.rng = rng
        self.images = images
        self.now = now
        self.today = taxonomy.today
        self.tz = timezone.get_current_timezone()
        self.all_issuers = _Lottery(taxonomy.issuers)
        self.active_issuers = _Lottery(taxonomy.active_issuers or taxonomy.issuers)
        self.featured = False

    def generate(self, number, special=None):
        """Item `number` (1-based); `special` is None, "draft" or "scheduled"."""
        rng = self.rng
        recent = special is None and number <= RECENT_ITEMS
        languages = self._languages()
        others = [language for language in languages if language != "en"]
        issuer = (self.active_issuers if special or recent else self.all_issuers).draw(rng)
        issued_on = self._recent_date(number) if recent else self._date(issuer, special)
        topic_key = _weighted(rng, issuer.topics)
        news_type = _weighted(rng, issuer.types)
        if news_type in REPORT_TYPES and (special or recent):
            news_type = NewsType.NEWS
        countries = self._countries(issuer, issued_on)
        if topic_key == "observation" and not countries and issuer.country_pool:
            countries = [rng.choice(issuer.country_pool)]  # an election is in some country
        related = RELATED_TOPICS.get(topic_key, ())
        related_keys = rng.sample(related, min(len(related), rng.choice((0, 1, 1, 2))))
        issuers = [issuer]
        partner_key = issuer.partners.get(topic_key) or issuer.partners.get("*")
        if partner_key and rng.random() < issuer.joint_probability:
            partner = self.taxonomy.issuer_by_key.get(partner_key)
            if partner and partner.structure.pk != issuer.structure.pk:
                issuers.append(partner)
        if news_type in REPORT_TYPES:
            texts = self._report(news_type, issuer, issued_on, others)
        else:
            context, country = self._context(issuer, TOPICS[topic_key], countries, issued_on)
            # Tagged with the countries the text is about: the one it names (and the chair's
            # own country for the Chairpersonship), not a neighbour it never mentions.
            countries = [c for c in countries if c == country or issuer.key == "chair"]
            local = {
                language: self._local_context(language, issuer, context, country, issued_on)
                for language in others
            }
            title = self._title(topic_key, news_type, context, local, country)
            blocks, related_keys = self._body(
                topic_key, news_type, context, local, country, related_keys
            )
            texts = {"en": (title.english.format(**context), blocks["en"])} | {
                language: (title.render(language, form, values), blocks[language])
                for language, (form, values) in local.items()
            }
        # Tagged with the fields of work the text speaks of: its topic and the related topics
        # it has a paragraph on (a report speaks of its topic only).
        if news_type in REPORT_TYPES:
            related_keys = []
        topic_keys = [topic_key, *related_keys]
        fields = [self.taxonomy.fields_of_work[key] for key in topic_keys]
        values = {
            "type": news_type,
            "issued_on": issued_on,
            "source_url": f"{DEMO_URL_PREFIX}news/{number}",
            **self._publishing(issued_on, special),
        }
        for language in languages:
            title, blocks = texts[language]
            values[f"title_{language}"] = title
            values[f"teaser_{language}"] = _teaser(blocks)
            # Clean by construction (escaped values in fixed markup), so saving skips the
            # sanitiser; tests/demo proves it returns these bodies unchanged.
            values[f"body_{language}"] = SanitisedHtml("".join(blocks))
            values[f"in_language_{language}"] = True
        if self.images and rng.random() < (RECENT_IMAGE_SHARE if recent else IMAGE_SHARE):
            values |= self.images[rng.randrange(len(self.images))].fields(languages)
            if recent and not self.featured:
                self.featured = True
                values["featured_until"] = self.now + datetime.timedelta(days=FEATURED_DAYS)
        return GeneratedItem(
            instance_by_position(NewsItem, values),
            [i.structure.pk for i in issuers],
            list(dict.fromkeys(f.pk for f in fields if f)),
            [country.pk for country in countries],
            texts["en"][0] if "en" in languages else grammar.latin(texts["ru"][0]),
        )

    def _languages(self):
        """One draw says whether the item is in Russian only, in English and Russian, or in
        English; one more per other language whether it is in that one too (ALSO_IN)."""
        rng = self.rng
        draw = rng.random()
        if draw < RUSSIAN_ONLY_SHARE:
            return ["ru"]
        languages = ["en", "ru"] if draw < RUSSIAN_ONLY_SHARE + RUSSIAN_SHARE else ["en"]
        return languages + [
            language
            for language, share in ALSO_IN
            if rng.random() < share / (1 - RUSSIAN_ONLY_SHARE)
        ]

    def _recent_date(self, number):
        days = round((number - 1) * RECENT_SPACING + self.rng.random())
        return self.today - datetime.timedelta(days=days)

    def _date(self, issuer, special):
        if special == "draft":
            return self.today - datetime.timedelta(days=self.rng.randrange(60))
        if special == "scheduled":
            return self.today + datetime.timedelta(days=self.rng.randrange(1, 22))
        span = (issuer.end - issuer.start).days + 1
        return issuer.start + datetime.timedelta(days=int(self.rng.random() * span))

    def _publishing(self, issued_on, special):
        if special == "draft":
            return {"status": Status.DRAFT, "publish_at": self.now}
        moment = datetime.datetime.combine(
            issued_on, datetime.time(self.rng.randint(8, 17), self.rng.choice((0, 15, 30, 45)))
        )
        publish_at = timezone.make_aware(moment, self.tz)
        if special != "scheduled":
            publish_at = min(publish_at, self.now - datetime.timedelta(minutes=1))
        return {"status": Status.PUBLISHED, "publish_at": publish_at}

    def _countries(self, issuer, issued_on):
        rng, taxonomy = self.rng, self.taxonomy
        if issuer.host:
            chosen = [issuer.host]
            if issuer.region and rng.random() < 0.1:
                neighbours = [
                    taxonomy.by_iso[code]
                    for code in REGIONS[issuer.region]
                    if code in taxonomy.by_iso and taxonomy.by_iso[code] != issuer.host
                ]
                chosen += rng.sample(neighbours, min(len(neighbours), rng.randint(1, 2)))
            return chosen
        pool = issuer.country_pool
        if issuer.key == "chair":
            visited = rng.choice(pool) if pool else None
            chair = taxonomy.chairs.get(issued_on.year)
            return list(dict.fromkeys(c for c in (chair, visited) if c))
        if pool and rng.random() < 0.75:
            return rng.sample(pool, min(len(pool), 1 if rng.random() < 0.85 else 2))
        return []

    def _context(self, issuer, topic, countries, issued_on):
        """The English placeholders' values, and the country the text is about (if any)."""
        rng = self.rng
        n = rng.choice((12, 15, 18, 20, 24, 25, 30, 35, 40, 45, 60, 80, 120))
        context = {
            "issuer": issuer.label,
            "the_issuer": issuer.reference,
            "The_issuer": issuer.reference[:1].upper() + issuer.reference[1:],
            "phrase": topic.phrase,
            "n": n,
            "reach": rng.choice((300, 450, 600, 800, 1200, 2000, 3500)),
            "days": rng.choice(tuple(DAYS)),
            "audience": rng.choice(topic.audiences),
            "date": f"{issued_on.day} {issued_on:%B %Y}",
            "year": issued_on.year - 1,
            "next_year": issued_on.year + rng.randint(1, 3),
            "person": f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
            "role": issuer.role,
            "quote": rng.choice(QUOTES),
            "donors": " and ".join(rng.sample(DONORS, 2)),
            "region": issuer.region or rng.choice(tuple(REGIONS)),
        }
        country = None
        if countries:
            country = countries[-1] if issuer.key == "chair" else countries[0]
            context["country"] = country.name
            context["in_country"] = _in(country)
            towns = issuer.towns if country == issuer.host else ()
            context["city"] = rng.choice(towns or (CAPITALS.get(country.iso_code, country.name),))
        elif issuer.towns:
            context["city"] = rng.choice(issuer.towns)
        return context, country

    def _local_context(self, language, issuer, context, country, issued_on):
        """(form, values): the placeholders of `context` spelled in `language`, and the form
        (gender, number) of the issuer that its verbs and articles agree with."""
        name = issuer.names[language]
        region = REGION_NAMES[context["region"]][language]
        on_date = grammar.on_date(language, issued_on)
        audience = AUDIENCES[context["audience"]][language]
        values = {
            "issuer": name.bare,
            "the_issuer": name.the,
            "The_issuer": name.The,
            "date": grammar.date_text(language, issued_on),
            "on_date": on_date,
            "On_date": grammar.capitalised(on_date),
            "phrase": PHRASES[context["phrase"]][language],
            "n": context["n"],
            "reach": context["reach"],
            "days": DAYS[context["days"]][language],
            "audience": audience,
            "audience_all": audience,
            "year": context["year"],
            "next_year": context["next_year"],
            "region": region[0],
            "in_region": region[1],
            "from_region": region[2],
        }
        if language == "ru":
            values["audience"] = grammar.russian_count(context["n"], audience)
            values["audience_all"] = audience[-1]
        elif language == "fr":
            values["de_phrase"] = grammar.french_de(values["phrase"])
        if country is not None:
            values["country"] = self.taxonomy.country_name(country, language)
            if language != "ru":
                values["in_country"] = grammar.in_country(language, country, values["country"])
        if "city" in context:
            values["city"] = grammar.city_name(language, context["city"])
            if language != "ru":
                values["in_city"] = grammar.in_city(language, values["city"])
        return name.form, values

    def _title(self, topic_key, news_type, context, local, country):
        candidates = news_type == NewsType.PRESS_STATEMENT and usable(STATEMENTS, context, local)
        candidates = candidates or usable(TITLES[topic_key], context, local) or [FALLBACK_TITLE]
        return self.rng.choice(_naming_place(candidates, country))

    def _body(self, topic_key, news_type, context, local, country, related_keys):
        """(blocks per language, the related topics it covers): 3–8 blocks per language, a
        lead (also the teaser; naming the item's country when it has one), topical and
        generic paragraphs, a paragraph on each related topic that has one it can fill, and,
        on English-only items, sometimes a heading with a list."""
        rng = self.rng
        safe = _escaped(context)
        safe_local = {
            language: (form, _escaped(values)) for language, (form, values) in local.items()
        }
        leads = (
            STATEMENT_LEAD_TEMPLATES if news_type == NewsType.PRESS_STATEMENT else LEAD_TEMPLATES
        )
        usable_leads = usable(leads, safe, safe_local) or usable(LEAD_TEMPLATES, safe, safe_local)
        chosen = [rng.choice(_naming_place(usable_leads, country))]
        topical = usable(PARAGRAPHS[topic_key], safe, safe_local)
        generic = usable(GENERIC, safe, safe_local)
        chosen += rng.sample(topical, min(len(topical), rng.randint(1, 3)))
        covered = []
        for key in related_keys:
            paragraphs = usable(PARAGRAPHS[key], safe, safe_local)
            if paragraphs:
                chosen.append(rng.choice(paragraphs))
                covered.append(key)
        chosen += rng.sample(generic, min(len(generic), rng.randint(1, 2)))
        blocks = {"en": [f"<p>{template.english.format(**safe)}</p>" for template in chosen]}
        for language, (form, values) in safe_local.items():
            blocks[language] = [
                f"<p>{template.render(language, form, values)}</p>" for template in chosen
            ]
        if not local and rng.random() < 0.3:
            points = rng.sample(TOPICS[topic_key].points, min(3, len(TOPICS[topic_key].points)))
            listed = "".join(
                f"<li>{html.escape(point.capitalize(), quote=False)}</li>" for point in points
            )
            english = blocks["en"]
            english.insert(len(english) - 1, f"<h2>{rng.choice(HEADINGS)}</h2><ul>{listed}</ul>")
        return blocks, covered

    def _report(self, news_type, issuer, issued_on, languages):
        """The SMM's daily and spot reports, 2014–2022: {language: (title, blocks)}."""
        rng = self.rng
        place = rng.choice(DONBAS_PLACES)
        subject = None
        if news_type == NewsType.DAILY_REPORT:
            title = (
                f"Latest from the {issuer.label} (SMM), based on information received as of "
                f"19:30, {issued_on.day} {issued_on:%B %Y}"
            )
        else:
            subject = rng.randrange(len(SPOT_REPORT_SUBJECTS))
            title = f"{issuer.label}: {SPOT_REPORT_SUBJECTS[subject]} {place}"
        violations = rng.randint(20, 400)
        blocks = [
            f"<p>The SMM recorded {violations} ceasefire violations in Donetsk region and "
            f"{violations // 3} in Luhansk region, most of them near {place}.</p>",
            "<p>The Mission's freedom of movement was restricted at a checkpoint, and its "
            "unmanned aerial vehicles spotted weapons in violation of withdrawal lines.</p>",
            f"<p>The SMM continued to monitor the disengagement areas and to facilitate "
            f"repairs to critical civilian infrastructure near {place}.</p>",
        ]
        texts = {"en": (title, blocks)}
        for language in languages:
            daily_title, subjects, paragraphs = REPORT_TRANSLATIONS[language]
            local_place = DONBAS_RU.get(place, place) if language == "ru" else place
            values = {
                "issuer": issuer.names[language].bare,
                "date": grammar.date_text(language, issued_on),
                "place": local_place,
                "de_place": grammar.french_de(local_place),
                "violations": violations,
                "violations_noun": grammar.russian_count(violations, VIOLATIONS_RU),
                "luhansk": violations // 3,
            }
            if subject is None:
                local_title = daily_title.format(**values)
            else:
                separator = " : " if language == "fr" else ": "
                local_title = values["issuer"] + separator + subjects[subject].format(**values)
            safe = _escaped(values)
            texts[language] = (
                local_title,
                [f"<p>{paragraph.format(**safe)}</p>" for paragraph in paragraphs],
            )
        return texts


def _naming_place(templates, country):
    """The templates that name the item's place when it has a country, if any do."""
    if country is None:
        return templates
    naming = [template for template in templates if template.needs & PLACE_NAMES]
    return naming or templates


class _Lottery:
    """Draws issuers by weight with one random number and a binary search."""

    def __init__(self, issuers):
        self.issuers = issuers
        self.cumulative = list(accumulate(issuer.weight for issuer in issuers))

    def draw(self, rng):
        position = bisect(self.cumulative, rng.random() * self.cumulative[-1])
        return self.issuers[min(position, len(self.issuers) - 1)]
