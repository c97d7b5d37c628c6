"""Every input of the admin's forms has a name a screen reader can read (the browser sweep,
tests/browser/test_accessibility.py, checks the pages whole with axe)."""

from django.urls import reverse

from tests.factories import NewsItemFactory, StructureFactory


def test_inline_inputs_image_input_and_the_repairs_script(client, publisher):
    item = NewsItemFactory(issued_by=[StructureFactory()])
    client.force_login(publisher)
    html = client.get(reverse("admin:news_newsitem_change", args=[item.pk])).content.decode()
    assert 'aria-label="Order, row 1"' in html
    assert 'aria-label="Delete, row 1"' in html
    assert '<label for="id_image"' in html
    assert "admin_osce/admin.js" in html
    # One language switch for the form, built by its script; the editor from its own files.
    assert "admin_osce/language_switch.js" in html
    assert "modeltranslation/js/tabbed_translation_fields.js" not in html
    assert "data-django-prose-editor-configurable" in html
