"""The rows of the Sites tree as plain Python objects, built off the GUI thread.

A server with 1,000 sites has 3,000 rows; turning its inventory into rows,
indexing them by target, sorting them and preparing each row's filter text
takes longer than the GUI thread may stall, so the worker that reads the
inventory builds a SiteForest and the model only adopts it. Nothing here
touches Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from operator import attrgetter
from typing import Any

from bridge.model import Inventory, Target
from bridge.needs import CheckResult


class NodeKind(str, Enum):
    SITE = "site"
    APPLICATION = "application"
    VIRTUAL_DIRECTORY = "virtual-directory"


@dataclass(eq=False, slots=True)
class SiteNode:
    kind: NodeKind
    name: str
    target: str
    state: str
    bindings: str
    pool: str
    physical_path: str
    parent: SiteNode | None = None
    # Every row below, as the inventory lists them; ``shown`` is those the tree shows, in its order,
    # made when first asked for (``listed``: the forest's generation it was made in).
    children: list[SiteNode] = field(default_factory=list)
    shown: Sequence[SiteNode] = ()
    listed: int = -1
    # The row among the parent's shown children (or the shown sites), and the place in the order
    # of every row below the sites (its rank among its siblings).
    row: int = 0
    rank: int = 0
    # Case-folded text of this row and every row below it: the filter keeps a row whose subtree matches.
    search: str = ""

    def add(self, child: SiteNode) -> None:
        child.parent = self
        child.row = len(self.children)
        self.children.append(child)

    def own_search(self) -> str:
        return "\n".join((self.name, self.bindings, self.pool, self.physical_path)).casefold()


def _node(target: Target) -> SiteNode:
    site = target.site
    if target.kind == "site":
        name = site.name
        bindings = ", ".join(f"{b.protocol} {b.binding_information}" for b in site.bindings)
        state = site.state
    else:
        name = (
            target.directory.path if target.kind == "virtual-directory" else target.application.path
        ).strip("/")
        bindings = state = ""
    pool = target.application.application_pool if target.kind != "virtual-directory" else ""
    return SiteNode(
        NodeKind(target.kind), name, str(target.ref), state, bindings, pool, target.directory.physical_path
    )


def _site_nodes(inventory: Inventory) -> list[SiteNode]:
    """Sites with their applications, each holding its virtual directories, as IIS Manager shows them."""
    sites: dict[str, SiteNode] = {}
    applications: dict[tuple[str, str], SiteNode] = {}
    for target in inventory.targets():
        node = _node(target)
        if target.kind == "site":
            sites[target.site.name] = node
            applications[(target.site.name, "/")] = node
            continue
        site = sites.get(target.site.name)
        if site is None:
            continue
        if target.kind == "application":
            site.add(node)
            applications[(target.site.name, target.application.path)] = node
        else:
            owner = applications.get((target.site.name, target.application.path), site)
            owner.add(node)
    for row, node in enumerate(sites.values()):
        node.row = row
    return list(sites.values())


def _below(node: SiteNode) -> Iterator[SiteNode]:
    """Every row under ``node``, each parent before its children, in the inventory's order."""
    for child in node.children:
        yield child
        yield from _below(child)


def _fill_search(node: SiteNode) -> str:
    node.search = "\n".join([node.own_search(), *(_fill_search(child) for child in node.children)])
    return node.search


# An order of the rows: the column sorted by and whether descending. The tree opens sorted by name.
Order = tuple[int, bool]
BY_NAME: Order = (0, False)
# The sort key of every row at once (so each key is made in one pass, not in a call per row).
Keys = Callable[[list[SiteNode]], list[Any]]
# The sites and the rows below them that a filter keeps.
Kept = tuple[list[SiteNode], list[SiteNode]]


def _name_keys(nodes: list[SiteNode]) -> list[str]:
    return [node.name.casefold() for node in nodes]


def _ordered(nodes: list[SiteNode], keys: Keys, reverse: bool) -> list[SiteNode]:
    """``nodes`` stably sorted by their keys (one C-level sort; equal keys keep their order)."""
    values = keys(nodes)
    return list(map(nodes.__getitem__, sorted(range(len(nodes)), key=values.__getitem__, reverse=reverse)))


_PARENT = attrgetter("parent")
_RANK = attrgetter("rank")


