"""Scenario folders for end-to-end tests, written in the lab's format in a temporary directory."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = "O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICIIO;GA;;;CO)(A;OICI;0x1200a9;;;BU)"
INHERITING = "O:BAG:SYD:AI(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)(A;OICIIOID;GA;;;CO)(A;OICIID;0x1200a9;;;BU)"
# Users removed: nothing reaches IUSR or the pool until someone grants it.
LOCKED = "O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)"

SHOP = "D:\\Sites\\Shop"
HOSTILE_NAME = 'O\'Brien "q" `b` $(calc); a&b\nÜmlaut-ñ'
HOSTILE_SITE = "Hostile"
HOSTILE_PATH = "D:\\Sites\\" + HOSTILE_NAME
# Windows forbids '"' and control characters in file names, so the planner refuses them in a subpath.
HOSTILE_SUBPATH = "up'lo`ads $(x); &ß-ñ"


def _write_server(
    folder: Path,
    pools: tuple[str, ...],
    sites: list[tuple[str, str, str]],
    paths: dict[str, tuple[str, str]],
    applications: dict[str, list[tuple[str, str]]] | None = None,
) -> Path:
    """A lab scenario: ``sites`` as (name, pool, folder), extra ``applications`` per site as (path,
    folder) in the site's pool, anonymous access as IUSR, and ``paths`` as (type, SDDL)."""
    folder.mkdir(parents=True, exist_ok=True)
    configuration = ET.Element("configuration")
    host = ET.SubElement(configuration, "system.applicationHost")
    pool_list = ET.SubElement(host, "applicationPools")
    for name in pools:
        ET.SubElement(pool_list, "add", name=name)
    site_list = ET.SubElement(host, "sites")
    for site_id, (name, pool, path) in enumerate(sites, start=1):
        site = ET.SubElement(site_list, "site", name=name, id=str(site_id))
        for application_path, physical in [("/", path), *(applications or {}).get(name, [])]:
            application = ET.SubElement(site, "application", path=application_path, applicationPool=pool)
            ET.SubElement(application, "virtualDirectory", path="/", physicalPath=physical)
        bindings = ET.SubElement(site, "bindings")
        ET.SubElement(bindings, "binding", protocol="http", bindingInformation=f"*:{8000 + site_id}:")
    web = ET.SubElement(configuration, "system.webServer")
    anonymous = ET.SubElement(ET.SubElement(web, "security"), "authentication")
    ET.SubElement(anonymous, "anonymousAuthentication", enabled="true", userName="IUSR")
    ET.ElementTree(configuration).write(
        folder / "applicationHost.config", encoding="utf-8", xml_declaration=True
    )
    listing = {"paths": {path: {"type": kind, "sddl": sddl} for path, (kind, sddl) in paths.items()}}
    (folder / "filesystem.json").write_text(
        json.dumps(listing, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return folder


def write_scenario(folder: Path) -> Path:
    """Two sites: Shop (with an uploads folder and a locked private app) and one with a hostile path."""
    paths = {
        "D:\\Sites": ("directory", ROOT),
        SHOP: ("directory", INHERITING),
        SHOP + "\\web.config": ("file", "O:BAG:SYD:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)(A;ID;0x1200a9;;;BU)"),
        SHOP + "\\uploads": ("directory", INHERITING),
        SHOP + "\\private": ("directory", LOCKED),
        HOSTILE_PATH: ("directory", LOCKED),
        HOSTILE_PATH + "\\" + HOSTILE_SUBPATH: ("directory", LOCKED),
    }
    sites = [("Shop", "ShopPool", SHOP), (HOSTILE_SITE, "DefaultAppPool", HOSTILE_PATH)]
    private = {"Shop": [("/private", SHOP + "\\private")]}
    return _write_server(folder, ("DefaultAppPool", "ShopPool"), sites, paths, private)


# IIS_IUSRS may read, Users may not: only a worker that carries IIS_IUSRS gets in.
GROUP_ONLY = "O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;IS)"
# A stored member no account stands for any more: the server cannot name it.
ORPHAN = "S-1-5-21-1111111111-2222222222-3333333333-1099"


def write_manual_scenario(folder: Path, machine: dict[str, object]) -> Path:
    """The e2e scenario plus two manualGroupMembership pools, each with a site IIS_IUSRS may read:
    Unlisted (its identity is not a stored member) and Listed (it is)."""
    write_scenario(folder)
    config = ET.parse(folder / "applicationHost.config")  # noqa: S314 - written just above by the test
    host = config.getroot().find("system.applicationHost")
    assert host is not None
    pools, sites = host.find("applicationPools"), host.find("sites")
    assert pools is not None and sites is not None
    listing = json.loads((folder / "filesystem.json").read_text(encoding="utf-8"))
    for site_id, name in enumerate(("Unlisted", "Listed"), start=10):
        pool = ET.SubElement(pools, "add", name=name)
        ET.SubElement(pool, "processModel", manualGroupMembership="true")
        site = ET.SubElement(sites, "site", name=name, id=str(site_id))
        application = ET.SubElement(site, "application", path="/", applicationPool=name)
        ET.SubElement(application, "virtualDirectory", path="/", physicalPath=f"D:\\Sites\\{name}")
        listing["paths"][f"D:\\Sites\\{name}"] = {"type": "directory", "sddl": GROUP_ONLY}
    config.write(folder / "applicationHost.config", encoding="utf-8", xml_declaration=True)
    (folder / "filesystem.json").write_text(json.dumps(listing), encoding="utf-8")
    (folder / "machine.json").write_text(json.dumps(machine, ensure_ascii=False), encoding="utf-8")
    return folder


EVERYONE = "S-1-1-0"
OPEN = "D:\\Sites\\Open"
BROAD = "D:\\Broad"
NEEDY = "D:\\Sites\\Needy"
# Everyone may do anything in Open; Broad gives Everyone Modify, which its site folder inherits;
# in Needy, Everyone's entry is the only one through which IUSR and the pool may read.
EXCESS_PATHS = {
    "D:\\Sites": ROOT,
    OPEN: "O:BAG:SYD:AI(A;OICI;FA;;;WD)" + INHERITING.removeprefix("O:BAG:SYD:AI"),
    BROAD: "O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1301bf;;;WD)",
    BROAD + "\\Site": "O:BAG:SYD:AI(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)(A;OICIID;0x1301bf;;;WD)",
    NEEDY: "O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1301bf;;;WD)",
}


def write_excess_scenario(folder: Path) -> Path:
    """Three sites where Everyone has too much: explicit (Open), inherited (Inherits), needed (Needy)."""
    sites = [
        ("Open", "SitePool", OPEN),
        ("Inherits", "SitePool", BROAD + "\\Site"),
        ("Needy", "SitePool", NEEDY),
    ]
    paths = {path: ("directory", sddl) for path, sddl in EXCESS_PATHS.items()}
    return _write_server(folder, ("SitePool",), sites, paths)
