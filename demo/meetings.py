"""Meetings: four per series (three past, one upcoming) in all six languages."""

import datetime
import html

from core.publishing import Status
from demo import grammar
from demo.data.places import CAPITALS, REGION_NAMES, REGIONS
from demo.data.series import GENERIC_SERIES, MEETING_SENTENCES, SERIES_PROFILES, SERIES_TRANSLATIONS
from demo.instances import instance_by_position
from demo.languages import OTHER_LANGUAGES
from news.models import Meeting
from news.naming import name_key

MEETINGS_PER_SERIES = 4


def _ordinals(language, number):
    """Ordinal numbers for masculine, feminine and neuter nouns (German and Russian
    distinguish them; "1er"/"1re" in French)."""
    if language == "fr":
        first = number == 1
        return {
            "ordinal_m": "1er" if first else f"{number}e",
            "ordinal_f": "1re" if first else f"{number}e",
            "ordinal_n": f"{number}e",
        }
    if language == "de":
        return dict.fromkeys(("ordinal_m", "ordinal_f", "ordinal_n"), f"{number}.")
    if language == "ru":
        return {"ordinal_m": f"{number}-й", "ordinal_f": f"{number}-я", "ordinal_n": f"{number}-е"}
    masculine, feminine = ("º", "ª") if language == "it" else (".º", ".ª")
    return {"ordinal_m": f"{number}{masculine}", "ordinal_f": f"{number}{feminine}",
            "ordinal_n": f"{number}{masculine}"}  # fmt: skip


def _profile(series):
    key = name_key(series.name)
    return next(
        (profile for profile in SERIES_PROFILES if name_key(profile.keyword) in key),
        GENERIC_SERIES,
    )


def _ordinal(number):
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number:,}{suffix}"


class MeetingGenerator:
    def __init__(self, taxonomy, rng, now):
        self.taxonomy = taxonomy
        self.rng = rng
        self.now = now
        self.today = taxonomy.today

    def dates(self, profile):
        """Two earlier years, last year, and one upcoming meeting."""
        rng, year = self.rng, self.today.year
        days = []
        for past in (rng.randint(8, 20), rng.randint(2, 6), 1):
            month = profile.month or rng.randint(1, 12)
            days.append(datetime.date(year - past, month, rng.randint(1, 25)))
        days.append(self.today + datetime.timedelta(days=rng.randint(14, 240)))
        return days

    def generate(self, series, index_in_run):
        rng, taxonomy = self.rng, self.taxonomy
        profile = _profile(series)
        organiser = taxonomy.structure(*profile.organiser)
        meetings = []
        for position, start in enumerate(self.dates(profile)):
            city, country = self._place(profile, start)
            code = country.iso_code if country else None
            region = next((region for region, codes in REGIONS.items() if code in codes), "OSCE")
            values = {"year": start.year, "city": city, "series": series.name, "region": region}
            count = None
            if profile.numbering:
                origin, per_year = profile.numbering
                count = max(1, round((start - origin).days / 365.25 * per_year))
                values["ordinal"] = values["number"] = _ordinal(count)
            end = start + datetime.timedelta(days=profile.days - 1)
            upcoming = position == MEETINGS_PER_SERIES - 1
            status, publish_at = Status.PUBLISHED, self.now - datetime.timedelta(days=1)
            if upcoming and index_in_run % 5 == 1:
                status = Status.DRAFT
            elif upcoming and index_in_run % 5 == 3:
                publish_at = self.now + datetime.timedelta(days=rng.randint(2, 10))
            when = f"on {start.day} {start:%B %Y}"
            if end != start:
                when = f"from {start.day} {start:%B} to {end.day} {end:%B %Y}"
            description = (
                f"<p>{html.escape(profile.description)}</p>"
                f"<p>The meeting {'takes' if upcoming else 'took'} place in "
                f"{html.escape(city)} {when}.</p>"
            )
            texts = {"en": (profile.title.format(**values), city, description)}
            for language in OTHER_LANGUAGES:
                texts[language] = self._translated(
                    language, profile, series, (city, region, count), (start, end, upcoming)
                )
            columns = {
                "meeting_type_id": series.pk,
                "start_date": start,
                "end_date": end,
                "host_country_id": country.pk if country else None,
                "organiser_id": organiser.pk if organiser else None,
                "status": status,
                "publish_at": publish_at,
            }
            for language, (title, place, text) in texts.items():
                columns[f"title_{language}"] = title
                columns[f"place_{language}"] = place
                columns[f"description_{language}"] = text
            meeting = instance_by_position(Meeting, columns)
            fields = [taxonomy.fields_of_work[key] for key in profile.topics]
            meetings.append((meeting, [f.pk for f in fields if f]))
        return meetings

    @staticmethod
    def _translated(language, profile, series, where, when):
        """(title, place, description) of one meeting in `language`."""
        (city, region, count), (start, end, upcoming) = where, when
        titles, descriptions = SERIES_TRANSLATIONS[profile.keyword]
        place = grammar.city_name(language, city)
        values = {
            "year": start.year,
            "city": place,
            "series": getattr(series, f"name_{language}", None) or series.name,
            "region": REGION_NAMES[region][language][0],
            **(_ordinals(language, count) if count else {}),
        }
        sentence = MEETING_SENTENCES[language][0 if upcoming else 1].format(
            city=place,
            in_city="" if language == "ru" else grammar.in_city(language, place),
            when=grammar.date_span(language, start, end),
            dates="Дата проведения" if start == end else "Сроки проведения",
        )
        description = f"<p>{html.escape(descriptions[language])}</p><p>{html.escape(sentence)}</p>"
        return titles[language].format(**values), place, description

    def _place(self, profile, start):
        taxonomy = self.taxonomy
        places = profile.places
        if places == "chair":
            pool = taxonomy.pools["any"]
            country = taxonomy.chairs.get(start.year) or (self.rng.choice(pool) if pool else None)
            if country:
                return CAPITALS.get(country.iso_code, country.name), country
            places = GENERIC_SERIES.places
        city, code = self.rng.choice(places)
        return city, taxonomy.by_iso.get(code)
