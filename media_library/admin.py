"""The media library in the admin: a searchable list with thumbnails and how many items use
each image, a page listing them, the focal point chosen by clicking the picture
(static/admin_osce/focal_point.js), and no deletion of an image in use — the items' foreign
keys PROTECT it, so Django's delete view and delete action refuse and list them."""

import mimetypes

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin_forms import CleanTextModelAdmin, TranslatedAdmin
from core.private_media import public_or_private
from media_library import services, usage
from media_library.models import Image
from news import renditions
from news.renditions import RenditionError


@admin.register(Image)
class ImageAdmin(CleanTextModelAdmin, TranslatedAdmin):
    list_display = ["thumbnail", "title", "used_in", "size", "credit", "uploaded_at"]
    list_display_links = ["title"]
    search_fields = ["title", "alt", "credit"]
    list_per_page = 50
    fieldsets = [
        (None, {"fields": ["file", "title", "alt", "credit"]}),
        (
            _("Focal point"),
            {
                "fields": ["focal_preview", "focal_x", "focal_y"],
                "description": _(
                    "Click the part of the picture that must stay in view: cropped copies "
                    "(the cards of listings) are cut around it."
                ),
            },
        ),
        (_("About this record"), {"fields": ["size", "uploaded_by", "uploaded_at"]}),
    ]
    readonly_fields = ["focal_preview", "size", "uploaded_by", "uploaded_at"]

    class Media:
        css = {"all": ["admin_osce/focal_point.css"]}
        js = ["admin_osce/focal_point.js"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "file":
            # Labelled by its <label>, as an item's picture is (news.admin.publishing), not by
            # a <legend> that leaves the file input unnamed.
            formfield.widget.use_fieldset = False
        return formfield

    def get_queryset(self, request):
        return usage.with_usage(super().get_queryset(request))

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/file/", view(self.file_view), name="media_library_image_file"),
            path(
                "<int:pk>/thumbnail/",
                view(self.thumbnail_view),
                name="media_library_image_thumbnail",
            ),
            path("<int:pk>/usage/", view(self.usage_view), name="media_library_image_usage"),
            *super().get_urls(),
        ]

    @admin.display(description=_("image"))
    def thumbnail(self, obj):
        return format_html(
            '<img src="{}" alt="" width="80" height="{}" loading="lazy" class="library-thumb">',
            reverse("admin:media_library_image_thumbnail", args=[obj.pk]),
            round(80 * obj.height / obj.width) if obj.width and obj.height else 80,
        )

    @admin.display(description=_("used in"), ordering="usage")
    def used_in(self, obj):
        count = getattr(obj, "usage", 0)
        text = ngettext("used in %(count)d item", "used in %(count)d items", count) % {
            "count": count
        }
        url = reverse("admin:media_library_image_usage", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, text)

    @admin.display(description=_("size"))
    def size(self, obj):
        if not obj.width or not obj.height:
            return "–"
        return f"{obj.width} × {obj.height}"

    @admin.display(description=_("picture"))
    def focal_preview(self, obj):
        if obj is None or not obj.pk or not obj.file:
            return _("Save the image first, then choose its focal point here.")
        return format_html(
            '<div class="focal-point" data-focal-x="focal_x" data-focal-y="focal_y">'
            '<img src="{}" alt="{}" class="focal-point-image"><span class="focal-point-mark" '
            "hidden></span></div>",
            obj.file.url,
            _("The picture: click to set the focal point."),
        )

    def save_model(self, request, obj, form, change):
        before = Image.objects.get(pk=obj.pk) if change else None
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
        if before is not None:
            services.propagate(obj, before)

    def file_view(self, request, pk):
        """The original, for editors, wherever it is stored (private until an item that shows
        it is published)."""
        image = self.image_for(request, pk)
        return self.stored_file(image.file.name)

    def thumbnail_view(self, request, pk):
        """The list's small copy (news.renditions.thumbnail), made on first view: fifty
        originals would make the list slow to load."""
        image = self.image_for(request, pk)
        try:
            name = renditions.thumbnail(image.file.name)
        except RenditionError:
            raise Http404("No such image.") from None
        return self.stored_file(name)

    def image_for(self, request, pk):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return get_object_or_404(Image, pk=pk)

    def stored_file(self, name):
        try:
            handle = public_or_private.open(name, "rb")
        except (FileNotFoundError, ValueError):
            raise Http404("No such image.") from None
        response = FileResponse(handle, content_type=mimetypes.guess_type(name)[0])
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response

    def usage_view(self, request, pk):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        image = get_object_or_404(Image, pk=pk)
        rows = [
            (item, self.admin_link(request, item), item._meta.verbose_name)
            for item in usage.users(image)
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": image,
            "title": _("Where “%(image)s” is used") % {"image": image},
            "rows": rows,
        }
        return TemplateResponse(request, "admin/media_library/image/usage.html", context)

    def admin_link(self, request, item):
        """The item's change page, if the editor may open it."""
        model_admin = self.admin_site._registry.get(type(item))
        if model_admin is None or not model_admin.has_view_or_change_permission(request, item):
            return None
        meta = item._meta
        try:
            return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[item.pk])
        except NoReverseMatch:
            return None
