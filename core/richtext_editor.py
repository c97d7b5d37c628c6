"""The rich-text editor of the admin: django-prose-editor (Tiptap/ProseMirror), configured so
that it can only produce what `core.richtext.sanitize_html` keeps.

The sanitiser stays the record: the editor is a convenience in one browser, while a hand-made
POST, the importer and the shell all reach `sanitize_html` too. The extension list below is
the editor's half of the contract; `tests/core/test_richtext_editor.py` checks that every tag
and attribute it may produce is on the sanitiser's allow-list, so nothing an editor makes is
stripped silently on save.
"""

from django.urls import NoReverseMatch, reverse
from django_prose_editor.widgets import AdminProseEditorWidget
from js_asset import Media

EDITOR_EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "HardBreak": True,
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    # Editing the HTML itself, as the old editor allowed; what is typed is parsed into the
    # same schema, so it cannot add what the buttons cannot.
    "HTML": True,
    # Ours (static/admin_richtext/extensions.js, declared in settings).
    "InternalLink": True,
    "CleanPaste": True,
}


class RichTextWidget(AdminProseEditorWidget):
    """A textarea that the editor replaces; without JavaScript it stays a working textarea
    of HTML. The chooser's address travels in the editor's configuration."""

    def __init__(self, attrs=None):
        super().__init__(
            attrs={"rows": 20, "class": "richtext-source", **(attrs or {})},
            config={"extensions": EDITOR_EXTENSIONS},
            preset="configurable",
        )

    @property
    def media(self):
        return super().media + Media(css={"all": ["admin_richtext/editor.css"]})

    def get_config(self):
        config = super().get_config()
        try:
            chooser = reverse("admin:link_chooser")
        except NoReverseMatch:  # a form rendered outside a site that has the chooser
            chooser = ""
        config["extensions"] = {
            **config["extensions"],
            "InternalLink": {"chooserUrl": chooser},
        }
        return config
