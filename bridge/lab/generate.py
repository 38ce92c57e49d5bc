"""Generate large scenarios for benchmarks: N sites, their applications, pools and folders.

The applicationHost.config carries the full server-level boilerplate a real IIS
10 file has (section declarations, modules, handlers, MIME map, request
filtering), so even a small generated server has a realistic 80 KB+ file.
"""

from __future__ import annotations

import json
import mimetypes
import random
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import quoteattr

from bridge import sddl, sids
from bridge.lab.ntfs import inherited_aces
from bridge.lab.scenario import APPHOST_FILE, FILESYSTEM_FILE, MACHINE_FILE

_IDENTITY_TYPES = ("ApplicationPoolIdentity", "ApplicationPoolIdentity", "NetworkService", "LocalService")

_SECTIONS: dict[str, tuple[str, ...]] = {
    "system.applicationHost": (
        "applicationPools",
        "configHistory",
        "customMetadata",
        "listenerAdapters",
        "log",
        "sites",
        "webLimits",
    ),
    "system.webServer": (
        "asp",
        "caching",
        "cgi",
        "defaultDocument",
        "directoryBrowse",
        "fastCgi",
        "globalModules",
        "handlers",
        "httpCompression",
        "httpErrors",
        "httpLogging",
        "httpProtocol",
        "httpRedirect",
        "httpTracing",
        "isapiFilters",
        "modules",
        "applicationInitialization",
        "odbcLogging",
        "serverRuntime",
        "serverSideInclude",
        "staticContent",
        "tracing",
        "urlCompression",
        "validation",
        "webSocket",
    ),
    "system.webServer/security": (
        "access",
        "applicationDependencies",
        "authorization",
        "ipSecurity",
        "isapiCgiRestriction",
        "requestFiltering",
    ),
    "system.webServer/security/authentication": (
        "anonymousAuthentication",
        "basicAuthentication",
        "clientCertificateMappingAuthentication",
        "digestAuthentication",
        "iisClientCertificateMappingAuthentication",
        "windowsAuthentication",
    ),
}

_MODULES = (
    ("HttpLoggingModule", "loghttp.dll"),
    ("UriCacheModule", "cachuri.dll"),
    ("FileCacheModule", "cachfile.dll"),
    ("TokenCacheModule", "cachtokn.dll"),
    ("HttpCacheModule", "cachhttp.dll"),
    ("StaticCompressionModule", "compstat.dll"),
    ("DefaultDocumentModule", "defdoc.dll"),
    ("DirectoryListingModule", "dirlist.dll"),
    ("ProtocolSupportModule", "protsup.dll"),
    ("StaticFileModule", "static.dll"),
    ("AnonymousAuthenticationModule", "authanon.dll"),
    ("RequestFilteringModule", "modrqflt.dll"),
    ("CustomErrorModule", "custerr.dll"),
    ("WindowsAuthenticationModule", "authsspi.dll"),
    ("IsapiModule", "isapi.dll"),
    ("IsapiFilterModule", "filter.dll"),
    ("ConfigurationValidationModule", "validcfg.dll"),
    ("ManagedEngineV4.0_32bit", "webengine4.dll"),
    ("ManagedEngineV4.0_64bit", "webengine4.dll"),
    ("ApplicationInitializationModule", "warmup.dll"),
    ("WebSocketModule", "iiswsock.dll"),
    ("RewriteModule", "rewrite.dll"),
    ("HttpRedirectionModule", "redirect.dll"),
    ("ServerSideIncludeModule", "iis_ssi.dll"),
    ("CgiModule", "cgi.dll"),
    ("FastCgiModule", "iisfcgi.dll"),
    ("BasicAuthenticationModule", "authbas.dll"),
    ("DigestAuthenticationModule", "authmd5.dll"),
    ("CertificateMappingAuthenticationModule", "authcert.dll"),
    ("IISCertificateMappingAuthenticationModule", "authmap.dll"),
    ("UrlAuthorizationModule", "urlauthz.dll"),
    ("IpRestrictionModule", "iprestr.dll"),
    ("DynamicIpRestrictionModule", "diprestr.dll"),
    ("DynamicCompressionModule", "compdyn.dll"),
    ("FailedRequestsTracingModule", "iisfreb.dll"),
    ("RequestMonitorModule", "iisreqs.dll"),
    ("CustomLoggingModule", "logcust.dll"),
    ("TracingModule", "iisetw.dll"),
    ("WebDAVModule", "webdav.dll"),
)

