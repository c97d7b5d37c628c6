"""The structure tree (structures.tree): one query, the same answers for every page that
walks it, and no walk that hangs on a cycle."""

import datetime
from types import SimpleNamespace

import pytest

from structures.kinds import StructureKind
from structures.models import Structure
from structures.tree import StructureTree
from tests.factories import StructureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def family():
    root = StructureFactory(slug="root", position=1)
    unit = StructureFactory(slug="unit", parent=root, position=1)
    sub_unit = StructureFactory(slug="sub-unit", parent=unit)
    sibling = StructureFactory(slug="sibling", parent=root, position=2)
    elsewhere = StructureFactory(slug="elsewhere", position=2)
    return SimpleNamespace(
        root=root, unit=unit, sub_unit=sub_unit, sibling=sibling, elsewhere=elsewhere
    )


def node(pk, parent_id, **fields):
    return SimpleNamespace(pk=pk, parent_id=parent_id, **fields)


def slugs(nodes):
    return [n.slug for n in nodes]


def test_the_whole_tree_comes_from_one_query(family, django_assert_num_queries):
    with django_assert_num_queries(1):
        tree = Structure.objects.tree()
    assert slugs(tree.roots) == ["root", "elsewhere"]
    assert slugs(tree.children(family.root.pk)) == ["unit", "sibling"]
    assert tree.children(family.sub_unit.pk) == []


def test_walk_puts_each_parent_before_its_units_with_their_depth(family):
    walked = [(n.slug, depth) for n, depth in Structure.objects.tree().walk()]
    assert walked == [
        ("root", 0),
        ("unit", 1),
        ("sub-unit", 2),
        ("sibling", 1),
        ("elsewhere", 0),
    ]


def test_subtree_ids_include_everything_below(family):
    tree = Structure.objects.tree()
    f = family
    assert tree.subtree_ids([f.root.pk]) == {f.root.pk, f.unit.pk, f.sub_unit.pk, f.sibling.pk}
    assert tree.subtree_ids([f.unit.pk, f.elsewhere.pk]) == {
        f.unit.pk,
        f.sub_unit.pk,
        f.elsewhere.pk,
    }
    assert tree.subtree_ids([]) == set()
    assert tree.subtree_ids([10**9]) == set()


def test_ancestors_run_from_the_root_down_to_the_parent(family):
    tree = Structure.objects.tree()
    assert slugs(tree.ancestors(family.sub_unit.pk)) == ["root", "unit"]
    assert tree.ancestors(family.root.pk) == []


def test_open_field_operations_exclude_closed_ones_and_other_kinds():
    open_operation = StructureFactory(kind=StructureKind.FIELD_OPERATION)
    StructureFactory(kind=StructureKind.FIELD_OPERATION, closed_on=datetime.date(2020, 1, 1))
    StructureFactory(kind=StructureKind.INSTITUTION)
    assert Structure.objects.tree().open_field_operations() == [open_operation]


def test_a_node_whose_parent_was_not_loaded_is_a_root():
    tree = StructureTree([node(2, 1, slug="orphan"), node(3, 2, slug="child")])
    assert slugs(tree.roots) == ["orphan"]
    assert [(n.slug, depth) for n, depth in tree.walk()] == [("orphan", 0), ("child", 1)]


def test_a_cycle_never_hangs_a_walk():
    # 1 -> 2 -> 3 -> 2: the database forbids only a structure being its own parent.
    tree = StructureTree([node(1, None), node(2, 3), node(3, 2)])
    assert [n.pk for n, _depth in tree.walk()] == [1]
    assert tree.subtree_ids([2]) == {2, 3}
    assert [n.pk for n in tree.ancestors(2)] == [3]
