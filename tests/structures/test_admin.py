from django.urls import reverse

from structures.models import Structure
from tests.factories import StructureFactory


def structure_post(structure, parent):
    return {
        "name_en": structure.name,
        "slug": structure.slug,
        "acronym": "",
        "kind": structure.kind,
        "parent": str(parent.pk) if parent else "",
        "position": "0",
        "host_country": "",
        "location_en": "",
        "description_en": "",
        "established_on": "",
        "closed_on": "",
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
    }


def test_admin_refuses_a_cycle_on_the_parent_field(client, publisher):
    root = StructureFactory()
    unit = StructureFactory(parent=root)
    subunit = StructureFactory(parent=unit)
    client.force_login(publisher)
    url = reverse("admin:structures_structure_change", args=[root.pk])
    for new_parent in (subunit, root):
        response = client.post(url, structure_post(root, new_parent))
        assert response.status_code == 200
        errors = response.context["adminform"].form.errors["parent"]
        assert "cannot sit under itself" in " ".join(errors)
    root.refresh_from_db()
    assert root.parent is None


def test_admin_moves_a_structure_under_another(client, publisher):
    first, second = StructureFactory(), StructureFactory()
    client.force_login(publisher)
    url = reverse("admin:structures_structure_change", args=[second.pk])
    assert client.post(url, structure_post(second, first)).status_code == 302
    assert Structure.objects.get(pk=second.pk).parent == first
