"""Safety rules: folders a grant must never touch, compared the Windows way."""

from __future__ import annotations

import pytest

from bridge import sids
from bridge.model import AppPool, ServerFacts
from bridge.safety import (
    broad_grant_warning,
    iis_iusrs_modify_warning,
    is_unc,
    is_within,
    normalize,
    refusal_for,
    same_path,
    temporary_aspnet_exception,
    temporary_aspnet_folder,
)
from bridge.sids import IdentityType


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
    assert refusal_for(temporary, server=WINDOWS_ON_D, allowed_under_windir=[temporary]) is None
    spelled = "d:/windows/microsoft.net/framework64/v4.0.30319/temporary asp.net files/"
    assert refusal_for(spelled, server=WINDOWS_ON_D, allowed_under_windir=[temporary]) is None
    assert refusal_for(temporary, server=WINDOWS_ON_D) is not None
    for path in (temporary + "\\root", temporary + "-x", "D:\\Windows\\Microsoft.NET"):
        refusal = refusal_for(path, server=WINDOWS_ON_D, allowed_under_windir=[temporary])
        assert refusal is not None and refusal.code == "windows-dir", path


def _pool(name: str, runtime: str, *, enable_32bit: bool = False) -> AppPool:
    identity = IdentityType.APPLICATION_POOL_IDENTITY
    return AppPool(name, "Started", identity, None, None, runtime, "Integrated", enable_32bit=enable_32bit)


@pytest.mark.parametrize(
    ("runtime", "enable_32bit", "folder"),
    [
        ("v4.0", False, "D:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\Temporary ASP.NET Files"),
        ("v4.0", True, "D:\\Windows\\Microsoft.NET\\Framework\\v4.0.30319\\Temporary ASP.NET Files"),
        ("v2.0", False, "D:\\Windows\\Microsoft.NET\\Framework64\\v2.0.50727\\Temporary ASP.NET Files"),
        ("V2.0", True, "D:\\Windows\\Microsoft.NET\\Framework\\v2.0.50727\\Temporary ASP.NET Files"),
        ("", False, None),
        ("v1.1", False, None),
    ],
)
def test_the_temporary_aspnet_folder_of_a_pool(runtime: str, enable_32bit: bool, folder: str | None) -> None:
    pool = _pool("Shop", runtime, enable_32bit=enable_32bit)
    assert temporary_aspnet_folder(pool, "D:\\Windows\\") == folder


def test_the_temporary_aspnet_folder_needs_the_windows_directory_and_knows_32_bit_windows() -> None:
    pool = _pool("Shop", "v4.0")
    assert temporary_aspnet_folder(pool, None) is None
    assert temporary_aspnet_folder(pool, "C:\\Windows", os_64bit=False) == (
        "C:\\Windows\\Microsoft.NET\\Framework\\v4.0.30319\\Temporary ASP.NET Files"
    )


def test_the_exception_is_modify_for_a_pool_on_its_own_folder_or_iis_iusrs_on_any_pools() -> None:
    shop, legacy, static = (
        _pool("Shop", "v4.0"),
        _pool("Legacy", "v2.0", enable_32bit=True),
        _pool("Static", ""),
    )
    pools = (shop, legacy, static)
    shop_folder, legacy_folder = (temporary_aspnet_folder(pool, "D:\\Windows") for pool in (shop, legacy))
    windir = "D:\\Windows"
    assert temporary_aspnet_exception(shop.sid, "Modify", pools=pools, windir=windir) == (shop_folder,)
    assert temporary_aspnet_exception(legacy.sid, "Modify", pools=pools, windir=windir) == (legacy_folder,)
    assert temporary_aspnet_exception(static.sid, "Modify", pools=pools, windir=windir) == ()
    assert temporary_aspnet_exception(sids.IIS_IUSRS, "Modify", pools=pools, windir=windir) == (
        shop_folder,
        legacy_folder,
    )
    for sid in (sids.IUSR, sids.EVERYONE, sids.AUTHENTICATED_USERS, sids.USERS, sids.app_pool_sid("Gone")):
        assert temporary_aspnet_exception(sid, "Modify", pools=pools, windir=windir) == (), sid
    for sid in (shop.sid, sids.IIS_IUSRS):
        assert temporary_aspnet_exception(sid, "ReadAndExecute", pools=pools, windir=windir) == ()
        assert temporary_aspnet_exception(sid, "FullControl", pools=pools, windir=windir) == ()
    assert temporary_aspnet_exception(shop.sid, "Modify", pools=pools, windir=None) == ()


def test_a_grant_to_authenticated_users_or_everyone_is_called_broad() -> None:
    authenticated = broad_grant_warning(sids.AUTHENTICATED_USERS, "D:\\Sites\\Shop\\", "Read & execute")
    assert authenticated is not None and authenticated.code == "broad-authenticated-users"
    assert "every user of the domain" in authenticated.describe()
    assert "Read & execute on D:\\Sites\\Shop." in authenticated.describe()
    everyone = broad_grant_warning(sids.EVERYONE, "D:\\Sites\\Shop", "Modify")
    assert everyone is not None and everyone.code == "broad-everyone"
    for sid in (sids.IUSR, sids.IIS_IUSRS, sids.USERS, "S-1-5-21-1-2-3-1107"):
        assert broad_grant_warning(sid, "D:\\Sites\\Shop", "Modify") is None


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
