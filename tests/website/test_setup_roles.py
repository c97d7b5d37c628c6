"""`setup_roles` says what it changed; with --keep-added (./run serve) it never takes away
a permission an administrator gave a role."""

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from website.roles import EDITOR_PERMISSIONS

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("setup_roles", *args, stdout=out)
    return out.getvalue()


def names(group):
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name=group).permissions.select_related("content_type")
    }


def test_first_run_creates_then_reports_nothing_to_do():
    assert "Roles: Editor created (59 permissions)." in run()
    assert run() == "Roles: Editor unchanged.\nRoles: Publisher unchanged.\n"


def test_an_added_permission_is_kept_with_keep_added_and_removed_without():
    run()
    editor = Group.objects.get(name="Editor")
    editor.permissions.add(Permission.objects.get(codename="publish_newsitem"))
    editor.permissions.remove(Permission.objects.get(codename="view_country"))

    output = run("--keep-added")
    assert "Roles: Editor: added countries.view_country." in output
    assert "Roles: Editor: kept news.publish_newsitem (added by an administrator)." in output
    assert names("Editor") == {*EDITOR_PERMISSIONS, "news.publish_newsitem"}

    assert "Roles: Editor: removed news.publish_newsitem." in run()
    assert names("Editor") == set(EDITOR_PERMISSIONS)


def test_the_serve_command_keeps_what_an_administrator_added():
    run_script = (Path(__file__).parents[2] / "run").read_text()
    assert "manage.py setup_roles --keep-added" in run_script
