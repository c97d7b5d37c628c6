"""The API documentation page's content, read from the OpenAPI schema drf-spectacular
generates (`/api/v1/schema/`), so the page and the schema cannot disagree: every endpoint with
its parameters and response, and every object with its fields.

What the schema cannot hold is added from the site itself: the values a listing's filter
parameters accept right now (the listing's own options, named in the reader's language, the
same ones its filter panel offers) and a curl example for each endpoint.

Why a page of our own rather than Swagger UI or Redoc: Swagger UI's operation summaries are
buttons holding focusable elements (axe's nested-interactive), and both need JavaScript to
show anything; this is the site's layout, in its languages, readable without scripts.
"""

from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.db import router
from django.urls import Resolver404, resolve
from django.utils.translation import override
from drf_spectacular.generators import SchemaGenerator

from core import languages

REF_PREFIX = "#/components/schemas/"
# Facets with more options than this show their values folded.
SHORT_LIST = 8


@cache
def schema():
    """The OpenAPI document (generated once per process: it depends on the code only; its
    texts are English, as the schema served at /api/v1/schema/ is)."""
    with override("en"):
        return SchemaGenerator(urlconf="api.urls").get_schema(request=None, public=True)


@dataclass
class TypeText:
    text: str  # "string", "array of", "integer", "date"...
    ref: str = ""  # a component's name, linked


@dataclass
class Parameter:
    name: str
    type: TypeText
    description: str
    repeatable: bool = False
    values: list = field(default_factory=list)  # (value, label, depth)


@dataclass
class Endpoint:
    method: str
    path: str
    anchor: str
    summary: str
    parameters: list
    response: TypeText
    example: str


@dataclass
class Field:
    name: str
    type: TypeText
    description: str
    nullable: bool = False


@dataclass
class Component:
    name: str
    anchor: str
    fields: list


def component_anchor(name):
    return f"object-{name.lower()}"


def type_text(spec):
    """A schema's type in a few words, with the component it refers to."""
    if "$ref" in spec:
        return TypeText("", spec["$ref"].removeprefix(REF_PREFIX))
    if "allOf" in spec and len(spec["allOf"]) == 1:
        return type_text(spec["allOf"][0])
    kind = spec.get("type", "")
    if kind == "array":
        inner = type_text(spec.get("items", {}))
        return TypeText(f"array of {inner.text}".strip(), inner.ref)
    if kind == "object" and "additionalProperties" in spec:
        inner = type_text(spec["additionalProperties"])
        return TypeText(f"object of {inner.text}".strip(), inner.ref)
    return TypeText(spec.get("format") or kind or "any")


def listing_filter(path):
    """The FilterSet behind a list endpoint, if it is a listing's (api.views.listings)."""
    if "{" in path:
        return None
    try:
        # The schema's paths are the default language's, which has no prefix.
        with override(settings.LANGUAGE_CODE):
            match = resolve(path)
    except Resolver404:
        return None
    view_class = getattr(match.func, "view_class", None)
    return getattr(view_class, "filter_class", None)


def allowed_values(filterset_class, name, language):
    """A facet's options as its listing offers them now, in `language`."""
    definition = filterset_class.listing
    if name not in definition.facet_names:
        return []
    taxonomy = definition.options(router.db_for_read(definition.model), language)
    return [(option.value, str(option.label), option.depth) for option in taxonomy.options[name]]


def response_type(operation):
    content = operation.get("responses", {}).get("200", {}).get("content", {})
    spec = content.get("application/json", {}).get("schema", {})
    return type_text(spec)


def example(path, parameters):
    """A curl command that works against the site."""
    url = settings.SITE_URL + path.replace("{slug}", "SLUG")
    for parameter in parameters:
        if parameter.values:
            url += f"?{parameter.name}={parameter.values[0][0]}"
            break
    return f"curl -s '{url}'"


def endpoints(language):
    document = schema()
    found = []
    for path, operations in document["paths"].items():
        method, operation = next(iter(operations.items()))
        filterset_class = listing_filter(path)
        parameters = []
        for spec in operation.get("parameters", []):
            if spec.get("in") != "query":
                continue
            kind = spec.get("schema", {})
            values = []
            if filterset_class is not None:
                values = allowed_values(filterset_class, spec["name"], language)
            enum = kind.get("enum") or kind.get("items", {}).get("enum")
            if enum and not values:
                values = [(value, "", 0) for value in enum]
            parameters.append(
                Parameter(
                    spec["name"],
                    type_text(kind),
                    spec.get("description", ""),
                    repeatable=kind.get("type") == "array",
                    values=values,
                )
            )
        anchor = "endpoint-" + operation.get("operationId", path).replace("_", "-")
        found.append(
            Endpoint(
                method.upper(),
                path,
                anchor,
                operation.get("summary", ""),
                parameters,
                response_type(operation),
                example(path, parameters),
            )
        )
    return found


def components():
    found = []
    for name, spec in schema()["components"]["schemas"].items():
        fields = [
            Field(
                field_name,
                type_text(field_spec),
                field_spec.get("description", ""),
                nullable=bool(field_spec.get("nullable")),
            )
            for field_name, field_spec in spec.get("properties", {}).items()
        ]
        found.append(Component(name, component_anchor(name), fields))
    return found


def page_context():
    language = languages.active()
    return {
        "endpoints": endpoints(language),
        "components": components(),
        "short_list": SHORT_LIST,
        "site_url": settings.SITE_URL,
    }
