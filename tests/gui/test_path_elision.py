"""Paths are shortened a folder at a time, keeping the drive or share and the last folder."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from gui.path_elision import elide_path


def _fits(limit: int) -> Callable[[str], bool]:
    return lambda text: len(text) <= limit


@pytest.mark.parametrize(
    ("path", "limit", "shown"),
    [
        (r"D:\Sites\ContosoShop\uploads", 40, r"D:\Sites\ContosoShop\uploads"),
        (r"D:\Sites\ContosoShop\uploads", 20, r"D:\…\uploads"),
        (r"D:\Sites\ContosoShop\media\uploads", 26, r"D:\…\media\uploads"),
        (r"\\fileserver\share\Contoso\media", 28, r"\\fileserver\share\…\media"),
        (r"%SystemDrive%\inetpub\wwwroot", 24, r"%SystemDrive%\…\wwwroot"),
        (r"D:\a-very-long-folder-name", 5, r"D:\a-very-long-folder-name"),
        (r"D:\Sites\ContosoShop\uploads", 3, r"D:\…\uploads"),
    ],
)
def test_elide_path(path: str, limit: int, shown: str) -> None:
    assert elide_path(path, _fits(limit)) == shown
