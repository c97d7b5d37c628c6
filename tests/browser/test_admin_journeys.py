"""Editors' and publishers' journeys in the admin: an item written only in Russian, and the
restore of an old revision of a live item."""

import re

from .conftest import MESSAGES, snap
from .test_editor_journey import give_publish_reason, log_in, pick

RUSSIAN_TITLE = "Выборы в Сербии: наблюдатели представили доклад"
RUSSIAN_SLUG = "elections-in-serbia-observers-report"


def test_a_russian_only_item_is_written_by_an_editor_and_published_by_a_publisher(new_page, site):
    editor = new_page()
    log_in(editor, "editor")
    editor.goto("/admin/news/newsitem/add/")
    # English is ticked by default: the item is not in English.
    editor.locator("#id_in_language_en").uncheck()
    editor.get_by_role("group", name="Language of the translated fields").get_by_role(
        "radio", name="Russian"
    ).check()
    editor.locator("#id_in_language_ru").check()
    editor.locator("#id_title_ru").fill(RUSSIAN_TITLE)
    editor.get_by_label("Slug").fill(RUSSIAN_SLUG)
    editor.locator("#id_teaser_ru").fill("Наблюдатели представили итоговый доклад.")
    editor.locator(".prose-editor:has(#id_body_ru) .tiptap").click()
    editor.keyboard.type("Доклад содержит рекомендации.")
    pick(editor, "id_issuers-0-structure", "Serbia", site.data["structure_name"])
    editor.get_by_role("button", name="Save and continue editing").click()
    editor.wait_for_url(re.compile(r"/admin/news/newsitem/\d+/change/"))
    assert "was added successfully" in editor.locator(MESSAGES).inner_text()
    # Named in the English admin by its Russian title, marked with its language.
    assert f"{RUSSIAN_TITLE} [ru]" in editor.locator("#content h2").first.inner_text()
    snap(editor, "admin-01-russian-only-draft")

    publisher = new_page()
    log_in(publisher, "publisher")
    publisher.goto(f"/admin/news/newsitem/?q={RUSSIAN_SLUG}")
    row = publisher.locator("#result_list tbody tr", has_text=f"{RUSSIAN_TITLE} [ru]")
    row.locator("input.action-select").check()
    publisher.locator("select[name=action]").select_option("publish_selected")
    publisher.locator(".actions button[name=index]").first.click()
    give_publish_reason(publisher)
    assert "published" in publisher.locator(MESSAGES).inner_text().lower()

    visitor = new_page()
    assert visitor.goto(f"/ru/news/{RUSSIAN_SLUG}/").status == 200
    assert visitor.locator("h1").inner_text() == RUSSIAN_TITLE
    visitor.goto("/ru/news/")
    assert visitor.get_by_role("link", name=RUSSIAN_TITLE).count() == 1
    visitor.goto("/news/")
    assert visitor.get_by_role("link", name=RUSSIAN_TITLE).count() == 0
    snap(visitor, "admin-02-russian-only-public")


def test_a_publisher_restores_an_old_revision_of_a_live_item_warned_of_what_changes(new_page, site):
    slug = site.data["restore_item_slug"]
    publisher = new_page()
    log_in(publisher, "publisher")
    publisher.goto(f"/admin/news/newsitem/{site.data['restore_item_id']}/history/")
    # The oldest revision: an English-only draft.
    publisher.locator("#revision-history tbody tr").last.get_by_role("link").click()
    plan = publisher.locator("#restore-plan")
    assert "What this restore changes" in plan.inner_text()
    status = plan.locator("tr.restore-status").inner_text()
    assert "Live since" in status and "Draft" in status
    assert "Kept as it is now, unless you tick the box below." in status
    russian = plan.locator('tr[data-language="ru"]').inner_text()
    assert "Kept as it is now: this revision has no text in this language." in russian
    assert "This takes the item off the public site." in plan.inner_text()
    for choice in ("Also restore this revision's status", "Also drop the text in Russian"):
        assert not publisher.get_by_label(re.compile(choice)).is_checked()
    snap(publisher, "admin-03-restore-warning", full_page=True)

    publisher.get_by_role("button", name="Save", exact=True).first.click()
    publisher.wait_for_url("**/admin/news/newsitem/")
    assert "was changed successfully" in publisher.locator(MESSAGES).inner_text()

    visitor = new_page()
    assert visitor.goto(f"/news/{slug}/").status == 200
    assert visitor.locator(".news-item__teaser, .lede").first.inner_text() == "A first teaser."
    assert visitor.goto(f"/ru/news/{slug}/").status == 200
    assert visitor.locator("h1").inner_text() == "Пограничники изучили анализ рисков"
