"""Which bodies issue demo news, on what, in which kinds of item and how often; and the
names some of them go by in the other languages."""

from dataclasses import dataclass, field

from demo.data.places import REGIONS
from demo.languages import FEMININE, MASCULINE, NEUTER, per_language
from news.models import NewsType

DEFAULT_TYPES = ((NewsType.NEWS, 72), (NewsType.PRESS_RELEASE, 20), (NewsType.PRESS_STATEMENT, 8))
FIELD_OPERATION_TYPES = (
    (NewsType.NEWS, 75), (NewsType.PRESS_RELEASE, 23), (NewsType.PRESS_STATEMENT, 2),
)  # fmt: skip
STATEMENT_HEAVY = (
    (NewsType.PRESS_STATEMENT, 40), (NewsType.PRESS_RELEASE, 30), (NewsType.NEWS, 30),
)  # fmt: skip
SMM_TYPES = (
    (NewsType.DAILY_REPORT, 45), (NewsType.SPOT_REPORT, 25), (NewsType.NEWS, 20),
    (NewsType.PRESS_RELEASE, 10),
)  # fmt: skip


FIELD_OPERATION_TOPICS = (
    ("policing", 10), ("rule-of-law", 10), ("elections", 5), ("media", 6), ("gender", 8),
    ("youth", 6), ("good-governance", 8), ("environment", 6), ("border", 5),
    ("trafficking", 6), ("human-rights", 7), ("tolerance", 5), ("minorities", 4),
    ("democratization", 8), ("security-sector", 4), ("roma", 3), ("education", 4),
    ("migration", 2), ("cyber", 3), ("terrorism", 4), ("economic", 4), ("arms-control", 3),
    ("conflict", 3),
)  # fmt: skip
# Field operations together carry about half of all items, shared by years of activity.
FIELD_OPERATION_WEIGHT = 50
# Where the Secretariat's units and the institutions mostly work (ISO codes).
COUNTRY_POOLS = {
    "beneficiaries": tuple(code for codes in REGIONS.values() for code in codes) + ("MN",),
    "minorities": REGIONS["South-Eastern Europe"] + REGIONS["Central Asia"]
    + ["MD", "UA", "GE", "EE", "LV", "LT", "RO", "SK", "HU"],
}  # fmt: skip
# Participating States too small to be the setting of most demo stories.
MICROSTATES = {"AD", "VA", "LI", "MC", "SM"}


@dataclass(frozen=True)
class IssuerSpec:
    """How a body is found (any name the resolver knows), named in titles and weighted.

    `partners` maps a topic (or "*" for any) to the issuer an item on it is sometimes issued
    jointly with; `countries` is a key of COUNTRY_POOLS, "any" or "none".
    """

    names: tuple
    weight: float
    topics: tuple
    label: str = ""  # default: "OSCE " + its name
    reference: str = ""  # default: "the " + label
    role: str = ""  # default: "Head of the " + label
    types: tuple = DEFAULT_TYPES
    partners: dict = field(default_factory=dict)
    countries: str = "beneficiaries"


