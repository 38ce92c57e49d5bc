"""The rows of the Sites tree as plain Python objects, built off the GUI thread.

A server with 1,000 sites has 3,000 rows; turning its inventory into rows,
indexing them by target, sorting them and preparing each row's filter text
takes longer than the GUI thread may stall, so the worker that reads the
inventory builds a SiteForest and the model only adopts it. Nothing here
touches Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from bridge.model import Inventory, Target
from bridge.needs import CheckResult


class NodeKind(str, Enum):
    SITE = "site"
    APPLICATION = "application"
    VIRTUAL_DIRECTORY = "virtual-directory"


@dataclass(eq=False)
class SiteNode:
    kind: NodeKind
    name: str
    target: str
    state: str
    bindings: str
    pool: str
    physical_path: str
    parent: SiteNode | None = None
    children: list[SiteNode] = field(default_factory=list)
    row: int = 0
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


def _fill_search(node: SiteNode) -> str:
    node.search = "\n".join([node.own_search(), *(_fill_search(child) for child in node.children)])
    return node.search


def _sort_siblings(nodes: list[SiteNode], key: Callable[[SiteNode], Any], reverse: bool) -> None:
    nodes.sort(key=key, reverse=reverse)
    for row, node in enumerate(nodes):
        node.row = row
        if node.children:
            _sort_siblings(node.children, key, reverse)


# An order of the rows: the column sorted by and whether descending. The tree opens sorted by name.
Order = tuple[int, bool]
BY_NAME: Order = (0, False)


def _name_key(node: SiteNode) -> str:
    return node.name.casefold()


@dataclass(eq=False)
class SiteForest:
    """Every row of one host's Sites tree, found by target, with the latest check of each."""

    sites: list[SiteNode] = field(default_factory=list)
    by_target: dict[str, SiteNode] = field(default_factory=dict)
    checks: dict[str, CheckResult] = field(default_factory=dict)
    order: Order | None = None

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

    def sort(self, key: Callable[[SiteNode], Any], order: Order, *, again: bool = False) -> None:
        """Put every level of the tree in ``order`` by ``key`` (unless it is so and not ``again``).

        Rows are renumbered to match.
        """
        if again or order != self.order:
            _sort_siblings(self.sites, key, reverse=order[1])
            self.order = order


def site_forest(inventory: Inventory, checks: list[CheckResult]) -> SiteForest:
    """The tree of ``inventory`` sorted by name, with ``checks`` attached."""
    forest = SiteForest(_site_nodes(inventory))
    for site in forest.sites:
        _fill_search(site)
    forest.by_target = {node.target.casefold(): node for node in forest.nodes()}
    for check in checks:
        forest.record(check)
    forest.sort(_name_key, BY_NAME)
    return forest
