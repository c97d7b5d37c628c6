"""Detail pages that show published content to everyone and unpublished content to editors.

Previews are marked in the page and never cached anywhere: they carry `private, no-store`.
"""

from django.http import Http404
from django.utils.cache import add_never_cache_headers, patch_cache_control


def can_preview(user, model):
    opts = model._meta
    return (
        user.is_active
        and user.is_staff
        and user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
    )


class PublishedOrPreviewMixin:
    """For DetailViews over a Publishable model: anonymous visitors get 404 for anything
    `published()` excludes; editors who may change the item see it with `is_preview` set."""

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        slug = self.kwargs[self.slug_url_kwarg]
        # Its version read before its row, while the page is rendered for the page cache
        # (core.page_dependencies): a view that declares its page complete depends on it.
        obj = next(iter(queryset.published().filter(slug=slug).shown(1)), None)
        self.is_preview = False
        if obj is None and can_preview(self.request.user, queryset.model):
            obj = queryset.filter(slug=slug).first()
            self.is_preview = obj is not None
        if obj is None:
            raise Http404("No such item.")
        return obj

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_preview=self.is_preview, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.is_preview:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response
