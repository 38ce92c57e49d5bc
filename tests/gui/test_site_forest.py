"""The Sites tree's rows without Qt: what the filter keeps and the order a sort leaves them in.

The model shows exactly what the forest says (the view asks it row by row), so
these pin the forest's answers: a match keeps its parents and only the matching
rows under them, every level sorted by the column, rows numbered as shown.
"""

from __future__ import annotations

from gui.site_nodes import BY_NAME, NodeKind, SiteForest, SiteNode, _below, _fill_search


def _node(kind: NodeKind, name: str, path: str, pool: str = "") -> SiteNode:
    return SiteNode(kind, name, name, "", "", pool, path)


def _forest() -> SiteForest:
    """Two sites: Beta with apps "shop" (directory "img") and "Api"; alpha with a directory "img"."""
    beta = _node(NodeKind.SITE, "Beta", r"D:\b")
    shop = _node(NodeKind.APPLICATION, "shop", r"D:\b\shop", pool="ShopPool")
    shop.add(_node(NodeKind.VIRTUAL_DIRECTORY, "img", r"E:\images"))
    beta.add(shop)
    beta.add(_node(NodeKind.APPLICATION, "Api", r"D:\b\api", pool="ApiPool"))
    alpha = _node(NodeKind.SITE, "alpha", r"D:\a")
    alpha.add(_node(NodeKind.VIRTUAL_DIRECTORY, "img", r"E:\a-images"))
    forest = SiteForest([beta, alpha])
    for site in forest.sites:
        _fill_search(site)
    forest.by_target = {node.target: node for node in forest.nodes()}
    forest.below = [node for site in forest.sites for node in _below(site)]
    forest.sort(lambda nodes: [node.name.casefold() for node in nodes], BY_NAME)
    return forest


def _tree(forest: SiteForest, nodes: list[SiteNode] | None = None) -> list[object]:
    """What the tree shows: each row's name, with the rows under it when there are any."""
    shown = forest.shown if nodes is None else nodes
    out: list[object] = []
    for row, node in enumerate(shown):
        assert node.row == row and forest.is_shown(node)
        below = list(forest.children_shown(node))
        assert forest.has_shown_children(node) == bool(below)
        out.append((node.name, _tree(forest, below)) if below else node.name)
    return out


def test_every_level_is_sorted_by_name_ignoring_case() -> None:
    forest = _forest()
    assert _tree(forest) == [("alpha", ["img"]), ("Beta", ["Api", ("shop", ["img"])])]


def test_a_match_keeps_its_parents_and_only_the_matching_rows_under_them() -> None:
    forest = _forest()
    # The pool matches the application only: the directory under it does not hold it.
    forest.show("shoppool")
    assert _tree(forest) == [("Beta", ["shop"])]
    forest.show("IMAGES")
    assert _tree(forest) == [("alpha", ["img"]), ("Beta", [("shop", ["img"])])]
    api = forest.by_target["Api"]
    assert not forest.is_shown(api)
    forest.show("nothing")
    assert _tree(forest) == [] and not forest.is_shown(forest.by_target["alpha"])
    forest.show("")
    assert _tree(forest) == [("alpha", ["img"]), ("Beta", ["Api", ("shop", ["img"])])]


def test_the_rows_kept_are_the_same_lists_when_a_keystroke_changes_nothing() -> None:
    forest = _forest()
    forest.show("d:")
    before = (forest.shown, forest.shown_below)
    # Every row holds "d:" or has a row under it that does; "d:\" keeps the same rows.
    assert forest.kept("D:\\") == before
    assert forest.kept("d:\\b") != before


def test_sorting_descending_reorders_every_level_and_keeps_the_filter() -> None:
    forest = _forest()
    forest.show("img")
    forest.sort(lambda nodes: [node.physical_path.casefold() for node in nodes], (5, True), again=True)
    assert _tree(forest) == [("Beta", [("shop", ["img"])]), ("alpha", ["img"])]
    assert forest.row_of(forest.by_target["Beta"]) == 0
    forest.show("")
    assert _tree(forest) == [("Beta", [("shop", ["img"]), "Api"]), ("alpha", ["img"])]


def test_a_row_is_numbered_among_its_shown_siblings_whether_or_not_its_parent_was_listed() -> None:
    forest = _forest()
    forest.show("d:\\b\\")
    shop, api = forest.by_target["shop"], forest.by_target["Api"]
    assert (forest.row_of(shop), forest.row_of(api)) == (1, 0)
    forest.show("shop")
    assert forest.row_of(shop) == 0 and not forest.is_shown(api)
