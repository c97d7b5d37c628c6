"""An editor's typed work survives a publisher publishing the draft in the meantime.

Editors change drafts only. When a publisher publishes (or schedules) the draft an editor has
open, the editor's save used to meet Django's bare "403 Forbidden" and the typed text was
lost. Instead the change view binds the editor's form as usual and the form refuses it with
what happened, so the page comes back with the input kept (to copy, or to pass to a
publisher) and without a save button. Nothing is saved: the refusal is a form error.
"""

from django.contrib.admin.utils import unquote
from django.utils.translation import gettext

from news.admin.revisions.stale import TOKEN_FIELD, version_token
from news.admin.states import describe_state


class KeptInputMixin:
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if (
            request.method == "POST"
            and object_id is not None
            and getattr(request, "_restoring", None) is None
        ):
            obj = self.model._default_manager.filter(pk=unquote(object_id)).first()
            # A form opened while the item was editable carries the version it was opened on
            # (news.admin.revisions.stale); anything else is refused with a 403, as before.
            opened_on = request.POST.get(TOKEN_FIELD, "")
            if (
                obj is not None
                and opened_on
                and opened_on != version_token(obj.updated_at)
                and self.has_change_permission(request)
                and not self.has_change_permission(request, obj)
                and self.has_view_permission(request, obj)
            ):
                request._published_meanwhile = obj.pk
                request._published_meanwhile_message = self._published_meanwhile_message(obj)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _published_meanwhile_message(self, obj):
        return gettext(
            "This item was published while you were editing it (%(state)s), and only "
            "publishers can change a published item. Your changes are not saved: they are "
            "kept in the form below, so that you can copy them or ask a publisher to make them."
        ) % {"state": describe_state(obj.status, obj.publish_at, obj.expire_at)}

    def keeps_typed_input(self, request, obj):
        """While the change view binds and refuses an editor's form for an item published
        meanwhile, the form counts as editable (so that it is bound, not read-only)."""
        return obj is not None and getattr(request, "_published_meanwhile", None) == obj.pk

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if not self.keeps_typed_input(request, obj):
            return form
        return type(form.__name__, (form,), {"refusal": request._published_meanwhile_message})

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        # Shown with the editor's input but without save buttons: the item is not theirs to
        # change any more.
        if getattr(request, "_published_meanwhile", None) is not None:
            request._published_meanwhile = None
            context.update(
                show_save=False, show_save_and_continue=False, show_save_and_add_another=False
            )
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)
