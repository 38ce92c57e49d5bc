"""The shipped operation scripts: well-formed PowerShell, constant text, no code built from strings."""

from __future__ import annotations

import re

import pytest
import tree_sitter
import tree_sitter_powershell

from bridge.resources import resource_path
from bridge.scripts import Operation, operation_for_script, script_text

PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_powershell.language()))

FORBIDDEN = {
    "Invoke-Expression": re.compile(r"\bInvoke-Expression\b|\biex\b", re.IGNORECASE),
    "[scriptblock]::Create": re.compile(r"\[scriptblock\]\s*::\s*Create", re.IGNORECASE),
    # Loading an assembly by its constant full name compiles nothing; any other Add-Type might.
    "Add-Type": re.compile(
        r"\bAdd-Type\b(?!\s+-AssemblyName\s+'[^'$]+'[ \t]*$)", re.IGNORECASE | re.MULTILINE
    ),
    "Set-Acl": re.compile(r"\bSet-Acl\b", re.IGNORECASE),
    "icacls": re.compile(r"\bicacls\b", re.IGNORECASE),
    "NewScriptBlock": re.compile(r"NewScriptBlock", re.IGNORECASE),
}


def _broken_nodes(node: tree_sitter.Node) -> list[str]:
    found = []
    if node.type == "ERROR" or node.is_missing:
        found.append(f"{node.type} at {node.start_point}: {node.text!r}")
    for child in node.children:
        found.extend(_broken_nodes(child))
    return found


def _code_only(text: str) -> str:
    """Drop comment-based help and line comments: the rules apply to code."""
    text = re.sub(r"<#.*?#>", "", text, flags=re.DOTALL)
    return re.sub(r"(?m)^\s*#.*$", "", text)


@pytest.mark.parametrize("operation", list(Operation))
def test_script_parses_without_error_nodes(operation: Operation) -> None:
    tree = PARSER.parse(script_text(operation).encode("utf-8"))
    assert _broken_nodes(tree.root_node) == []
    assert not tree.root_node.has_error


@pytest.mark.parametrize("operation", list(Operation))
def test_script_follows_the_operation_contract(operation: Operation) -> None:
    code = _code_only(script_text(operation))
    assert re.search(r"(?m)^param\(", code), "a param() block"
    assert "$ErrorActionPreference = 'Stop'" in code
    assert code.count("ConvertTo-Json -Depth 8 -Compress") >= 1


@pytest.mark.parametrize("operation", list(Operation))
def test_script_builds_no_code_from_strings(operation: Operation) -> None:
    code = _code_only(script_text(operation))
    assert [name for name, pattern in FORBIDDEN.items() if pattern.search(code)] == []


def test_forbidden_construct_detector_catches_each_construct() -> None:
    samples = [
        "Invoke-Expression $x",
        "iex $x",
        "[ScriptBlock]::Create($x)",
        "Add-Type -TypeDefinition $x",
        "Set-Acl -Path $p -AclObject $a",
        "icacls $p /grant x",
        "$ExecutionContext.InvokeCommand.NewScriptBlock($x)",
    ]
    for sample in samples:
        assert any(pattern.search(sample) for pattern in FORBIDDEN.values()), sample


def test_broken_script_is_detected() -> None:
    tree = PARSER.parse(b"param([string]$a\n$x = @{ a = \n")
    assert _broken_nodes(tree.root_node) or tree.root_node.has_error


def test_scripts_are_recognised_by_exact_text_only() -> None:
    for operation in Operation:
        text = script_text(operation)
        assert operation_for_script(text) is operation
        assert operation_for_script(text + " ") is None
        assert operation_for_script(text.replace("'Stop'", "'Continue'", 1)) is None


def test_grant_writes_one_inheritable_allow_ace_by_sid() -> None:
    code = _code_only(script_text(Operation.GRANT))
    assert "SecurityIdentifier($Sid)" in code
    assert "'ContainerInherit, ObjectInherit'" in code
    assert "[System.Security.AccessControl.PropagationFlags]'None'" in code
    assert ".SetAccessControl($acl)" in code
    assert code.index("$before -cne $ExpectedSddl") < code.index("SetAccessControl")


def test_grant_and_restore_compare_sddl_case_sensitively() -> None:
    for operation in (Operation.GRANT, Operation.RESTORE):
        code = _code_only(script_text(operation))
        assert "$before -cne $ExpectedSddl" in code
        assert " -ne " not in code


@pytest.mark.parametrize(
    ("operation", "apis"),
    [
        (
            Operation.PATH_ACCESS,
            ("GetAccessControl", "GetSecurityDescriptorSddlForm", "GetAccessRules", "Translate", "HResult"),
        ),
        (Operation.GRANT, ("GetAccessControl", "FileSystemAccessRule", "AddAccessRule", "SetAccessControl")),
        (Operation.RESTORE, ("GetAccessControl", "SetSecurityDescriptorSddlForm", "SetAccessControl")),
    ],
)
def test_every_acl_api_a_script_calls_is_named_with_its_microsoft_page(
    operation: Operation, apis: tuple[str, ...]
) -> None:
    text = script_text(operation)
    code = _code_only(text)
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    for api in apis:
        assert api in code
        assert any(api.lower() in line.lower() and "learn.microsoft.com" in line for line in comments) or any(
            api in line for line in comments
        ), api
    assert sum("learn.microsoft.com" in line for line in comments) >= len(apis) - 1


def test_resource_path_reports_missing_files() -> None:
    with pytest.raises(FileNotFoundError, match=r"nothing\.ps1"):
        resource_path("powershell", "nothing.ps1")


def test_add_type_may_only_load_an_assembly_by_its_constant_name() -> None:
    pattern = FORBIDDEN["Add-Type"]
    assert not pattern.search("Add-Type -AssemblyName 'Microsoft.Web.Administration, Version=7.0.0.0'\n")
    assert pattern.search("Add-Type -TypeDefinition $source\n")
    assert pattern.search("Add-Type -AssemblyName 'x'; Add-Type $code\n")
    assert pattern.search('Add-Type -AssemblyName "$name"\n')
