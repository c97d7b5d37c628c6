"""An editor's typed work survives a publisher publishing the draft in the meantime.

When a publisher publishes (or schedules) the draft an editor has open, the editor's save is
refused as a form error that says what happened, with the typed input kept. Saving that form
again is then a deliberate choice, and what it saves is a working draft of changes to the live
item (news.admin.editorial): the live version is not touched either way.
"""

from django.contrib.admin.utils import unquote
from django.utils.translation import gettext

from core.publishing import Status
from news.admin.revisions.stale import TOKEN_FIELD, version_token
from news.admin.states import describe_state

LOADED_STATUS = "loaded_status"


class KeptInputMixin:
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if (
            request.method == "POST"
            and object_id is not None
            and getattr(request, "_restoring", None) is None
        ):
            obj = self.model._default_manager.filter(pk=unquote(object_id)).first()
            # A form carries the version and the status it was opened on
            # (news.admin.revisions.stale, `loaded_status`).
            opened_on = request.POST.get(TOKEN_FIELD, "")
            if (
                obj is not None
                and opened_on
                and opened_on != version_token(obj.updated_at)
                and request.POST.get(LOADED_STATUS) == Status.DRAFT
                and obj.status == Status.PUBLISHED
                and not self.has_publish_permission(request)
            ):
                request._published_meanwhile = obj.pk
                request._published_meanwhile_message = self._published_meanwhile_message(obj)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _published_meanwhile_message(self, obj):
        return gettext(
            "This item was published while you were editing it (%(state)s), and only "
            "publishers can change a published item. Your changes are not saved: they are "
            "kept in the form below. Save again to keep them as a draft of changes for a "
            "publisher to publish; the live version stays as it is."
        ) % {"state": describe_state(obj.status, obj.publish_at, obj.expire_at)}

    def keeps_typed_input(self, request, obj):
        return obj is not None and getattr(request, "_published_meanwhile", None) == obj.pk

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if not self.keeps_typed_input(request, obj):
            return form
        return type(
            form.__name__,
            (form,),
            {"refusal": request._published_meanwhile_message, "refusal_refreshes": True},
        )
