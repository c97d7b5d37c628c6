"""Two revisions of one object, field by field, as the history's compare page and the stale-save
refusal show them."""

import difflib
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.db import models
from django.utils import formats
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst
from modeltranslation.translator import translator

from core.richtext import RichTextField, sanitize_html
from news.admin.revisions import registration
from news.admin.states import format_moment

# Derived or bookkeeping columns: they change with the fields an editor edits, or by themselves.
NOT_COMPARED = {"id", "created_at", "updated_at", "body_text", "description_text"}
NOT_COMPARED_TYPES = (models.JSONField,)
SUMMARY_LENGTH = 80
# Words and the spaces or line breaks between them, diffed alike so both are kept.
TOKEN = re.compile(r"\s+|\S+")
# In a comparison of rich text: the attributes shown with their tag (`rel` is always the
# sanitiser's own), and the tags that end a line.
SHOWN_ATTRIBUTES = {"href", "title", "scope", "colspan", "rowspan"}
LINE_TAGS = {
    "p", "h2", "h3", "h4", "li", "ul", "ol", "blockquote", "tr", "caption", "br", "hr",
}  # fmt: skip


@dataclass
class FieldChange:
    label: str
    before: str
    after: str

    @property
    def before_html(self):
        return _marked_diff(self.before, self.after, keep="before")

    @property
    def after_html(self):
        return _marked_diff(self.before, self.after, keep="after")

    @property
    def summary(self):
        return format_html(
            "{}: “{}” → “{}”",
            self.label,
            Truncator(self.before or "—").chars(SUMMARY_LENGTH),
            Truncator(self.after or "—").chars(SUMMARY_LENGTH),
        )


def _marked_diff(before, after, keep):
    """The words of one side, with what the other side lacks marked `<del>` or `<ins>`. Line
    breaks are kept: rich text is compared as one line per block (`markup_outline`)."""
    old, new = TOKEN.findall(before), TOKEN.findall(after)
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if keep == "before":
            words, changed, mark = "".join(old[i1:i2]), tag in ("replace", "delete"), "del"
        else:
            words, changed, mark = "".join(new[j1:j2]), tag in ("replace", "insert"), "ins"
        if changed and words.strip():
            parts.append(format_html("<{}>{}</{}>", mark, words, mark))
        else:
            parts.append(format_html("{}", words))
    return mark_safe("".join(parts)) if any(parts) else "—"