ISSUER_SPECS = {
    "odihr": IssuerSpec(
        ("ODIHR", "Office for Democratic Institutions and Human Rights"), 9,
        (("observation", 45), ("human-rights", 12), ("tolerance", 12), ("roma", 8),
         ("democratization", 12), ("rule-of-law", 6), ("gender", 5)),
        label="ODIHR", reference="ODIHR", role="ODIHR Director",
        partners={"observation": "pa"}, countries="any",
    ),
    "hcnm": IssuerSpec(
        ("HCNM", "High Commissioner on National Minorities"), 3,
        (("minorities", 70), ("education", 15), ("conflict", 15)),
        label="OSCE High Commissioner on National Minorities",
        role="OSCE High Commissioner on National Minorities", types=STATEMENT_HEAVY,
        countries="minorities",
    ),
    "rfom": IssuerSpec(
        ("RFoM", "Representative on Freedom of the Media"), 5, (("media", 100),),
        role="OSCE Representative on Freedom of the Media", types=STATEMENT_HEAVY,
        countries="any",
    ),
    "chair": IssuerSpec(
        ("Chairpersonship",), 7,
        (("conflict", 50), ("human-rights", 15), ("arms-control", 10), ("gender", 10),
         ("terrorism", 15)),
        label="OSCE Chairperson-in-Office", role="OSCE Chairperson-in-Office",
        types=STATEMENT_HEAVY, partners={"*": "sg"},
    ),
    "sg": IssuerSpec(
        ("Secretary General",), 3,
        (("conflict", 40), ("gender", 20), ("good-governance", 20), ("youth", 20)),
        role="OSCE Secretary General", types=STATEMENT_HEAVY,
    ),
    "secretariat": IssuerSpec(
        ("Secretariat",), 2,
        (("conflict", 30), ("good-governance", 30), ("gender", 20), ("youth", 20)),
        role="spokesperson of the OSCE Secretariat",
    ),
    "pa": IssuerSpec(
        ("Parliamentary Assembly",), 4,
        (("observation", 40), ("democratization", 30), ("conflict", 30)),
        role="President of the OSCE Parliamentary Assembly", types=STATEMENT_HEAVY,
        countries="any",
    ),
    "spmu": IssuerSpec(("Strategic Police Matters Unit",), 2, (("policing", 100),)),
    "tntd": IssuerSpec(
        ("Transnational Threats Department",), 2,
        (("terrorism", 35), ("cyber", 30), ("border", 25), ("policing", 10)),
    ),
    "cpc": IssuerSpec(
        ("Conflict Prevention Centre",), 2,
        (("conflict", 50), ("arms-control", 25), ("border", 25)),
    ),
    "fsc-support": IssuerSpec(("FSC Support Section",), 1, (("arms-control", 100),)),
    "cthb": IssuerSpec(
        ("Office of the Special Representative and Co-ordinator for Combating Trafficking "
         "in Human Beings",), 2, (("trafficking", 100),),
        label="OSCE Special Representative for Combating Trafficking in Human Beings",
        role="OSCE Special Representative for Combating Trafficking in Human Beings",
    ),
    "oceea": IssuerSpec(
        ("Office of the Co-ordinator of OSCE Economic and Environmental Activities",), 2,
        (("economic", 30), ("environment", 35), ("good-governance", 25), ("migration", 10)),
        label="OSCE Co-ordinator of Economic and Environmental Activities",
        role="OSCE Co-ordinator of Economic and Environmental Activities",
    ),
    "gender": IssuerSpec(("Gender Issues Programme",), 1.5, (("gender", 100),)),
    "youth": IssuerSpec(
        ("Opportunities for Youth",), 0.5, (("youth", 70), ("education", 30))
    ),
    "pc": IssuerSpec(
        ("Permanent Council",), 0.7, (("conflict", 100),),
        role="Chairperson of the OSCE Permanent Council", types=STATEMENT_HEAVY,
        countries="none",
    ),
    "fsc": IssuerSpec(
        ("Forum for Security Co-operation",), 0.7,
        (("arms-control", 70), ("security-sector", 30)),
        role="Chairperson of the OSCE Forum for Security Co-operation", countries="none",
    ),
    "mc": IssuerSpec(
        ("Ministerial Council",), 0.3, (("conflict", 100),),
        role="OSCE Chairperson-in-Office", countries="none",
    ),
    "oio": IssuerSpec(
        ("Office of Internal Oversight",), 0.1, (("good-governance", 100),), countries="none"
    ),
    "prague": IssuerSpec(
        ("Documentation Centre in Prague",), 0.2, (("education", 100),), countries="none"
    ),
    "minsk": IssuerSpec(
        ("Minsk Group",), 0.3, (("conflict", 100),),
        role="a Co-Chair of the OSCE Minsk Group", types=STATEMENT_HEAVY, countries="none",
    ),
}  # fmt: skip


# Names the English texts give a person or an acronym rather than the structure's name.
ISSUER_NAMES = {
    "chair": per_language(
        ("Président en exercice de l'OSCE", MASCULINE),
        ("Amtierender Vorsitzender der OSZE", MASCULINE),
        ("Presidente in esercizio dell'OSCE", MASCULINE),
        ("Действующий председатель ОБСЕ", MASCULINE),
        ("Presidente en Ejercicio de la OSCE", MASCULINE),
    ),
    "odihr": per_language(
        ("BIDDH", MASCULINE), ("BDIMR", NEUTER), ("ODIHR", MASCULINE), ("БДИПЧ", NEUTER),
        ("OIDDH", FEMININE),
    ),
    "cthb": per_language(
        ("Représentant spécial de l'OSCE pour la lutte contre la traite des êtres humains",
         MASCULINE),
        ("OSZE-Sonderbeauftragter für die Bekämpfung des Menschenhandels", MASCULINE),
        ("Rappresentante speciale dell'OSCE per la lotta alla tratta di esseri umani",
         MASCULINE),
        ("Специальный представитель ОБСЕ по борьбе с торговлей людьми", MASCULINE),
        ("Representante Especial de la OSCE para la Lucha contra la Trata de Personas",
         MASCULINE),
    ),
    "oceea": per_language(
        ("Coordonnateur des activités économiques et environnementales de l'OSCE", MASCULINE),
        ("Koordinator für Wirtschafts- und Umweltaktivitäten der OSZE", MASCULINE),
        ("Coordinatore delle attività economiche e ambientali dell'OSCE", MASCULINE),
        ("Координатор экономической и экологической деятельности ОБСЕ", MASCULINE),
        ("Coordinador de las Actividades Económicas y Medioambientales de la OSCE",
         MASCULINE),
    ),
}  # fmt: skip