_MANAGED_MODULES = (
    ("OutputCache", "System.Web.Caching.OutputCacheModule"),
    ("Session", "System.Web.SessionState.SessionStateModule"),
    ("WindowsAuthentication", "System.Web.Security.WindowsAuthenticationModule"),
    ("FormsAuthentication", "System.Web.Security.FormsAuthenticationModule"),
    ("DefaultAuthentication", "System.Web.Security.DefaultAuthenticationModule"),
    ("RoleManager", "System.Web.Security.RoleManagerModule"),
    ("UrlAuthorization", "System.Web.Security.UrlAuthorizationModule"),
    ("FileAuthorization", "System.Web.Security.FileAuthorizationModule"),
    ("AnonymousIdentification", "System.Web.Security.AnonymousIdentificationModule"),
    ("Profile", "System.Web.Profile.ProfileModule"),
    ("UrlMappingsModule", "System.Web.UrlMappingsModule"),
    ("ConfigurationValidationModule", "System.Web.Configuration.ConfigurationValidationModule"),
    ("UrlRoutingModule-4.0", "System.Web.Routing.UrlRoutingModule"),
    ("ScriptModule-4.0", "System.Web.Handlers.ScriptModule"),
)
_SYSTEM_WEB = ", System.Web, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a"

_HANDLER_EXTENSIONS = (
    "aspx",
    "ashx",
    "asmx",
    "axd",
    "rem",
    "soap",
    "svc",
    "xamlx",
    "rules",
    "xoml",
    "cshtml",
    "vbhtml",
    "asax",
    "ascx",
    "master",
    "skin",
    "browser",
    "sitemap",
    "cs",
    "vb",
)

_DENIED_EXTENSIONS = (
    "asa",
    "asax",
    "ascx",
    "master",
    "skin",
    "browser",
    "sitemap",
    "config",
    "cs",
    "csproj",
    "vb",
    "vbproj",
    "webinfo",
    "licx",
    "resx",
    "resources",
    "mdb",
    "vjsproj",
    "java",
    "jsl",
    "ldb",
    "dsdgm",
    "ssdgm",
    "lsad",
    "ssmap",
    "cd",
    "dsprototype",
    "lsaprototype",
    "sdm",
    "sdmDocument",
    "mdf",
    "ldf",
    "ad",
    "dd",
    "ldd",
    "sd",
    "adprototype",
    "lddprototype",
    "exclude",
    "refresh",
    "compiled",
    "msgx",
    "vsdisco",
    "rules",
)

_HIDDEN_SEGMENTS = (
    "web.config",
    "bin",
    "App_code",
    "App_GlobalResources",
    "App_LocalResources",
    "App_WebReferences",
    "App_Data",
    "App_Browsers",
)


def _section_declarations() -> str:
    lines = ["<configSections>"]
    for group, names in _SECTIONS.items():
        lines.append(f'<sectionGroup name="{group}">')
        lines.extend(
            f'<section name="{name}" overrideModeDefault="Deny" allowDefinition="AppHostOnly" />'
            for name in names
        )
        lines.append("</sectionGroup>")
    lines.append("</configSections>")
    return "\n".join(lines)


def _handlers() -> Iterable[str]:
    for framework in ("v2.0.50727", "v4.0.30319"):
        for bits in ("", "64"):
            version = framework.split(".")[0]
            for extension in _HANDLER_EXTENSIONS:
                condition = f"isapiModule,runtimeVersion{version}.0,bitness{bits or '32'}"
                yield (
                    f'<add name="{extension}-ISAPI-{framework[1:4]}_{bits or "32"}bit" path="*.{extension}" '
                    'verb="GET,HEAD,POST,DEBUG" modules="IsapiModule" '
                    f'scriptProcessor="%windir%\\Microsoft.NET\\Framework{bits}\\{framework}'
                    '\\aspnet_isapi.dll" '
                    f'preCondition="classicMode,{condition}" responseBufferLimit="0" />'
                )
                yield (
                    f'<add name="{extension}-Integrated-{framework[1:4]}_{bits or "32"}bit" '
                    f'path="*.{extension}" '
                    'verb="GET,HEAD,POST,DEBUG" type="System.Web.UI.PageHandlerFactory" '
                    f'preCondition="integratedMode,runtimeVersion{version}.0" />'
                )
            for extension in _DENIED_EXTENSIONS:
                yield (
                    f'<add name="{extension}-Forbidden-{framework[1:4]}_{bits or "32"}bit" '
                    f'path="*.{extension}" '
                    'verb="*" type="System.Web.HttpForbiddenHandler" '
                    f'preCondition="integratedMode,runtimeVersion{version}.0,bitness{bits or "32"}" />'
                )
    yield '<add name="StaticFile" path="*" verb="*" modules="StaticFileModule,DefaultDocumentModule" />'