class _Outline(HTMLParser):
    """Writes sanitised HTML back as readable lines: each block on a line of its own, each tag
    shown with the attributes that matter (`<a href="…">`), text with its spaces collapsed."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        shown = "".join(f' {name}="{value}"' for name, value in attrs if name in SHOWN_ATTRIBUTES)
        self.parts.append(f" <{tag}{shown}> ")
        if tag in LINE_TAGS and tag in ("br", "hr"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        self.parts.append(f" </{tag}> ")
        if tag in LINE_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)

    def text(self):
        lines = "".join(self.parts).split("\n")
        return "\n".join(" ".join(line.split()) for line in lines if line.strip())


def markup_outline(value):
    """Rich text as compared: its structure and every link, not only its words, so that a
    heading turned into a paragraph or a link pointed elsewhere shows as a change."""
    outline = _Outline()
    outline.feed(sanitize_html(value))
    outline.close()
    return outline.text()


def _compared_fields(model):
    # A translated field's own column holds whichever language was saved last
    # (django-modeltranslation); its per-language columns (title_en, ...) are compared.
    translated = set(translator.get_options_for_model(model).all_fields)
    for field in model._meta.get_fields():
        if field.name in NOT_COMPARED or isinstance(field, NOT_COMPARED_TYPES):
            continue
        if field.name in translated or field.name.rsplit("_", 1)[0] in NOT_COMPARED:
            continue
        if isinstance(field, models.ManyToManyField):
            # One with its own rows (issuers) is compared as a followed relation.
            if field.remote_field.through._meta.auto_created:
                yield field
        elif field.concrete and field.editable:
            yield field


def _display(field, value, related_names):
    if value in (None, "", []):
        return ""
    if field.many_to_many:
        return ", ".join(related_names[field.name].get(pk, f"#{pk}") for pk in value)
    if field.is_relation:
        return related_names[field.name].get(value, f"#{value}")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, RichTextField):
        return markup_outline(value)
    if isinstance(field, models.DateTimeField):
        return format_moment(value)
    if isinstance(field, models.DateField):
        return formats.date_format(value, "DATE_FORMAT")
    return str(value)


def _related_names(model, field_dicts):
    """`{field name: {pk: str(object)}}` for every relation any of the versions points to:
    one query per relation field, whatever the number of values."""
    names = {}
    for field in _compared_fields(model):
        if not field.is_relation:
            continue
        pks = set()
        for data in field_dicts:
            value = data.get(field.attname)
            if field.many_to_many:
                pks.update(value or [])
            elif value is not None:
                pks.add(value)
        related = field.related_model._default_manager.in_bulk(pks) if pks else {}
        names[field.name] = {pk: str(obj) for pk, obj in related.items()}
    return names


def _row_fields(model, name):
    """The fields a row of `model`'s followed relation `name` is shown by: all it holds but
    its id, its item and its order (the order is the list's)."""
    relation = model._meta.get_field(name)
    row_model = relation.related_model
    return [
        field
        for field in row_model._meta.concrete_fields
        if field.editable
        and not field.primary_key
        and field.name != "position"
        and field is not relation.remote_field
    ]


def ordered_rows(row_model, rows):
    """`rows` (field values by attname) in the row model's own order (`position`, or the
    language of a document's files); rows that tie keep the order they came in."""
    attnames = [
        row_model._meta.get_field(name.lstrip("-")).attname for name in row_model._meta.ordering
    ]

    def key(entry):
        index, row = entry
        values = [row.get(attname) for attname in attnames]
        # A missing value sorts last; two values of one field are of one type.
        return (*((value is None, "" if value is None else value) for value in values), index)

    return [row for _index, row in sorted(enumerate(rows), key=key)]


def _followed_rows(version):
    """What a revision held besides the item: its rows (a news item's or a document's issuers,
    a project's implementers and donors, a document's files), each relation in its order."""
    rows = version.revision.version_set.exclude(pk=version.pk).select_related("content_type")
    followed = {}
    for name in registration.FOLLOWS.get(version._model, []):
        row_model = version._model._meta.get_field(name).related_model
        held = [row.field_dict for row in rows if row.content_type.model_class() is row_model]
        followed[name] = ordered_rows(row_model, held)
    return followed


def _file_name(value):
    return getattr(value, "name", value) or ""


def _shown_rows(model, followed_states):
    """{relation name: [one line per row, in order]} for each state, with every related
    object named by one query per row field."""
    names = {}
    for followed in followed_states:
        for name, rows in followed.items():
            for field in _row_fields(model, name):
                if field.is_relation:
                    wanted = names.setdefault((name, field.name), set())
                    wanted.update(row.get(field.attname) for row in rows)
    for (name, field_name), pks in names.items():
        field = model._meta.get_field(name).related_model._meta.get_field(field_name)
        related = field.related_model._default_manager.in_bulk(pks - {None})
        names[(name, field_name)] = {pk: str(obj) for pk, obj in related.items()}
    shown = []
    for followed in followed_states:
        lines = {}
        for name, rows in followed.items():
            fields = _row_fields(model, name)
            lines[name] = [
                " · ".join(_row_value(name, field, row, names) for field in fields) for row in rows
            ]
        shown.append(lines)
    return shown


def _row_value(name, field, row, names):
    value = row.get(field.attname)
    if field.is_relation:
        return names[(name, field.name)].get(value, f"#{value}")
    if isinstance(field, models.FileField):
        return _file_name(value)
    return str(value if value is not None else "")


def compare_versions(before, after):
    """The fields that differ between two versions of one object, in form order."""
    return compare_states(
        before._model,
        (before.field_dict, _followed_rows(before)),
        (after.field_dict, _followed_rows(after)),
    )


def compare_states(model, before, after):
    """The fields that differ between two states of one object, each given as its field
        values by attname and its followed rows (`{relation name: [row values by attname]}`, in
    order, for the relations its model's revisions follow: news.admin.revisions.registration):
        two revisions, or the live row and its working draft (news.admin.working_drafts)."""
    dicts = [before[0], after[0]]
    related = _related_names(model, dicts)
    changes = []
    for field in _compared_fields(model):
        old = _display(field, dicts[0].get(field.attname), related)
        new = _display(field, dicts[1].get(field.attname), related)
        if old != new:
            changes.append(FieldChange(str(capfirst(field.verbose_name)), old, new))
    old_rows, new_rows = _shown_rows(model, [before[1], after[1]])
    for name in registration.FOLLOWS.get(model, []):
        old, new = old_rows.get(name), new_rows.get(name)
        if old is None or new is None or old == new:
            continue  # a state that does not know these rows says nothing of them
        label = model._meta.get_field(name).related_model._meta.verbose_name_plural
        changes.append(FieldChange(str(capfirst(label)), ", ".join(old), ", ".join(new)))
    return changes
