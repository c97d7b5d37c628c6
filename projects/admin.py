"""Projects in the admin, on the news machinery: `PublishingAdmin` (editors write drafts,
publishers publish; revisions, audit), ordered inlines like "Issued by"."""

from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core import languages as content_languages
from core.admin_forms import CleanTextModelAdmin, TranslatedAdmin, in_every_language
from news import services
from news.admin.forms import IssuerFormSet, PublishableAdminForm
from news.admin.large_tables import related_filter
from news.admin.ordered_rows import OrderedRowsInline
from news.admin.publishing import PublishingAdmin, StateFilter
from news.admin.revisions import registration
from projects.models import Donor, Project, ProjectDonor, ProjectImplementer
from structures.models import Structure

registration.register(
    Project, [("implementers", ProjectImplementer), ("donor_links", ProjectDonor)]
)


class ProjectAdminForm(PublishableAdminForm):
    class Meta:
        model = Project
        fields = "__all__"


class ImplementerFormSet(IssuerFormSet):
    """Implementing structures in the editor's order, the first the lead (news' issuer rules)."""

    default_error_messages = {
        "too_few_forms": _("Add at least one implementing structure: the first one leads."),
    }


class DonorFormSet(IssuerFormSet):
    """Donors in the editor's order; the same checks and renumbering as structures."""

    default_error_messages = {"too_few_forms": _("Add at least one donor.")}
    row_field = "donor"
    duplicate_message = _("%(donor)s is listed twice: list each donor once.")
    duplicate_code = "duplicate_donor"


class ImplementerInline(OrderedRowsInline):
    model = ProjectImplementer
    formset = ImplementerFormSet


class DonorInline(OrderedRowsInline):
    model = ProjectDonor
    formset = DonorFormSet
    fields = ["donor", "position"]
    autocomplete_fields = ["donor"]
    min_num = None


@admin.register(Donor)
class DonorAdmin(CleanTextModelAdmin, TranslatedAdmin):
    list_display = ["name", "kind", "country", "position"]
    list_filter = ["kind"]
    search_fields = [*in_every_language("name"), "slug", "country__name"]
    autocomplete_fields = ["country"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Project)
class ProjectAdmin(PublishingAdmin, TranslatedAdmin):
    form = ProjectAdminForm
    list_display = [
        "display_title",
        "state",
        "number",
        "start_date",
        "end_date",
        "project_status_label",
        "funding",
        "implemented_by_list",
    ]
    list_filter = [
        StateFilter,
        "funding",
        related_filter("fields_of_work"),
        related_filter("donors"),
    ]
    # Searched through the full-text index in every language, the slug, and `search_related`
    # (`LargeTableAdmin.get_search_results`); listed for the search box.
    search_fields = [*in_every_language("title", "summary"), "slug", "number"]
    date_hierarchy = "start_date"

    def search_related(self, term):
        """Projects by their number, or implemented or funded by a body named `term`."""
        implementers = ProjectImplementer.objects.filter(
            structure__in=Structure.objects.named(term)
        ).values("project_id")
        donors = ProjectDonor.objects.filter(donor__name__icontains=term).values("project_id")
        return Project.objects.filter(
            Q(number__iexact=term) | Q(pk__in=implementers) | Q(pk__in=donors)
        ).values("pk")

    autocomplete_fields = ["fields_of_work", "countries", "related_news", "library_image"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ImplementerInline, DonorInline]
    inlines_before_fieldset = 2
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "in_language",
                    "title",
                    "slug",
                    "number",
                    "summary",
                    "description",
                    "start_date",
                    "end_date",
                ],
                "description": _(
                    "Choose the language above. Tick “Published in this language” in each "
                    "language the project is ready in. Its status (planned, ongoing, "
                    "completed) follows from the dates."
                ),
            },
        ),
        (_("Funding"), {"fields": ["funding", "budget"]}),
        (
            _("Image"),
            {
                "fields": [
                    "library_image",
                    "image",
                    "image_alt",
                    "image_caption",
                    "image_credit",
                ],
                "description": _("JPEG, PNG, WebP or GIF, at most 20 MB and 40 megapixels."),
            },
        ),
        (_("Tags"), {"fields": ["fields_of_work", "countries", "related_news"]}),
        (_("Publishing"), {"fields": ["status", "publish_at", "expire_at"]}),
        (
            _("About this record"),
            {
                "fields": ["source_url", "author", "created_at", "updated_at"],
                "classes": ["collapse"],
            },
        ),
    ]
    readonly_fields = ["author"]
    rich_text_fields = ("description",)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(ProjectImplementer.prefetch("implementers"))
        )

    def get_changeform_initial_data(self, request):
        return {"in_language_en": True, **super().get_changeform_initial_data(request)}

    @admin.display(description=_("status"))
    def project_status_label(self, obj):
        return obj.project_status.label

    @admin.display(description=_("languages"))
    def languages(self, obj):
        return " ".join(code.upper() for code in content_languages.item_languages(obj))

    @admin.display(description=_("implemented by"))
    def implemented_by_list(self, obj):
        return ", ".join(s.acronym or s.name for s in obj.ordered_implementers)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)
        # After saving: only then does an uploaded image have its final name in storage.
        services.refresh_renditions(obj)
