"""The real taxonomy as the generators need it: which bodies issue news, when they were at
work, where and on what; read once in a few queries."""

import datetime
from dataclasses import dataclass, field

from countries.models import Chairpersonship, Country, CountryStatus
from demo import grammar
from demo.data.issuers import (
    COUNTRY_POOLS,
    FIELD_OPERATION_TOPICS,
    FIELD_OPERATION_TYPES,
    FIELD_OPERATION_WEIGHT,
    ISSUER_NAMES,
    ISSUER_SPECS,
    MICROSTATES,
    SMM_TYPES,
)
from demo.data.places import CAPITALS, KOSOVO_TOWNS, REGIONS, TOWNS
from demo.data.topics import TOPIC_PARTNERS, TOPICS
from demo.languages import MASCULINE, OTHER_LANGUAGES
from news.models import MeetingType
from news.naming import TaxonomyNames, name_key
from structures.models import Structure, StructureKind

FIRST_DAY = datetime.date(2000, 1, 1)
JOINT_SHARE = 0.15

SMM_KEY = name_key("Special Monitoring Mission to Ukraine")
# Real dates for bodies the taxonomy knows without an establishment date.
KNOWN_WINDOWS = {
    SMM_KEY: (datetime.date(2014, 3, 21), datetime.date(2022, 3, 31)),
    name_key("Observer Mission at the Russian Checkpoints Gukovo and Donetsk"): (
        datetime.date(2014, 7, 24),
        datetime.date(2021, 9, 30),
    ),
}


class DemoError(Exception):
    """The demo cannot be made from this database; the command reports it without a trace."""


@dataclass
class Issuer:
    key: str
    structure: Structure
    label: str
    reference: str
    role: str
    weight: float
    start: datetime.date
    end: datetime.date
    topics: tuple
    types: tuple
    partners: dict
    country_pool: tuple = ()
    host: Country | None = None
    region: str = ""
    towns: tuple = ()
    joint_probability: float = 0.0
    names: dict = field(default_factory=dict)  # language -> LocalName


def _label(structure):
    return structure.name if "OSCE" in structure.name.split() else f"OSCE {structure.name}"


def _issuer_names(key, structure, label):
    names = {}
    for language in OTHER_LANGUAGES:
        own = (getattr(structure, f"name_{language}", "") or "").strip()
        if key in ISSUER_NAMES:
            names[language] = grammar.local_name(
                language, *ISSUER_NAMES[key][language], acronym=False
            )
        elif own:
            located = " in " in (structure.name_en or structure.name)
            names[language] = grammar.local_name(language, own, located=located)
        else:
            names[language] = grammar.local_name(language, label, MASCULINE, acronym=False)
    return names


class Taxonomy:
    """What the generator needs from the database, loaded once in a few queries."""

    def __init__(self, today):
        self.today = today
        names = TaxonomyNames.load()
        self.structures = names.structures
        self.fields_of_work = {
            key: _only(names.fields_of_work, topic.field_of_work) for key, topic in TOPICS.items()
        }
        countries = list(Country.objects.order_by("name"))
        self.by_iso = {country.iso_code: country for country in countries if country.iso_code}
        self.by_pk = {country.pk: country for country in countries}
        participating = [
            country
            for country in countries
            if country.status == CountryStatus.PARTICIPATING_STATE
            and country.iso_code not in MICROSTATES
        ]
        self.pools = {
            "any": tuple(participating),
            "none": (),
            **{
                key: tuple(self.by_iso[code] for code in codes if code in self.by_iso)
                for key, codes in COUNTRY_POOLS.items()
            },
        }
        self.chairs = {
            year: self.by_pk[country_id]
            for year, country_id in Chairpersonship.objects.values_list("year", "country_id")
        }
        self.meeting_types = list(MeetingType.objects.order_by("position", "name"))
        self.issuers = self._field_operations() + self._other_issuers()
        if not self.issuers:
            raise DemoError("The taxonomy has no structures to issue news: run load_taxonomy.")
        self.issuer_by_key = {issuer.key: issuer for issuer in self.issuers}
        # Drafts and scheduled items are recent: only bodies still at work write them.
        self.active_issuers = [issuer for issuer in self.issuers if issuer.end >= today]
        # Spread the joint items over the issuers that have partners, so ~15% of all are joint.
        total = sum(issuer.weight for issuer in self.issuers)
        joint_weight = sum(issuer.weight for issuer in self.issuers if issuer.partners)
        for issuer in self.issuers:
            if issuer.partners:
                issuer.joint_probability = min(0.9, JOINT_SHARE * total / joint_weight)

    def structure(self, *names):
        return next((found for name in names if (found := _only(self.structures, name))), None)

    @staticmethod
    def country_name(country, language):
        return getattr(country, f"name_{language}", None) or country.name

    def _window(self, structure):
        start, end = KNOWN_WINDOWS.get(name_key(structure.name), (None, None))
        start = max(structure.established_on or start or FIRST_DAY, FIRST_DAY)
        end = min(structure.closed_on or end or self.today, self.today)
        return start, end

    def _field_operations(self):
        issuers = []
        kinds = (StructureKind.FIELD_OPERATION, StructureKind.CLOSED_FIELD_ACTIVITY)
        structures = Structure.objects.filter(kind__in=kinds).select_related("host_country")
        for structure in structures.order_by("position", "name", "pk"):
            start, end = self._window(structure)
            if end < start:
                continue
            host = structure.host_country
            is_smm = name_key(structure.name) == SMM_KEY
            label = _label(structure)
            code = host.iso_code if host else ""
            kosovo = host is None and "kosovo" in name_key(structure.name)
            years = (end - start).days / 365.25
            key = f"field-operation-{structure.pk}"
            issuers.append(
                Issuer(
                    key=key,
                    structure=structure,
                    label=label,
                    reference=f"the {label}",
                    role=f"Head of the {label}",
                    # The SMM published far more than its years suggest.
                    weight=FIELD_OPERATION_WEIGHT * years / 150 * (5 if is_smm else 1),
                    start=start,
                    end=end,
                    topics=(("conflict", 100),) if is_smm else FIELD_OPERATION_TOPICS,
                    types=SMM_TYPES if is_smm else FIELD_OPERATION_TYPES,
                    partners={} if is_smm else TOPIC_PARTNERS,
                    host=host,
                    region=next((r for r, codes in REGIONS.items() if code in codes), ""),
                    towns=tuple(
                        dict.fromkeys(
                            [structure.location or CAPITALS.get(code, "")]
                            + (KOSOVO_TOWNS if kosovo else TOWNS.get(code, []))
                        )
                    ),
                    names=_issuer_names(key, structure, label),
                )
            )
        return issuers

    def _other_issuers(self):
        issuers = []
        for key, spec in ISSUER_SPECS.items():
            structure = self.structure(*spec.names)
            if structure is None:
                continue
            start, end = self._window(structure)
            if end < start:
                continue
            label = spec.label or _label(structure)
            issuers.append(
                Issuer(
                    key=key,
                    structure=structure,
                    label=label,
                    reference=spec.reference or f"the {label}",
                    role=spec.role or f"Head of the {label}",
                    weight=spec.weight,
                    start=start,
                    end=end,
                    topics=spec.topics,
                    types=spec.types,
                    partners=spec.partners,
                    country_pool=self.pools[spec.countries],
                    names=_issuer_names(key, structure, label),
                )
            )
        return issuers


def _only(index, name):
    found = index.matches(name)
    return found[0] if len(found) == 1 else None
