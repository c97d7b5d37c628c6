"""A refused page says why, in the layout of where it was refused: the admin's or the site's."""

from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import resolve, reverse
from django.utils import translation
from django.views.defaults import permission_denied


def test_the_admin_answers_403_in_its_own_layout(client, editor):
    client.force_login(editor)
    response = client.get(reverse("admin:auth_user_changelist"))
    assert response.status_code == 403
    html = response.content.decode()
    assert 'id="header"' in html  # the admin's layout
    assert "<h1>Access denied</h1>" in html
    assert "editors write drafts, publishers publish" in html
    assert f'href="{reverse("admin:index")}"' in html


def test_the_site_answers_403_in_its_layout_and_language(db):
    with translation.override("ru"):
        request = RequestFactory().get("/ru/news/")
        request.resolver_match = resolve("/ru/news/")
        response = permission_denied(request, PermissionDenied())
    assert response.status_code == 403
    html = response.content.decode()
    assert 'class="error-page"' in html and 'id="header"' not in html
    assert "Доступ запрещён" in html