def _server_sections() -> str:
    types = sorted(mimetypes.MimeTypes().types_map[True].items())
    modules = "\n".join(
        f'<add name="{name}" image="%windir%\\System32\\inetsrv\\{image}" />' for name, image in _MODULES
    )
    return "\n".join(
        [
            "<system.webServer>",
            '<asp><cache diskTemplateCacheDirectory="%SystemDrive%\\inetpub\\temp\\ASP Compiled Templates" />'
            "<limits /></asp>",
            '<caching enabled="true" enableKernelCache="true" />',
            '<defaultDocument enabled="true"><files><add value="Default.htm" /><add value="Default.asp" />'
            '<add value="index.htm" /><add value="index.html" /><add value="iisstart.htm" />'
            '<add value="default.aspx" /></files></defaultDocument>',
            '<directoryBrowse enabled="false" />',
            f"<globalModules>\n{modules}\n</globalModules>",
            '<httpCompression directory="%SystemDrive%\\inetpub\\temp\\IIS Temporary Compressed Files">'
            '<scheme name="gzip" dll="%Windir%\\system32\\inetsrv\\gzip.dll" />'
            '<staticTypes><add mimeType="text/*" enabled="true" /><add mimeType="*/*" enabled="false" />'
            "</staticTypes></httpCompression>",
            '<httpErrors lockAttributes="allowAbsolutePathsWhenDelegated,defaultPath">'
            + "".join(
                f'<error statusCode="{code}" prefixLanguageFilePath="%SystemDrive%\\inetpub\\custerr" '
                f'path="{code}.htm" />'
                for code in (401, 403, 404, 405, 406, 412, 500, 501, 502)
            )
            + "</httpErrors>",
            '<httpLogging dontLog="false" />',
            '<httpProtocol><customHeaders><clear /><add name="X-Powered-By" value="ASP.NET" />'
            "</customHeaders><redirectHeaders><clear /></redirectHeaders></httpProtocol>",
            "<security>",
            '<access sslFlags="None" />',
            "<authentication>",
            '<anonymousAuthentication enabled="true" userName="IUSR" />',
            '<basicAuthentication enabled="false" />',
            '<windowsAuthentication enabled="false"><providers><add value="Negotiate" />'
            '<add value="NTLM" /></providers></windowsAuthentication>',
            "</authentication>",
            '<authorization><add accessType="Allow" users="*" /></authorization>',
            '<isapiCgiRestriction notListedIsapisAllowed="false" notListedCgisAllowed="false">'
            + "".join(
                f'<add path="%windir%\\Microsoft.NET\\Framework{bits}\\{version}\\aspnet_isapi.dll" '
                f'allowed="true" groupId="ASP.NET {version}" description="ASP.NET {version}" />'
                for bits in ("", "64")
                for version in ("v2.0.50727", "v4.0.30319")
            )
            + "</isapiCgiRestriction>",
            '<requestFiltering><fileExtensions allowUnlisted="true" applyToWebDAV="true">'
            + "".join(f'<add fileExtension=".{ext}" allowed="false" />' for ext in _DENIED_EXTENSIONS)
            + '</fileExtensions><verbs allowUnlisted="true" applyToWebDAV="true" />'
            '<hiddenSegments applyToWebDAV="true">'
            + "".join(f'<add segment="{segment}" />' for segment in _HIDDEN_SEGMENTS)
            + "</hiddenSegments></requestFiltering>",
            "</security>",
            '<serverRuntime /><serverSideInclude ssiExecDisable="false" />',
            '<staticContent lockAttributes="isDocFooterFileName">'
            + "".join(
                f"<mimeMap fileExtension={quoteattr(ext)} mimeType={quoteattr(mime)} />"
                for ext, mime in types
            )
            + "</staticContent>",
            '<tracing><traceFailedRequests><add path="*"><traceAreas>'
            '<add provider="WWW Server" areas="Authentication,Security,Filter,StaticFile,CGI,'
            "Compression,Cache,"
            'RequestNotifications,Module,FastCGI,WebSocket" verbosity="Verbose" /></traceAreas>'
            '<failureDefinitions statusCodes="500" /></add></traceFailedRequests></tracing>',
            '<urlCompression /><validation validateIntegratedModeConfiguration="true" />',
            "</system.webServer>",
            '<location path="" overrideMode="Allow">',
            "<system.webServer>",
            "<modules>\n"
            + "\n".join(f'<add name="{name}" lockItem="true" />' for name, _ in _MODULES)
            + "\n"
            + "\n".join(
                f'<add name="{name}" type="{kind}{_SYSTEM_WEB}" preCondition="managedHandler" />'
                for name, kind in _MANAGED_MODULES
            )
            + "\n</modules>",
            '<handlers accessPolicy="Read, Script">\n' + "\n".join(_handlers()) + "\n</handlers>",
            "</system.webServer>",
            "</location>",
        ]
    )


