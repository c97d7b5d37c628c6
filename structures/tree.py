"""The tree of structures, walked in Python.

The tree has a few hundred rows at most, so every page that walks it (the menu, the
structures pages, the "issued by" facet, the cycle check when an editor moves a structure)
loads it whole in one query (`Structure.objects.tree()`) rather than asking the database
level by level, and all of them get the same answer to "what is below", "what is above" and
"in what order are siblings". Nodes are whatever the caller loaded (model instances, or rows
with the fields it needs) as long as they have `pk` and `parent_id`, given in sibling order.

The database forbids a structure being its own parent but not a longer cycle, and a caller may
load only part of the table: so every walk stops at a node it has seen, and a node whose parent
was not loaded counts as a root.
"""

from structures.kinds import StructureKind


class StructureTree:
    def __init__(self, nodes):
        nodes = list(nodes)
        self.nodes = {node.pk: node for node in nodes}
        self._children = {}
        for node in nodes:
            parent_id = node.parent_id if node.parent_id in self.nodes else None
            self._children.setdefault(parent_id, []).append(node)

    @property
    def roots(self):
        return self.children(None)

    def children(self, pk):
        """The nodes directly under `pk` (under no one for None), in sibling order."""
        return list(self._children.get(pk, ()))

    def walk(self):
        """(node, depth) for every node reachable from the roots, each parent before its
        units, siblings in order."""
        seen = set()
        stack = [(node, 0) for node in reversed(self.roots)]
        while stack:
            node, depth = stack.pop()
            if node.pk in seen:
                continue
            seen.add(node.pk)
            yield node, depth
            below = self._children.get(node.pk, ())
            stack.extend((child, depth + 1) for child in reversed(below))

    def subtree_ids(self, pks):
        """The ids `pks` (those in the tree) and the ids of everything below them."""
        found = set()
        stack = [pk for pk in pks if pk in self.nodes]
        while stack:
            pk = stack.pop()
            if pk not in found:
                found.add(pk)
                stack.extend(child.pk for child in self._children.get(pk, ()))
        return found

    def ancestors(self, pk):
        """The nodes above `pk`, from its root down to its parent."""
        found = []
        seen = {pk}
        current = self._parent(pk)
        while current is not None and current.pk not in seen:
            seen.add(current.pk)
            found.append(current)
            current = self._parent(current.pk)
        found.reverse()
        return found

    def _parent(self, pk):
        node = self.nodes.get(pk)
        return None if node is None else self.nodes.get(node.parent_id)

    def open_field_operations(self):
        """The field operations not closed, in the order the nodes were given."""
        return [
            node
            for node in self.nodes.values()
            if node.kind == StructureKind.FIELD_OPERATION and node.closed_on is None
        ]
