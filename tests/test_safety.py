"""Safety rules: folders a grant must never touch, compared the Windows way."""

from __future__ import annotations

import pytest

from bridge.model import ServerFacts
from bridge.safety import (
    iis_iusrs_modify_warning,
    is_unc,
    is_within,
    normalize,
    refusal_for,
    same_path,
)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("C:\\inetpub\\wwwroot", "c:/INETPUB/wwwroot/"),
        ("C:\\", "c:"),
        ("\\\\?\\C:\\Sites", "C:\\sites\\"),
        ("\\\\?\\UNC\\fs\\web", "\\\\FS\\web"),
        ("\\\\.\\C:\\Sites", "C:\\Sites"),
        ("C:\\sites\\.\\shop\\", "c:\\sites\\shop"),
        ("C:\\\\sites\\\\shop", "c:\\sites\\shop"),
        ("C:\\sites\\old\\..\\shop", "c:\\sites\\shop"),
        ("C:\\..\\..\\sites", "c:\\sites"),
        ("\\\\fs\\web\\..\\..\\x", "\\\\fs\\web\\x"),
        ("C:\\sites.\\shop. ", "c:\\sites\\shop"),
    ],
)
def test_windows_path_comparison(left: str, right: str) -> None:
    assert same_path(left, right)


def test_is_within_respects_segment_boundaries() -> None:
    assert is_within("C:\\Windows\\System32", "c:/windows/")
    assert is_within("C:\\Windows", "C:\\Windows")
    assert not is_within("C:\\WindowsApps-sites", "C:\\Windows")
    assert normalize("D:/Sites/Shop/") == "d:\\sites\\shop"


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("C:\\", "drive-root"),
        ("d:/", "drive-root"),
        ("E:", "drive-root"),
        ("C:\\Windows", "windows-dir"),
        ("c:/windows/system32/inetsrv", "windows-dir"),
        ("C:\\Program Files", "program-files"),
        ("C:\\Program Files\\App\\web", "program-files"),
        ("C:\\Program Files (x86)\\Legacy", "program-files"),
        ("C:\\ProgramData", "program-data"),
        ("C:\\ProgramData\\Site", "program-data"),
        ("C:\\Users", "user-profile"),
        ("C:\\Users\\alice\\", "user-profile"),
        ("\\\\fileserver\\web\\site", "unc"),
        ("//fileserver/web", "unc"),
        ("sites\\shop", "not-absolute"),
        ("C:sites", "not-absolute"),
        # Spellings that Windows resolves to a protected folder.
        ("C:\\inetpub\\..\\Windows\\Temp", "windows-dir"),
        ("C:\\\\Windows\\\\System32", "windows-dir"),
        ("C:\\Windows.\\System32", "windows-dir"),
        ("C:\\Windows \\", "windows-dir"),
        ("\\\\.\\C:\\Windows", "windows-dir"),
        ("\\\\?\\C:\\Program Files\\App", "program-files"),
        ("C:\\Users\\alice\\..\\bob", "user-profile"),
        ("C:\\inetpub\\..\\..\\", "drive-root"),
        ("\\\\?\\UNC\\fs\\web", "unc"),
        # Windows folders unknown: a Windows folder at any drive's root.
        ("D:\\Windows", "windows-dir"),
        ("e:/windows/system32", "windows-dir"),
        # Folders every volume may hold, on any drive.
        ("C:\\System Volume Information", "system-folder"),
        ("D:\\$Recycle.Bin\\S-1-5-21-1", "system-folder"),
        ("E:\\Recovery", "system-folder"),
        ("C:\\Boot\\en-US", "system-folder"),
        ("C:\\inetpub", "inetpub-root"),
        ("c:/inetpub/", "inetpub-root"),
        # Spellings only the host can resolve.
        ("C:\\PROGRA~1\\App", "unresolved"),
        ("C:\\Windows::$INDEX_ALLOCATION", "unresolved"),
    ],
)
def test_refused_paths(path: str, code: str) -> None:
    refusal = refusal_for(path)
    assert refusal is not None
    assert refusal.code == code
    assert path in refusal.describe()


