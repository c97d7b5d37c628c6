"""`/structures/` (the whole tree) and `/structures/<slug>/`.

The tree has a few hundred rows at most: it is loaded in one query and walked in Python.
News issued by a structure comes from `news.templatetags.news_blocks` in the template, so this
app does not import `news`.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import generic

from structures.models import Structure


def tree_children(structures):
    """parent id → its children, in the model's sibling order."""
    children = {}
    for structure in structures:
        children.setdefault(structure.parent_id, []).append(structure)
    return children


def list_crumbs():
    return [(_("Home"), reverse("website:home")), (_("Structures and institutions"), None)]


class ListView(generic.ListView):
    model = Structure
    template_name = "structures/structure_list.html"
    context_object_name = "structures"

    def get_queryset(self):
        return Structure.objects.only("name", "slug", "acronym", "kind", "parent", "closed_on")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        children = tree_children(context["structures"])
        for structure in context["structures"]:
            structure.tree_children = children.get(structure.pk, [])
        context.update(roots=children.get(None, []), breadcrumbs=list_crumbs())
        return context


class DetailView(generic.DetailView):
    model = Structure
    template_name = "structures/structure_detail.html"
    context_object_name = "structure"

    def get_queryset(self):
        return Structure.objects.select_related("parent", "host_country").prefetch_related(
            "aliases"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        structure = self.object
        tree = Structure.objects.only("name", "slug", "parent", "closed_on")
        by_id = {s.pk: s for s in tree}
        ancestors = []
        current = by_id.get(structure.parent_id)
        while current is not None and current not in ancestors:
            ancestors.insert(0, current)
            current = by_id.get(current.parent_id)
        crumbs = [(_("Home"), reverse("website:home"))]
        crumbs.append((_("Structures and institutions"), reverse("structures:list")))
        crumbs += [(a.name, a.get_absolute_url()) for a in ancestors]
        crumbs.append((structure.name, None))
        context.update(
            children=tree_children(by_id.values()).get(structure.pk, []),
            breadcrumbs=crumbs,
        )
        return context
