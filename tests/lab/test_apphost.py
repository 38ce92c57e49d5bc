"""applicationHost.config is read as IIS reads it: defaults, inheritance and location overrides."""

from __future__ import annotations

import pytest

from bridge.lab.apphost import AppHostConfig, AppHostError, Application, parse_apphost

CONFIG = """<?xml version="1.0" encoding="UTF-8"?>
<configuration>
  <system.applicationHost>
    <applicationPools>
      <add name="DefaultAppPool" />
      <add name="Classic" managedRuntimeVersion="v2.0" managedPipelineMode="Classic" autoStart="false" />
      <add name="Svc"><processModel identityType="SpecificUser" userName="WEB01\\svc" /></add>
      <add name="Net"><processModel identityType="NetworkService" /></add>
      <add name="Static" managedRuntimeVersion="" />
      <applicationPoolDefaults managedRuntimeVersion="v4.0">
        <processModel identityType="LocalService" />
      </applicationPoolDefaults>
    </applicationPools>
    <sites>
      <site name="Alpha" id="1">
        <application path="/">
          <virtualDirectory path="/" physicalPath="%SystemDrive%\\inetpub\\alpha" />
          <virtualDirectory path="/img" />
        </application>
        <application path="/api" applicationPool="Net">
          <virtualDirectory path="/" physicalPath="D:\\api" />
        </application>
        <application path="/api/v2">
          <virtualDirectory path="/" physicalPath="D:\\api2" />
        </application>
        <bindings>
          <binding protocol="http" bindingInformation="*:80:" />
          <binding protocol="https" bindingInformation="*:443:alpha.example" />
        </bindings>
        <applicationDefaults applicationPool="Svc" />
      </site>
      <site name="Alpha2" id="2" serverAutoStart="false">
        <application path="/"><virtualDirectory path="/" physicalPath="D:\\alpha2" /></application>
      </site>
      <site name="Beta" id="7">
        <application path="/"><virtualDirectory path="/" physicalPath="D:\\beta" /></application>
      </site>
      <applicationDefaults applicationPool="Classic" />
      <virtualDirectoryDefaults physicalPath="D:\\fallback" />
    </sites>
  </system.applicationHost>
  <system.webServer>
    <security><authentication>
      <anonymousAuthentication enabled="true" userName="IUSR" />
    </authentication></security>
  </system.webServer>
  <location path="alpha">
    <system.webServer><security><authentication>
      <anonymousAuthentication userName="" />
    </authentication></security></system.webServer>
  </location>
  <location path="Alpha/api/">
    <system.webServer><security><authentication>
      <anonymousAuthentication enabled="False" />
    </authentication></security></system.webServer>
  </location>
  <location path="Beta" overrideMode="Allow">
    <system.webServer><security><authentication>
      <anonymousAuthentication userName="WEB01\\guest" />
    </authentication></security></system.webServer>
  </location>
</configuration>
"""


@pytest.fixture(scope="module")
def config() -> AppHostConfig:
    return parse_apphost(CONFIG)


def _app(config: AppHostConfig, site: str, path: str) -> Application:
    return next(a for s in config.sites if s.name == site for a in s.applications if a.path == path)


def test_sites_ids_bindings_and_state(config: AppHostConfig) -> None:
    assert [(s.name, s.id, s.started) for s in config.sites] == [
        ("Alpha", 1, True),
        ("Alpha2", 2, False),
        ("Beta", 7, True),
    ]
    assert [(b.protocol, b.binding_information) for b in config.sites[0].bindings] == [
        ("http", "*:80:"),
        ("https", "*:443:alpha.example"),
    ]


def test_application_pool_follows_application_then_site_then_server_defaults(config: AppHostConfig) -> None:
    assert _app(config, "Alpha", "/api").application_pool == "Net"
    assert _app(config, "Alpha", "/").application_pool == "Svc"
    assert _app(config, "Beta", "/").application_pool == "Classic"


