"""Checking one value of a record: each key's cleaner, and `KEYS`, the table of them."""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone

from core.publishing import Status
from core.richtext import check_html_limits, sanitize_html, text_to_html
from core.text import strip_control_characters
from news.importing.names import NameTooLong
from news.importing.problems import Invalid, json_type
from news.models import NewsItem, NewsType
from news.naming import AmbiguousName, UnknownName, name_key

IMPORT_STATUSES = {"published": Status.PUBLISHED, "draft": Status.DRAFT}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_URL_VALIDATOR = URLValidator(schemes=["http", "https"])
_TYPE_NAMES = {
    **{name_key(value): value for value in NewsType.values},
    **{name_key(str(label)): value for value, label in NewsType.choices},
    name_key("News item"): NewsType.NEWS,  # what the organisation's own pages call a news item
}


def _text(value, *, max_length=None, required=False):
    if not isinstance(value, str):
        raise Invalid(f"must be a string, not {json_type(value)}")
    value = strip_control_characters(value).strip()
    if required and not value:
        raise Invalid("must not be empty")
    if max_length and len(value) > max_length:
        raise Invalid(f"is too long ({len(value)} characters; at most {max_length})")
    return value


def clean_title(value, context):
    return _text(value, max_length=NewsItem._meta.get_field("title").max_length, required=True)


def clean_teaser(value, context):
    return _text(value, max_length=NewsItem._meta.get_field("teaser").max_length)


def clean_body(value, context):
    """Plain text becomes paragraphs; then the admin's limits and sanitiser apply."""
    value = _text(value)
    try:
        check_html_limits(value)
    except ValidationError as error:
        raise Invalid(*error.messages) from None
    return sanitize_html(text_to_html(value))


def text(model, name, *, required=False):
    """A cleaner for the plain text column `name` of `model`, within its length."""
    max_length = model._meta.get_field(name).max_length

    def clean(value, context):
        return _text(value, max_length=max_length, required=required)

    return clean


def clean_date(value, context):
    value = _text(value, required=True)
    try:
        if not _ISO_DATE.match(value):
            raise ValueError
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise Invalid(f'"{value}" is not a date in ISO format (YYYY-MM-DD)') from None


clean_issued_on = clean_date


def clean_publish_at(value, context):
    """An ISO 8601 moment; one without a time zone is in the site's."""
    value = _text(value, required=True)
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise Invalid(
            f'"{value}" is not a moment in ISO format (YYYY-MM-DDTHH:MM, optionally with +01:00)'
        ) from None
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def choice(choices, what):
    """A cleaner for one of `choices` (a TextChoices), given by value or English label."""
    known = {
        **{name_key(value): value for value in choices.values},
        **{name_key(str(label)): value for value, label in choices.choices},
    }

    def clean(value, context):
        value = _text(value, required=True)
        try:
            return known[name_key(value)]
        except KeyError:
            listed = ", ".join(f'"{label}"' for label in choices.labels)
            raise Invalid(f'unknown {what} "{value}" (known: {listed})') from None

    return clean


def clean_type(value, context):
    value = _text(value, required=True)
    try:
        return _TYPE_NAMES[name_key(value)]
    except KeyError:
        known = ", ".join(f'"{label}"' for label in NewsType.labels)
        raise Invalid(f'unknown type "{value}" (known types: {known})') from None


def clean_status(value, context):
    value = _text(value, required=True)
    try:
        return IMPORT_STATUSES[value.lower()]
    except KeyError:
        raise Invalid(f'"{value}" is not a status: use "published" or "draft"') from None


def url(model, name="source_url"):
    """A cleaner for an http(s) address in the column `name` of `model`."""
    max_length = model._meta.get_field(name).max_length

    def clean(value, context):
        value = _text(value, max_length=max_length)
        if value:
            try:
                _URL_VALIDATOR(value)
            except ValidationError:
                raise Invalid(f'"{value}" is not a valid http(s) URL') from None
        return value

    return clean


clean_source_url = url(NewsItem)


def names(kind):
    """A cleaner for a list of names of one taxonomy kind; resolves them to records."""

    def clean(value, context):
        if not isinstance(value, list):
            raise Invalid(f"must be a list of names, not {json_type(value)}")
        records, messages, unknown = [], [], False
        for position, name in enumerate(value, start=1):
            if not isinstance(name, str) or not strip_control_characters(name).strip():
                messages.append(f"item {position} must be a non-empty name")
                continue
            try:
                record = context.resolve(kind, strip_control_characters(name).strip())
            except (UnknownName, AmbiguousName, NameTooLong) as error:
                messages.append(str(error))
                unknown = unknown or (isinstance(error, UnknownName) and context.creates(kind))
                continue
            if record not in records:
                records.append(record)
        if messages:
            raise Invalid(*messages, unknown_names=unknown)
        return records

    return clean


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def clean_language(value, context):
    value = _text(value, required=True).lower()
    if value not in language_codes():
        known = ", ".join(f'"{code}"' for code in language_codes())
        raise Invalid(f'"{value}" is not a language of the site (known: {known})')
    return value


def translations(cleaners):
    """A cleaner for {language: {key: value}} whose keys are `cleaners`' (title first); each
    translation needs its own title."""

    def clean(value, context):
        return _clean_translations(value, context, cleaners)

    return clean


def _clean_translations(value, context, cleaners):
    if not isinstance(value, dict):
        raise Invalid(f"must be an object keyed by language, not {json_type(value)}")
    result, messages = {}, []
    for language, texts in value.items():
        if language not in language_codes():
            known = ", ".join(f'"{code}"' for code in language_codes())
            messages.append(f'"{language}" is not a language of the site (known: {known})')
            continue
        if not isinstance(texts, dict):
            messages.append(f"{language}: must be an object, not {json_type(texts)}")
            continue
        cleaned = {}
        for key in texts:
            if key not in cleaners:
                allowed = ", ".join(cleaners)
                messages.append(f"{language}.{key}: unknown key (allowed: {allowed})")
        if "title" not in texts:
            messages.append(f"{language}.title: is required")
        for key, clean in cleaners.items():
            if key in texts and (texts[key] is not None or key == "title"):
                try:
                    cleaned[key] = clean(texts[key], context)
                except Invalid as error:
                    messages += [f"{language}.{key}: {message}" for message in error.messages]
        result[language] = cleaned
    if messages:
        raise Invalid(*messages)
    return result


clean_translations = translations(
    {"title": clean_title, "teaser": clean_teaser, "body": clean_body}
)


@dataclass(frozen=True)
class KeySpec:
    clean: Callable
    required: bool = False
    # Taxonomy lists are written as relations, not columns.
    relation: bool = False


KEYS = {
    "title": KeySpec(clean_title, required=True),
    "issued_on": KeySpec(clean_issued_on, required=True),
    "issued_by": KeySpec(names("structures"), relation=True),
    "fields_of_work": KeySpec(names("fields_of_work"), relation=True),
    "countries": KeySpec(names("countries"), relation=True),
    "type": KeySpec(clean_type),
    "teaser": KeySpec(clean_teaser),
    "body": KeySpec(clean_body),
    "source_url": KeySpec(clean_source_url),
    "status": KeySpec(clean_status),
    "publish_at": KeySpec(clean_publish_at),
    "language": KeySpec(clean_language),
    "translations": KeySpec(clean_translations),
}
