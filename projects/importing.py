"""Projects as a kind of the news importer (`news.importing.kinds`; `manage.py
import_projects`): the same reading, names, checks, plan, one transaction, history and
statistics as `import_news`, with a project's own keys.

Implementers are structures by name, acronym or alias, the first leading; donors are named as
a participating State or Partner is (the country's name, ISO code or alias) or by an other
donor's name ("European Union"). The status (planned, ongoing, completed) follows from the
dates and is never imported. A record without a source_url is the project with its title and
start date.
"""

import decimal

from core import languages
from countries.models import CountryStatus
from news.importing.kinds import Kind, Relation, m2m
from news.importing.names import NameTooLong
from news.importing.problems import Invalid, json_type
from news.importing.values import (
    KeySpec,
    choice,
    clean_body,
    clean_date,
    clean_language,
    clean_publish_at,
    clean_status,
    names,
    text,
    translations,
    url,
)
from news.naming import NameIndex, NameLookupError, UnknownName, name_key
from projects.models import (
    Donor,
    DonorKind,
    Funding,
    Project,
    ProjectDonor,
    ProjectImplementer,
)

_BUDGET = Project._meta.get_field("budget")


def clean_budget(value, context):
    """Euros as a number or a string ("250000", 250000.5); at most two decimals, never
    negative."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise Invalid(f"must be a number of euros, not {json_type(value)}")
    try:
        amount = decimal.Decimal(str(value).strip())
    except decimal.InvalidOperation:
        raise Invalid(f'"{value}" is not a number of euros') from None
    if not amount.is_finite() or amount < 0:
        raise Invalid(f'"{value}" is not a budget: give a number of euros, 0 or more')
    whole_digits = _BUDGET.max_digits - _BUDGET.decimal_places
    if amount != amount.quantize(decimal.Decimal("0.01")) or amount >= 10**whole_digits:
        raise Invalid(
            f'"{value}" has more than {_BUDGET.decimal_places} decimals or '
            f"{whole_digits} digits before the point"
        )
    return amount.quantize(decimal.Decimal("0.01"))


_title = text(Project, "title", required=True)
_summary = text(Project, "summary")

KEYS = {
    "title": KeySpec(_title, required=True),
    "start_date": KeySpec(clean_date, required=True),
    "end_date": KeySpec(clean_date, required=True),
    "number": KeySpec(text(Project, "number")),
    "implemented_by": KeySpec(names("structures"), relation=True),
    "donors": KeySpec(names("donors"), relation=True),
    "beneficiary_countries": KeySpec(names("countries"), relation=True),
    "fields_of_work": KeySpec(names("fields_of_work"), relation=True),
    "funding": KeySpec(choice(Funding, "funding")),
    "budget": KeySpec(clean_budget),
    "summary": KeySpec(_summary),
    "description": KeySpec(clean_body),
    "source_url": KeySpec(url(Project)),
    "status": KeySpec(clean_status),
    "publish_at": KeySpec(clean_publish_at),
    "language": KeySpec(clean_language),
    "translations": KeySpec(
        translations({"title": _title, "summary": _summary, "description": clean_body})
    ),
}


def _validate(values, relations):
    if values["end_date"] < values["start_date"]:
        return [("end_date", "is before start_date: a project cannot end before it starts")]
    return []


_COUNTRY_DONORS = {
    CountryStatus.PARTICIPATING_STATE: DonorKind.PARTICIPATING_STATE,
    CountryStatus.ASIAN_PARTNER: DonorKind.PARTNER,
    CountryStatus.MEDITERRANEAN_PARTNER: DonorKind.PARTNER,
}


def _name_columns():
    return [f"name_{code}" for code in languages.codes()]


def donor_names():
    """Every donor under its name (in each language), slug and, for a participating State or
    Partner, every name of its country (name, slug, ISO code, aliases)."""
    index = NameIndex("donor")
    for donor in Donor.objects.select_related("country").prefetch_related("country__aliases"):
        names_of = [donor.name, donor.slug, *(getattr(donor, c) for c in _name_columns())]
        country = donor.country
        if country is not None:
            names_of += [country.name, country.slug, country.iso_code]
            names_of += [alias.name for alias in country.aliases.all()]
        index.add(donor, names_of)
    return index


def _country_donor(country, index):
    """The donor for a participating State or Partner named by a name of the country: one
    already named as the country is (a donor entered without its country), else a new one."""
    same_name = [donor for donor in index.matches(country.name) if donor.country_id is None]
    if len(same_name) == 1:
        return same_name[0]
    names_of = {column: getattr(country, column) for column in ("name", *_name_columns())}
    return Donor(kind=_COUNTRY_DONORS[country.status], country=country, **names_of)


def _other_donor(name, context):
    """With --create-missing, the unsaved other donor an unknown name stands for."""
    if not context.create_missing or not name_key(name):
        return None
    name = " ".join(name.split())
    limit = Donor._meta.get_field("name").max_length
    if len(name) > limit:
        raise NameTooLong(f'"{name[:40]}…" is too long to create (at most {limit} characters)')
    return Donor(name=name, kind=DonorKind.OTHER)


def donor_resolver():
    """Resolves a donor's name; a participating State or Partner that funds no project yet
    has no donor row: the import creates it, named as the country is (as the demo does), once
    however many names of the country the file uses."""
    index = donor_names()
    by_country = {}

    def resolve(name, context):
        try:
            return index.resolve(name)
        except UnknownName as unknown:
            try:
                country = context.names.countries.resolve(name)
            except NameLookupError:
                country = None
            if country is not None and country.pk and country.status in _COUNTRY_DONORS:
                if country.pk not in by_country:
                    by_country[country.pk] = _country_donor(country, index)
                donor = by_country[country.pk]
            else:
                donor = _other_donor(name, context)
            if donor is None:
                raise unknown from None
        index.add(donor, [name, donor.name])
        if donor.pk is None and donor not in context.missing["donors"]:
            context.missing["donors"].append(donor)
        return donor

    return resolve


def project_kind():
    return Kind(
        model=Project,
        keys=KEYS,
        translated_keys=("title", "summary", "description"),
        date_key="start_date",
        relations=(
            Relation(
                "implemented_by", ProjectImplementer, "project", "structure", "implementers", True
            ),
            Relation("donors", ProjectDonor, "project", "donor", "donor_links", True),
            m2m(Project, "countries", key="beneficiary_countries"),
            m2m(Project, "fields_of_work"),
        ),
        slug_fallback="project",
        noun="project records",
        validate=_validate,
        unique=(("number", "number", str.strip),),
        load_indexes=lambda: {"donors": donor_resolver()},
        created=("donors",),
        created_label="fields of work, countries, structures and donors",
    )
