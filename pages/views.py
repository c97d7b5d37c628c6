"""`/<path>/`: one simple page (pages.paths says which paths can be pages)."""

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from core import languages
from news.views.preview import PublishedOrPreviewMixin, can_preview
from pages.models import Page
from pages.selectors import page_at
from redirects.lookup import current_object


class PageDetailView(PublishedOrPreviewMixin, DetailView):
    """Visitors get a page only when it and every parent in its address are published;
    editors who may change pages preview it (never cached, `PublishedOrPreviewMixin`)."""

    template_name = "pages/page_detail.html"
    context_object_name = "page"

    @staticmethod
    def answers(path):
        """Whether visitors get a page at this `path` (news.content_checks asks it of a view
        whose URL pattern takes any path, before calling a link sound)."""
        return page_at(path, Page.objects.public()) is not None

    def get(self, request, *args, **kwargs):
        """An address a page had before (pages.old_paths) answers 301 to where it is now."""
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            path = self.kwargs["path"]
            page = current_object(Page, path, visible=Page.objects.public().with_ancestors())
            if page is None or page.url_path == path:
                raise
            return HttpResponsePermanentRedirect(page.get_absolute_url())

    def get_object(self, queryset=None):
        path = self.kwargs["path"]
        page = page_at(path, Page.objects.public())
        self.is_preview = False
        if page is None and can_preview(self.request.user, Page):
            page = page_at(path)
            self.is_preview = page is not None
        if page is None:
            raise Http404("No such page.")
        return page

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.object
        children = list(page.children.published())
        for child in children:
            child.parent = page  # its URL, without a query per child
        ancestors = page.ancestors()
        top = ancestors[0] if ancestors else page
        section = children if top is page else list(top.children.published())
        for child in section:
            child.parent = top
        context.update(
            section_top={
                "name": top.title,
                "url": top.get_absolute_url(),
                "current": top is page,
            },
            section_links=[
                {
                    "name": child.title,
                    "url": child.get_absolute_url(),
                    "current": child.pk == page.pk,
                }
                for child in section
            ],
            **languages.page_context(page.get_absolute_url(), languages.title_languages(page)),
            children=children,
            breadcrumbs=[
                (_("Home"), reverse("website:home")),
                *((parent.title, parent.get_absolute_url()) for parent in ancestors),
                (page.title, None),
            ],
        )
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not self.is_preview:
            response.headers["Last-Modified"] = http_date(self.object.updated_at.timestamp())
        return response