def test_unc_refusal_explains_why() -> None:
    refusal = refusal_for("\\\\fs\\web")
    assert refusal is not None
    assert "file server" in refusal.describe()
    assert is_unc("\\\\fs\\web") and not is_unc("C:\\fs")


@pytest.mark.parametrize(
    "path",
    [
        "C:\\inetpub\\wwwroot",
        "D:\\Sites\\Shop",
        "C:\\Users\\alice\\sites\\blog",
        "C:\\WindowsSites",
        "D:\\Sites\\Windows\\app",
        "D:\\Program Files\\site",
        "C:\\inetpub\\sites",
        "D:\\inetpub",
        "C:\\Program Files Sites",
        "C:\\inetpub\\wwwroot\\..\\sites\\shop",
        "D:\\Sites\\v1.2",
    ],
)
def test_allowed_paths(path: str) -> None:
    assert refusal_for(path) is None


WINDOWS_ON_D = ServerFacts(
    computer_name="WEB01",
    windows_version="10.0.20348",
    windows_caption="Windows Server 2022",
    iis_version="10.0",
    ps_version="5.1",
    elevated=True,
    web_administration=True,
    windir="D:\\Windows",
    system_drive="D:",
    program_files="D:\\Program Files",
    program_files_x86="D:\\Program Files (x86)",
    program_data="D:\\ProgramData",
    profiles_directory="E:\\Profiles",
)


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("D:\\Windows\\System32", "windows-dir"),
        ("D:\\Program Files (x86)\\App", "program-files"),
        ("D:\\ProgramData\\x", "program-data"),
        ("E:\\Profiles", "user-profile"),
        ("E:\\Profiles\\alice", "user-profile"),
        ("D:\\inetpub", "inetpub-root"),
        ("C:\\System Volume Information", "system-folder"),
        ("C:\\Windows", None),
        ("C:\\Program Files\\Old", None),
        ("C:\\Users\\alice", None),
        ("C:\\inetpub", None),
        ("E:\\Profiles\\alice\\sites\\blog", None),
    ],
)
def test_the_servers_reported_folders_decide(path: str, code: str | None) -> None:
    refusal = refusal_for(path, server=WINDOWS_ON_D)
    assert (refusal.code if refusal else None) == code


def test_a_windows_directory_exception_allows_only_the_folder_given() -> None:
    temporary = "D:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\Temporary ASP.NET Files"
    allowed = refusal_for(temporary + "\\root", server=WINDOWS_ON_D, allowed_under_windir=[temporary])
    assert allowed is None
    sibling = refusal_for(temporary + "-x", server=WINDOWS_ON_D, allowed_under_windir=[temporary])
    assert sibling is not None and sibling.code == "windows-dir"
    parent = refusal_for("D:\\Windows\\Microsoft.NET", server=WINDOWS_ON_D, allowed_under_windir=[temporary])
    assert parent is not None and parent.code == "windows-dir"


def test_the_targets_windows_directory_is_used_when_known() -> None:
    windows = refusal_for("D:\\Windows\\Temp", windir="D:\\WINDOWS")
    assert windows is not None and windows.code == "windows-dir"
    program_files = refusal_for("D:\\Program Files\\x", windir="D:\\Windows")
    assert program_files is not None and program_files.code == "program-files"
    assert refusal_for("C:\\Windows\\x", windir="D:\\Windows") is None


def test_iis_iusrs_warning_names_the_least_privilege_alternative() -> None:
    warning = iis_iusrs_modify_warning("D:\\Sites\\Shop\\", host="web01", pool_account="IIS AppPool\\Shop")
    text = warning.describe()
    assert warning.code == "iis-iusrs-modify-site-root"
    assert "every application pool on web01" in text
    assert "IIS AppPool\\Shop" in text
    assert "D:\\Sites\\Shop\\App_Data" in text and "D:\\Sites\\Shop\\uploads" in text