@dataclass(eq=False)
class SiteForest:
    """Every row of one host's Sites tree, found by target, with the latest check of each.

    The forest also holds what the tree shows: the sites the filter keeps, in the order of the
    column sorted by, and under each the rows it keeps, listed when the view first asks for them.
    Sorting and filtering are a few C-level passes over two flat lists (the sites, and every row
    below them), never a Python call per row from Qt: at 20,000 sites a filter proxy's
    ``filterAcceptsRow``, ``lessThan`` and re-mapping took 300 ms per sort.
    """

    sites: list[SiteNode] = field(default_factory=list)
    by_target: dict[str, SiteNode] = field(default_factory=dict)
    checks: dict[str, CheckResult] = field(default_factory=dict)
    order: Order | None = None
    # Every application and virtual directory, in the current order (each parent's in sequence).
    below: list[SiteNode] = field(default_factory=list)
    # What the tree shows: the sites kept by the filter, and the rows below kept by it.
    shown: list[SiteNode] = field(default_factory=list)
    shown_below: list[SiteNode] = field(default_factory=list)
    needle: str = ""
    # The rows below that are kept (None: all), the rows with a kept row under them, and the
    # parents listed in this generation.
    _kept: set[SiteNode] | None = None
    _with_children: set[SiteNode] = field(default_factory=set)
    _generation: int = 0
    listed: list[SiteNode] = field(default_factory=list)

    def nodes(self) -> Iterator[SiteNode]:
        stack = list(self.sites)
        while stack:
            node = stack.pop()
            yield node
            stack.extend(node.children)

    def check_for(self, target: str) -> CheckResult | None:
        return self.checks.get(target.casefold())

    def record(self, check: CheckResult) -> None:
        self.checks[str(check.target).casefold()] = check

    def sort(self, keys: Keys, order: Order, *, again: bool = False) -> None:
        """Put every level of the tree in ``order`` by ``keys`` (unless it is so and not ``again``).

        The shown rows are renumbered to match.
        """
        if again or order != self.order:
            self.sites = _ordered(self.sites, keys, order[1])
            # One sort of every row below the sites orders each parent's rows too.
            self.below = _ordered(self.below, keys, order[1])
            for rank, node in enumerate(self.below):
                node.rank = rank
            self.order = order
            self.show(self.needle)

    def kept(self, text: str) -> Kept:
        """The sites, and the rows below them, that hold ``text`` (any case) in their subtree's text.

        A row's search text holds its subtree's, so a kept row's parent is always kept: these two
        lists alone say what the tree shows, and comparing them (by identity, in C) says whether a
        keystroke changed it.
        """
        needle = text.casefold()
        if not needle:
            return self.sites, self.below
        return [n for n in self.sites if needle in n.search], [n for n in self.below if needle in n.search]

    def show(self, text: str, kept: Kept | None = None) -> None:
        """Show the rows ``kept`` by ``text`` (worked out if not given), renumbering the sites."""
        self.needle = text.casefold()
        sites, below = kept if kept is not None else self.kept(text)
        self.shown, self.shown_below = sites, below
        self._kept = set(below) if self.needle else None
        self._with_children = set(map(_PARENT, below))
        # Each parent's rows are listed again when next asked for.
        self._generation += 1
        self.listed = []
        for row, node in enumerate(sites):
            node.row = row

    def has_shown_children(self, node: SiteNode) -> bool:
        return node in self._with_children

    def children_shown(self, node: SiteNode) -> Sequence[SiteNode]:
        """The rows the tree shows under ``node``, in order, each numbered."""
        if node.listed != self._generation:
            kept = self._kept
            rows = node.children if kept is None else [child for child in node.children if child in kept]
            rows = sorted(rows, key=_RANK)
            for row, child in enumerate(rows):
                child.row = row
            node.shown, node.listed = rows, self._generation
            self.listed.append(node)
        return node.shown

    def row_of(self, node: SiteNode) -> int:
        """The row of a shown ``node`` among its shown siblings."""
        if node.parent is not None:
            self.children_shown(node.parent)
        return node.row

    def is_shown(self, node: SiteNode) -> bool:
        """Whether the tree shows ``node``."""
        if node.parent is None:
            return node.row < len(self.shown) and self.shown[node.row] is node
        return self._kept is None or node in self._kept


def site_forest(inventory: Inventory, checks: list[CheckResult]) -> SiteForest:
    """The tree of ``inventory`` sorted by name, with ``checks`` attached, every row shown."""
    forest = SiteForest(_site_nodes(inventory))
    for site in forest.sites:
        _fill_search(site)
    forest.by_target = {node.target.casefold(): node for node in forest.nodes()}
    forest.below = [node for site in forest.sites for node in _below(site)]
    for check in checks:
        forest.record(check)
    forest.sort(_name_keys, BY_NAME)
    return forest
