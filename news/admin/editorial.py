"""Working drafts of live items and their review, in the change form of every content type on
`PublishingAdmin`.

- Anyone who may change the type edits a published (live or scheduled) item; what an editor
  saves, and what a publisher saves with "Save draft of changes", becomes the item's working
  draft (news.admin.working_drafts): the row, the page cache and the content state are not
  touched. A publisher's ordinary save of that form publishes the draft.
- "Submit for review" saves (the draft row, or the working draft) and opens a review; a
  publisher approves (the form's content is published) or requests changes with a comment.
- Who may do what is decided here, on the server: an editor's forged approve, request-changes
  or discard is refused as a form error, with every typed input kept.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext

from core.publishing import Status
from editorial.models import ReviewState
from news.admin import draft_files, working_drafts
from news.admin import review as reviewing
from news.admin.revisions.compare import compare_states

SAVE_DRAFT = "_save_draft"
SUBMIT = "_submit_review"
APPROVE = "_approve"
REQUEST_CHANGES = "_request_changes"
DISCARD = "_discard_draft"
STEPS = (DISCARD, APPROVE, REQUEST_CHANGES, SUBMIT, SAVE_DRAFT)


@dataclass
class Editorial:
    step: str
    draft: object
    review: object
    as_draft: bool
    refusal: str = ""


def step_of(post):
    return next((name for name in STEPS if name in post), "")


def has_public_version(obj):
    """Live, scheduled or expired: the row is what visitors see (or will, or did), so changes
    go to a working draft first."""
    return obj is not None and obj.pk is not None and obj.status == Status.PUBLISHED


class EditorialAdmin:
    def _change_url(self, obj):
        opts = self.opts
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
            args=[quote(obj.pk)],
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if object_id is not None and getattr(request, "_restoring", None) is None:
            obj = self.model._default_manager.filter(pk=unquote(object_id)).first()
        if (
            request.method == "POST"
            and object_id is not None
            and getattr(request, "_restoring", None) is None
        ):
            obj = self.model._default_manager.filter(pk=unquote(object_id)).first()
            if obj is not None and self.has_change_permission(request, obj):
                if step_of(request.POST):
                    # The change form's action menu is in the same <form>: pressed without
                    # "Save", Django would take its empty choice for an action.
                    post = request.POST.copy()
                    post.pop(f"{ActionLocation.CHANGE_FORM.value}-action", None)
                    request.POST = post
                response = self._editorial_post(request, obj)
                if response is not None:
                    return response
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _draft_for(self, request, obj):
        """The item's working draft, looked up once per request."""
        if not has_public_version(obj):
            return None
        found = getattr(request, "_working_draft_of", None)
        if found is None or found[0] != obj.pk:
            found = (obj.pk, working_drafts.draft_of(obj))
            request._working_draft_of = found
        return found[1]

    def _editorial_post(self, request, obj):
        step = step_of(request.POST)
        publisher = self.has_publish_permission(request)
        draft = self._draft_for(request, obj)
        review = reviewing.review_of(obj)
        refusal = ""
        if step == DISCARD:
            if draft is None:
                messages.info(request, gettext("There is no draft of changes to discard."))
                return redirect(self._change_url(obj))
            if publisher or draft.author_id == request.user.pk:
                return self._discard(request, obj, draft, review)
            refusal = gettext(
                "Only publishers, or the person who wrote it, can discard this draft of changes."
            )
        elif step in (APPROVE, REQUEST_CHANGES):
            if not publisher:
                refusal = gettext(
                    "Only publishers can approve or request changes. Nothing was saved: your "
                    "input is kept below."
                )
            elif review is None or review.state != ReviewState.AWAITING:
                refusal = gettext("Nothing of this item is awaiting review.")
            elif step == REQUEST_CHANGES and not request.POST.get("review_comment", "").strip():
                refusal = gettext("Say what should change: the author reads your comment.")
        as_draft = has_public_version(obj) and (
            not publisher or step in (SAVE_DRAFT, SUBMIT, REQUEST_CHANGES)
        )
        request._editorial = Editorial(step, draft, review, as_draft, refusal)
        if draft is not None:
            # The rows' files kept with the draft come with this save as if sent again.
            request._files = draft_files.with_draft_files(request.FILES, request.POST, draft)
        return None

    def _discard(self, request, obj, draft, review):
        working_drafts.discard_files(obj, draft)
        draft.delete()
        if review is not None:
            review.delete()
        reviewing.record(request, obj, "discard_draft")
        messages.success(
            request, gettext("The draft of changes was discarded; the live version is unchanged.")
        )
        return redirect(self._change_url(obj))

    def _show_draft(self, request, obj):
        request._draft_shown = None  # also while replaying, which builds the form too
        draft = self._draft_for(request, obj)
        if draft is None:
            return
        replayed = working_drafts.replay(self, request, obj, draft)
        if not replayed.valid:
            messages.warning(
                request,
                gettext(
                    "Part of the draft of changes no longer fits the item (%(errors)s): the form "
                    "shows the live version of those fields."
                )
                % {"errors": "; ".join(replayed.errors())},
            )
        request._draft_shown = (draft, replayed)

    # The form ---------------------------------------------------------------------------

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        editorial = getattr(request, "_editorial", None)
        if editorial is not None and editorial.refusal:
            return type(form.__name__, (form,), {"refusal": editorial.refusal})
        if request.method != "GET" or obj is None or getattr(request, "_restoring", None):
            return form
        if not hasattr(request, "_draft_shown"):
            self._show_draft(request, obj)
        shown = request._draft_shown
        if shown is None:
            return form
        _draft, replayed = shown
        if not replayed.valid:
            return form
        instance, initial = replayed.form.instance, replayed.m2m_initial()

        class DraftShown(form):
            def __init__(self, *args, **form_kwargs):
                if not args and form_kwargs.get("data") is None:
                    form_kwargs["instance"] = instance
                    form_kwargs["initial"] = {**initial, **form_kwargs.get("initial", {})}
                super().__init__(*args, **form_kwargs)

        DraftShown.__name__ = form.__name__
        return DraftShown

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        shown = getattr(request, "_draft_shown", None)
        if request.method == "GET" and shown is not None and shown[1].valid:
            kwargs.update(data=shown[1].form.data, files=shown[1].files or {})
        return kwargs

    # Saving ---------------------------------------------------------------------------

    def saves_working_draft(self, request):
        editorial = getattr(request, "_editorial", None)
        return editorial is not None and editorial.as_draft

    def editorial_save_model(self, request, obj, form):
        """Before the row is written: True when it must not be (a working draft)."""
        editorial = getattr(request, "_editorial", None)
        if editorial is None:
            return False
        if editorial.as_draft:
            working_drafts.store(request, obj, form)
            return True
        if editorial.step == APPROVE and obj.status == Status.DRAFT:
            obj.status = Status.PUBLISHED
        if editorial.draft is not None:
            working_drafts.apply_files(obj, editorial.draft, request)
        return False

    def editorial_after_save(self, request, obj):
        editorial = getattr(request, "_editorial", None)
        if editorial is None:
            return
        if editorial.as_draft:
            reviewing.record(request, obj, "save_draft")
        elif editorial.draft is not None:
            draft_files.delete_files(editorial.draft)
            editorial.draft.delete()
            reviewing.record(request, obj, "publish_draft")
        if editorial.step == SUBMIT:
            reviewing.submit(request, obj)
        elif editorial.step == REQUEST_CHANGES:
            reviewing.request_changes(request, obj, editorial.review)
        elif editorial.step == APPROVE:
            reviewing.approve(request, obj, editorial.review)
        elif editorial.draft is not None and editorial.review is not None:
            # The draft under review was published directly: nothing is left to review.
            reviewing.close(obj)

    def workflow_messages(self):
        return list(reviewing.HISTORY_MESSAGES.values())

    def construct_change_message(self, request, form, formsets, add=False):
        if self.saves_working_draft(request):
            return []  # nothing of the item was saved
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request, obj, message):
        if self.saves_working_draft(request):
            return None  # the working draft's own line (editorial_after_save) says what happened
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        editorial = getattr(request, "_editorial", None)
        if editorial is None or not (editorial.as_draft or editorial.step in STEPS):
            return super().response_change(request, obj)
        if editorial.step == SUBMIT:
            text = gettext("Submitted for review: a publisher will approve it or ask for changes.")
        elif editorial.step == REQUEST_CHANGES:
            text = gettext("Changes requested: the author sees your comment on the form.")
        elif editorial.step == APPROVE:
            text = gettext("Approved and published.")
        elif editorial.as_draft:
            text = gettext("Draft of changes saved. The live version is unchanged.")
        else:
            return super().response_change(request, obj)
        self.message_user(request, text, messages.SUCCESS)
        return redirect(self._change_url(obj))

    # The page ---------------------------------------------------------------------------

    def draft_compare_view(self, request, object_id):
        """The working draft against the live row, on the revisions' compare page."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        draft = working_drafts.draft_of(obj)
        if draft is None:
            messages.info(request, gettext("This item has no draft of changes."))
            return redirect(self._change_url(obj))
        replayed = working_drafts.replay(self, request, obj, draft)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "title": gettext("Draft of changes to “%(item)s” against the live version")
            % {"item": obj},
            "subtitle": None,
            "before_label": gettext("Live version"),
            "after_label": gettext("Draft of changes"),
            "changes": compare_states(
                self.model, working_drafts.live_state(obj), working_drafts.draft_state(replayed)
            ),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/news/compare.html", context)

    def editorial_context(self, request, obj):
        if obj is None or obj.pk is None:
            # The add form previews too (news.admin.preview), before anything is saved.
            opts = self.opts
            url = f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_add_preview"
            return {"add_preview_url": reverse(url)}
        publisher = self.has_publish_permission(request)
        live = has_public_version(obj)
        shown = getattr(request, "_draft_shown", None)
        draft = shown[0] if shown else self._draft_for(request, obj)
        review = reviewing.review_of(obj)
        opts = self.opts
        base = f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}"
        return {
            "editorial": {
                "live": live,
                "draft": draft,
                "review": review,
                "awaiting": review is not None and review.state == ReviewState.AWAITING,
                "changes_requested": review is not None
                and review.state == ReviewState.CHANGES_REQUESTED,
                "may_review": publisher
                and review is not None
                and review.state == ReviewState.AWAITING,
                "may_discard": draft is not None
                and (publisher or draft.author_id == request.user.pk),
                "publisher": publisher,
                "live_url": obj.get_absolute_url() if live else "",
                "compare_url": reverse(f"{base}_draft_compare", args=[quote(obj.pk)])
                if draft
                else "",
                "live_changed": draft is not None
                and draft.based_on != working_drafts.version_token(obj.updated_at),
                "preview_url": reverse(f"{base}_preview", args=[quote(obj.pk)]),
            }
        }
