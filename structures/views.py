"""`/structures/` (the whole tree) and `/structures/<slug>/`.

The tree is loaded in one query and walked in Python (structures.tree).
News issued by a structure comes from `news.templatetags.news_blocks` in the template, so this
app does not import `news`.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import generic

from core import page_dependencies
from redirects.views import OldSlugRedirectMixin
from structures.models import Structure
from structures.tree import StructureTree


def list_crumbs():
    return [(_("Home"), reverse("website:home")), (_("Structures and institutions"), None)]


class ListView(generic.ListView):
    model = Structure
    template_name = "structures/structure_list.html"
    context_object_name = "structures"

    def get_queryset(self):
        return Structure.objects.only("name", "slug", "acronym", "kind", "parent", "closed_on")

    def get_context_data(self, **kwargs):
        # Only the taxonomy (the base state, core.page_dependencies).
        page_dependencies.complete()
        context = super().get_context_data(**kwargs)
        tree = StructureTree(context["structures"])
        for structure in context["structures"]:
            structure.tree_children = tree.children(structure.pk)
        context.update(roots=tree.roots, breadcrumbs=list_crumbs())
        return context


class DetailView(OldSlugRedirectMixin, generic.DetailView):
    model = Structure
    template_name = "structures/structure_detail.html"
    context_object_name = "structure"

    def get_queryset(self):
        return Structure.objects.select_related("parent", "host_country").prefetch_related(
            "aliases"
        )

    def get_context_data(self, **kwargs):
        # The taxonomy (a field operation's profile, offices and figures are taxonomy rows),
        # and the blocks of its newest news, projects and documents, each read after its
        # items' versions: a stored page depends on those (core.page_dependencies).
        page_dependencies.complete()
        context = super().get_context_data(**kwargs)
        structure = self.object
        tree = Structure.objects.only(
            "name", "slug", "parent", "closed_on", "address", "phone", "email", "website"
        ).tree()
        crumbs = [(_("Home"), reverse("website:home"))]
        crumbs.append((_("Structures and institutions"), reverse("structures:list")))
        crumbs += [(a.name, a.get_absolute_url()) for a in tree.ancestors(structure.pk)]
        crumbs.append((structure.name, None))
        ancestors = tree.ancestors(structure.pk)
        parent = ancestors[-1] if ancestors else None
        context.update(
            children=tree.children(structure.pk),
            breadcrumbs=crumbs,
            # Its own contacts, else those of the nearest body above it that has some.
            contacts=next((s for s in [structure, *reversed(ancestors)] if s.has_contacts), None),
            # "In this section": the bodies beside it under the same parent.
            section_top=parent and {"name": parent.name, "url": parent.get_absolute_url()},
            section_links=[
                {"name": s.name, "url": s.get_absolute_url(), "current": s.pk == structure.pk}
                for s in (tree.children(parent.pk) if parent else [])
            ],
        )
        return context
