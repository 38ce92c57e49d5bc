<#
.SYNOPSIS
    IIS Access operation "path-access": for each folder, whether it exists,
    its owner, whether inheritance is protected, its DACL as SDDL and, with
    -Subfolders, its subfolders; beside them, once for the whole call, the
    account name each SID of those owners and DACLs resolves to on this server.
.NOTES
    UNC paths are reported, never opened: reading a share from a remote
    session needs a second hop, and a grant to this server's IUSR means
    nothing on a file server.
    A server's folders share a few dozen SIDs, and each name is an LSA lookup:
    each distinct SID is resolved once per call and its name sent once.
    Listing a folder's subfolders reads the whole directory: the check of a
    server's every site does without it (children is null), the details of
    one folder ask for it.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [AllowEmptyCollection()]
    [string[]]$Path,

    [switch]$Subfolders
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$maxChildren = 500

function Resolve-SidName {
    param([string]$Sid)
    try {
        $identifier = New-Object System.Security.Principal.SecurityIdentifier($Sid)
        return $identifier.Translate([System.Security.Principal.NTAccount]).Value
    } catch {
        return $null
    }
}

$results = New-Object System.Collections.Generic.List[object]
# An ordered dictionary keyed by SID string serialises as one JSON object.
$accounts = [ordered]@{}
foreach ($item in $Path) {
    # A share, however spelled: \\server\share, //server/share or \\?\UNC\server\share (not \\?\C:\ or \\.\C:\).
    $slashed = $item.Replace('/', '\')
    $device = $slashed.StartsWith('\\?\') -or $slashed.StartsWith('\\.\')
    $longUnc = $slashed.StartsWith('\\?\UNC\', [System.StringComparison]::OrdinalIgnoreCase)
    $entry = [ordered]@{
        path        = $item
        exists      = $false
        isDirectory = $false
        isUnc       = ($slashed.StartsWith('\\') -and -not $device) -or $longUnc
        owner       = $null
        protected   = $false
        sddl        = $null
        children    = $null
        error       = $null
    }
    if (-not $entry.isUnc) {
        try {
            if (Test-Path -LiteralPath $item) {
                $fsItem = Get-Item -LiteralPath $item -Force
                # One read of the security descriptor for both sections, not one per section.
                $acl = $fsItem.GetAccessControl([System.Security.AccessControl.AccessControlSections]'Access, Owner')
                $entry.exists = $true
                $entry.isDirectory = [bool]$fsItem.PSIsContainer
                $entry.sddl = $acl.GetSecurityDescriptorSddlForm('Access')
                $entry.protected = [bool]$acl.AreAccessRulesProtected
                $entry.owner = $acl.GetOwner([System.Security.Principal.SecurityIdentifier]).Value
                $sids = @($entry.owner)
                foreach ($rule in $acl.GetAccessRules($true, $true, [System.Security.Principal.SecurityIdentifier])) {
                    $sids += $rule.IdentityReference.Value
                }
                foreach ($sid in $sids) {
                    # Contains() throws on a null key: a folder without an owner has none to name.
                    if ($sid -and -not $accounts.Contains($sid)) {
                        $accounts[$sid] = Resolve-SidName $sid
                    }
                }
                if ($Subfolders) {
                    try {
                        $entry.children = @(if ($entry.isDirectory) {
                                Get-ChildItem -LiteralPath $item -Directory -Force |
                                    Select-Object -First $maxChildren -ExpandProperty Name
                            })
                    } catch [System.UnauthorizedAccessException] {
                        # Reading the ACL needs READ_CONTROL, listing needs List folder: the ACL
                        # stands, the subfolders stay unknown (null), as for a whole-server check.
                        $entry.children = $null
                    }
                }
            }
        } catch [System.UnauthorizedAccessException] {
            $entry.exists = $true
            $entry.error = $_.Exception.Message
        }
    }
    $results.Add($entry)
}

[ordered]@{ paths = $results.ToArray(); accounts = $accounts } | ConvertTo-Json -Depth 8 -Compress
