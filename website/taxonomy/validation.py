"""Checking the data files before anything is written: every problem at once."""

from countries.models import CountryStatus
from structures.models import StructureKind
from website.taxonomy.files import (
    ALLOWED_KEYS,
    CONTACT_KEYS,
    DATA_FILES,
    TRANSLATED_KEYS,
    TaxonomyDataError,
    flatten_structures,
    parse_date,
)
from website.taxonomy.names import other_languages


def validate(data):
    """Every problem in the data files at once, so a maintainer fixes them in one pass."""
    problems = _shape_problems(data)
    if problems:
        raise TaxonomyDataError(problems)

    def check_keys(name, entries, required):
        seen = {}
        for index, entry in enumerate(entries):
            where = f"{name}[{index}]"
            for unknown in sorted(set(entry) - ALLOWED_KEYS[name]):
                problems.append(f"{where}: unknown key {unknown!r}.")
            for language, texts in (entry.get("translations") or {}).items():
                if language not in other_languages():
                    problems.append(f"{where}: translations: unknown language {language!r}.")
                for unknown in sorted(set(texts) - TRANSLATED_KEYS.get(name, set())):
                    problems.append(
                        f"{where}: translations.{language}: {unknown!r} is not translated."
                    )
            for key in required:
                if entry.get(key) in (None, ""):
                    problems.append(f"{where}: '{key}' is required.")
            key = entry.get("key")
            if key in seen:
                problems.append(f"{where}: key {key!r} is also used by {name}[{seen[key]}].")
            seen.setdefault(key, index)
        for unique in ("slug", "name", "year", "iso_code"):
            values = {}
            for index, entry in enumerate(entries):
                value = entry.get(unique)
                if value in (None, ""):
                    continue
                folded = str(value).casefold()
                if folded in values:
                    problems.append(
                        f"{name}[{index}]: {unique} {value!r} is also used by "
                        f"{name}[{values[folded]}]."
                    )
                values.setdefault(folded, index)

    def check_aliases(name, entries):
        owners = {str(entry.get("name", "")).casefold(): entry.get("key") for entry in entries}
        for entry in entries:
            for alias in entry.get("aliases", []):
                folded = alias.casefold()
                if owners.setdefault(folded, entry.get("key")) != entry.get("key"):
                    problems.append(
                        f"{name} {entry.get('key')!r}: alias {alias!r} is already the name or "
                        f"an alias of {owners[folded]!r}."
                    )

    countries = data["countries"]
    check_keys("countries", countries, ("key", "name", "slug", "status"))
    check_aliases("countries", countries)
    country_keys = set()
    for index, entry in enumerate(countries):
        iso = entry.get("iso_code")
        if iso is not None and not (len(iso) == 2 and iso.isascii() and iso.isupper()):
            problems.append(f"countries[{index}]: iso_code {iso!r} must be two capital letters.")
        if entry.get("status") not in CountryStatus.values:
            problems.append(f"countries[{index}]: unknown status {entry.get('status')!r}.")
        country_keys.update(k for k in (entry.get("key"), iso) if k)
        problems.extend(_date_problems(f"countries[{index}]", entry, ("joined_on",)))

    chairs = data["chairpersonships"]
    check_keys("chairpersonships", chairs, ("key", "year", "country"))
    for index, entry in enumerate(chairs):
        if entry.get("country") and entry["country"] not in country_keys:
            problems.append(
                f"chairpersonships[{index}]: unknown country {entry['country']!r} "
                "(use a country's key or ISO code)."
            )

    structures = [entry for entry, _parent, _position in flatten_structures(data["structures"])]
    check_keys("structures", structures, ("key", "name", "slug", "kind"))
    check_aliases("structures", structures)
    for entry in structures:
        where = f"structures {entry.get('key')!r}"
        if entry.get("kind") not in StructureKind.values:
            problems.append(f"{where}: unknown kind {entry.get('kind')!r}.")
        host = entry.get("host_country")
        if host and host not in country_keys:
            problems.append(f"{where}: unknown host country {host!r}.")
        problems.extend(_date_problems(where, entry, ("established_on", "closed_on")))

    for name in ("fields_of_work", "meeting_types"):
        check_keys(name, data[name], ("key", "name", "slug"))

    if problems:
        raise TaxonomyDataError(problems)


def _shape_problems(data):
    """Lists of objects holding text, so the detailed checks can rely on the types."""
    problems = []

    def check_values(where, entry):
        for key, value in entry.items():
            if key == "aliases":
                if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
                    problems.append(f"{where}: aliases must be a list of names.")
            elif key == "translations":
                if not isinstance(value, dict) or not all(
                    isinstance(texts, dict) and all(isinstance(t, str) for t in texts.values())
                    for texts in value.values()
                ):
                    problems.append(f"{where}: translations must map languages to texts.")
            elif key == "contacts":
                if not isinstance(value, dict) or not all(
                    name in CONTACT_KEYS and isinstance(text, str) for name, text in value.items()
                ):
                    problems.append(
                        f"{where}: contacts must map {', '.join(sorted(CONTACT_KEYS))} to texts."
                    )
            elif key == "year":
                if not isinstance(value, int) or isinstance(value, bool):
                    problems.append(f"{where}: year must be a whole number.")
            elif key != "children" and value is not None and not isinstance(value, str):
                problems.append(f"{where}: {key} must be text.")

    def check_list(where, entries):
        if not isinstance(entries, list):
            problems.append(f"{where}: must be a list of objects.")
            return
        for index, entry in enumerate(entries):
            if not isinstance(entry, dict):
                problems.append(f"{where}[{index}]: must be an object.")
                continue
            check_values(f"{where}[{index}]", entry)
            if where.startswith("structures") and "children" in entry:
                check_list(f"{where}[{index}].children", entry["children"])

    for name in DATA_FILES:
        if name not in data:
            problems.append(f"{name}: missing.")
        else:
            check_list(name, data[name])
    return problems


def _date_problems(where, entry, keys):
    problems = []
    for key in keys:
        try:
            parse_date(entry.get(key))
        except (TypeError, ValueError):
            problems.append(f"{where}: {key} {entry.get(key)!r} is not an ISO date (YYYY-MM-DD).")
    return problems