def render_apphost(pools: str, sites: str, locations: str = "") -> str:
    """A whole applicationHost.config around the given pool, site and <location> elements."""
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            "<configuration>",
            _section_declarations(),
            "<system.applicationHost>",
            "<applicationPools>",
            pools,
            '<applicationPoolDefaults managedRuntimeVersion="v4.0">'
            '<processModel identityType="ApplicationPoolIdentity" loadUserProfile="true" '
            'setProfileEnvironment="false" />'
            "</applicationPoolDefaults>",
            "</applicationPools>",
            "<sites>",
            sites,
            '<siteDefaults><logFile logFormat="W3C" directory="%SystemDrive%\\inetpub\\logs\\LogFiles" />'
            '<traceFailedRequestsLogging directory="%SystemDrive%\\inetpub\\logs\\FailedReqLogFiles" />'
            "</siteDefaults>",
            '<applicationDefaults applicationPool="DefaultAppPool" />',
            '<virtualDirectoryDefaults allowSubDirConfig="true" />',
            "</sites>",
            "<webLimits />",
            "</system.applicationHost>",
            _server_sections(),
            locations,
            "</configuration>",
            "",
        ]
    )


def descriptor(owner: str, dacl: sddl.Dacl) -> str:
    """A full security descriptor string as ``(Get-Acl).Sddl`` prints it."""
    return f"O:{sddl.format_sid(owner)}G:SY{sddl.format_dacl(dacl)}"


def inheriting(parent: sddl.Dacl, *, directory: bool, explicit: Iterable[sddl.Ace] = ()) -> sddl.Dacl:
    """A child's DACL: its own ACEs followed by what it inherits from ``parent``."""
    aces = tuple(explicit) + inherited_aces(parent, child_is_directory=directory)
    return sddl.Dacl(protected=False, auto_inherited=True, auto_inherit_required=False, aces=aces)


SITES_ROOT_DACL = sddl.parse_dacl(
    "D:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICIIO;GA;;;CO)(A;OICI;0x1200a9;;;BU)"
)


def generate_scenario(folder: Path, *, sites: int, pools: int = 300, seed: int = 0) -> Path:
    """Write a scenario with ``sites`` sites and ``pools`` pools into ``folder``; return the folder."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    folder.mkdir(parents=True, exist_ok=True)
    pool_names = [f"Pool{number:04d}" for number in range(1, pools + 1)]
    pool_xml = "\n".join(
        f'<add name="{name}"><processModel identityType="{rng.choice(_IDENTITY_TYPES)}" /></add>'
        for name in pool_names
    )
    paths: dict[str, dict[str, str]] = {
        "D:\\": {"type": "directory", "sddl": descriptor(sids.SYSTEM, SITES_ROOT_DACL)},
        "D:\\Sites": {"type": "directory", "sddl": descriptor(sids.ADMINISTRATORS, SITES_ROOT_DACL)},
    }
    site_xml: list[str] = []
    for number in range(1, sites + 1):
        name, pool = f"site-{number:05d}", rng.choice(pool_names)
        root = f"D:\\Sites\\{name}"
        site_xml.append(
            f'<site name="{name}" id="{number}"><application path="/" applicationPool="{pool}">'
            f'<virtualDirectory path="/" physicalPath="{root}" />'
            f'<virtualDirectory path="/static" physicalPath="{root}\\static" /></application>'
            f'<application path="/api" applicationPool="{rng.choice(pool_names)}">'
            f'<virtualDirectory path="/" physicalPath="{root}\\api" /></application>'
            f'<bindings><binding protocol="http" bindingInformation="*:80:{name}.example.test" /></bindings>'
            "</site>"
        )
        explicit = (sddl.Ace("A", frozenset({"OI", "CI"}), sddl.READ_AND_EXECUTE, sids.app_pool_sid(pool)),)
        site_dacl = inheriting(
            SITES_ROOT_DACL, directory=True, explicit=explicit if rng.random() < 0.5 else ()
        )
        paths[root] = {"type": "directory", "sddl": descriptor(sids.ADMINISTRATORS, site_dacl)}
        for child in ("static", "api", "App_Data"):
            child_dacl = inheriting(site_dacl, directory=True)
            paths[f"{root}\\{child}"] = {
                "type": "directory",
                "sddl": descriptor(sids.ADMINISTRATORS, child_dacl),
            }
        paths[f"{root}\\web.config"] = {
            "type": "file",
            "sddl": descriptor(sids.ADMINISTRATORS, inheriting(site_dacl, directory=False)),
        }
    (folder / APPHOST_FILE).write_text(render_apphost(pool_xml, "\n".join(site_xml)), encoding="utf-8")
    (folder / FILESYSTEM_FILE).write_text(json.dumps({"paths": paths}, indent=1), encoding="utf-8")
    (folder / MACHINE_FILE).write_text(json.dumps({"computerName": "WEB-LOAD"}), encoding="utf-8")
    return folder
