"""Preview of the change form as it is now, unsaved, with the public templates, per language.

"Preview" on the change form, and on the add form of an item never saved, posts the form here
(in a new tab). The data is kept in the staff member's session under a key, and the page
`…/preview/?key=…&lang=…` (`…/add/preview/…` for a new item) renders it: the form and its
inline formsets are bound to it and saved inside a transaction that is always rolled back (a
new item's row, and its rows, exist only inside it), and the item's public detail view
renders that state with `is_preview` set (no fragment of it is cached: news.views.preview).
No revision, no history line, no content-state move and no file is kept (a file the rows kept
with a live item's working draft, news.admin.draft_files, is shown by saving a copy that is
deleted with the rollback); the response is `private, no-store` and `noindex`.
"""

import copy
import secrets

from django.conf import settings
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseBadRequest, QueryDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, resolve, reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext

from core import languages
from news.admin import draft_files, working_drafts

SESSION_KEY = "admin_previews"
KEPT_PREVIEWS = 10


class _RolledBack(Exception):
    def __init__(self, response):
        self.response = response


def no_store(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


class PreviewAdmin:
    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        # Before `<path:object_id>/…`, which would take "add" for an object id.
        add_preview = path(
            "add/preview/",
            self.admin_site.admin_view(self.add_preview_view),
            name="{}_{}_add_preview".format(*info),
        )
        preview = path(
            "<path:object_id>/preview/",
            self.admin_site.admin_view(self.preview_view),
            name="{}_{}_preview".format(*info),
        )
        compare = path(
            "<path:object_id>/draft/compare/",
            self.admin_site.admin_view(self.draft_compare_view),
            name="{}_{}_draft_compare".format(*info),
        )
        return [add_preview, preview, compare, *super().get_urls()]

    def preview_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        url = reverse(
            f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_preview",
            args=[quote(obj.pk)],
        )
        return self._preview(request, obj, str(obj.pk), url)

    def add_preview_view(self, request):
        """The add form of an item never saved: previewed the same way, nothing kept."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        url = reverse(
            f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_add_preview"
        )
        return self._preview(request, None, "add", url)

    def _preview(self, request, obj, kept_for, url):
        if request.method == "POST":
            key = secrets.token_urlsafe(12)
            kept = dict(list(request.session.get(SESSION_KEY, {}).items())[-(KEPT_PREVIEWS - 1) :])
            kept[key] = {"object": kept_for, "data": working_drafts.stored_data(request.POST)}
            request.session[SESSION_KEY] = kept
            return no_store(redirect(f"{url}?key={key}"))
        stored = request.session.get(SESSION_KEY, {}).get(request.GET.get("key", ""))
        if stored is None or stored["object"] != kept_for:
            return no_store(
                HttpResponseBadRequest(
                    gettext("This preview has expired: choose Preview on the form again.")
                )
            )
        language = request.GET.get("lang", "")
        if language not in languages.codes():
            language = translation.get_language() or settings.LANGUAGE_CODE
        return no_store(self._render_preview(request, obj, stored["data"], language, url))

    def _render_preview(self, request, obj, data, language, url):
        written = []
        try:
            with transaction.atomic():
                raise _RolledBack(self._render_unsaved(request, obj, data, language, url, written))
        except _RolledBack as rolled_back:
            return rolled_back.response
        finally:
            for storage, name in written:
                storage.delete(name)

    def _render_unsaved(self, request, obj, stored, language, url, written):
        # The rows' files come from the working draft the form was opened on, if any.
        working = working_drafts.draft_of(obj)
        files = working.files if working is not None else {}
        draft = type("Stored", (), {"data": stored, "files": files})()
        if obj is None:
            replayed = working_drafts.bind_new(self, request, stored)
        else:
            replayed = working_drafts.replay(self, request, obj, draft)
        if not replayed.valid:
            context = {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "object": obj,
                "title": gettext("The preview cannot be shown"),
                "errors": replayed.errors(),
            }
            response = TemplateResponse(request, "admin/news/preview_errors.html", context)
            response.render()
            return response
        item = replayed.form.save()
        for formset in replayed.formsets:
            formset.instance = item
            formset.save()
        written += draft_files.written_copies(replayed.formsets)
        return self._render_public(request, item, language, url)

    def _render_public(self, request, item, language, url):
        with translation.override(language):
            public_url = item.get_absolute_url()
            match = resolve(public_url)
            public = copy.copy(request)
            public.method = "GET"
            public.GET = QueryDict()
            public.path = public.path_info = public_url
            public.LANGUAGE_CODE = language
            view = match.func.view_class()
            view.setup(public, *match.args, **match.kwargs)
            view.get_object = lambda queryset=None: item
            view.is_preview = True
            view.extra_context = {
                "unsaved_preview": {
                    "languages": [
                        {
                            "code": code,
                            "name": languages.name_translated(code),
                            "url": f"{url}?key={request.GET.get('key', '')}&lang={code}",
                            "current": code == language,
                        }
                        for code in languages.codes()
                    ]
                }
            }
            view.object = item
            context = view.get_context_data(object=item)
            response = view.render_to_response(context)
            response.render()
        return response