def test_application_pool_falls_back_to_default_app_pool() -> None:
    config = parse_apphost(
        '<configuration><system.applicationHost><sites><site name="S" id="1"><application path="/"/>'
        "</site></sites></system.applicationHost></configuration>"
    )
    assert _app(config, "S", "/").application_pool == "DefaultAppPool"


def test_virtual_directories_keep_physical_path_as_configured(config: AppHostConfig) -> None:
    directories = _app(config, "Alpha", "/").virtual_directories
    assert [(d.path, d.physical_path) for d in directories] == [
        ("/", "%SystemDrive%\\inetpub\\alpha"),
        ("/img", "D:\\fallback"),
    ]


def test_pools_honour_pool_defaults_and_schema_defaults(config: AppHostConfig) -> None:
    pools = {p.name: p for p in config.pools}
    assert pools["DefaultAppPool"].identity_type == "LocalService"
    assert pools["Net"].identity_type == "NetworkService"
    assert (pools["Svc"].identity_type, pools["Svc"].user_name) == ("SpecificUser", "WEB01\\svc")
    default = pools["DefaultAppPool"]
    assert (default.managed_runtime_version, default.managed_pipeline_mode) == ("v4.0", "Integrated")
    assert (pools["Classic"].managed_runtime_version, pools["Classic"].managed_pipeline_mode) == (
        "v2.0",
        "Classic",
    )
    assert [p.name for p in config.pools if not p.started] == ["Classic"]


def test_no_managed_code_is_an_explicit_empty_runtime_not_the_default(config: AppHostConfig) -> None:
    pools = {pool.name: pool for pool in config.pools}
    assert pools["Static"].managed_runtime_version == ""
    assert pools["DefaultAppPool"].managed_runtime_version == "v4.0"


def test_pool_identity_defaults_to_application_pool_identity() -> None:
    config = parse_apphost(
        '<configuration><system.applicationHost><applicationPools><add name="P"/></applicationPools>'
        "</system.applicationHost></configuration>"
    )
    assert config.pools[0].identity_type == "ApplicationPoolIdentity"


def test_anonymous_authentication_merges_locations_attribute_by_attribute(config: AppHostConfig) -> None:
    root = _app(config, "Alpha", "/").anonymous
    assert (root.enabled, root.user_name) == (True, "")
    api = _app(config, "Alpha", "/api").anonymous
    # Disabled at Alpha/api, and the userName "" from Alpha still inherited.
    assert (api.enabled, api.user_name) == (False, "")
    nested = _app(config, "Alpha", "/api/v2").anonymous
    assert (nested.enabled, nested.user_name) == (False, "")


def test_location_paths_match_whole_segments_only(config: AppHostConfig) -> None:
    # "Alpha" must not leak into "Alpha2".
    alpha2 = _app(config, "Alpha2", "/").anonymous
    assert (alpha2.enabled, alpha2.user_name) == (True, "IUSR")
    beta = _app(config, "Beta", "/").anonymous
    assert (beta.enabled, beta.user_name) == (True, "WEB01\\guest")


def test_global_location_and_schema_defaults() -> None:
    site = (
        '<system.applicationHost><sites><site name="S" id="1"><application path="/"/></site></sites>'
        "</system.applicationHost>"
    )
    bare = parse_apphost(f"<configuration>{site}</configuration>")
    anonymous = _app(bare, "S", "/").anonymous
    assert (anonymous.enabled, anonymous.user_name) == (False, "IUSR")
    dotted = parse_apphost(
        f'<configuration>{site}<location path="."><system.webServer><security><authentication>'
        '<anonymousAuthentication enabled="true"/></authentication></security></system.webServer>'
        "</location></configuration>"
    )
    assert _app(dotted, "S", "/").anonymous.enabled is True


def test_malformed_document_is_a_clear_error() -> None:
    with pytest.raises(AppHostError, match="well-formed"):
        parse_apphost("<configuration><system.applicationHost>")
    with pytest.raises(AppHostError, match="<configuration>"):
        parse_apphost("<settings/>")
