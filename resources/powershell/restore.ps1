<#
.SYNOPSIS
    IIS Access operation "restore": put a folder's DACL back to a recorded
    SDDL (the undo of a grant), but only if the DACL is still the one the
    caller expects to find.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [string]$Path,

    [Parameter(Mandatory = $true)]
    [string]$Sddl,

    [Parameter(Mandatory = $true)]
    [string]$ExpectedSddl
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$folder = Get-Item -LiteralPath $Path -Force
$acl = $folder.GetAccessControl('Access')
$before = $acl.GetSecurityDescriptorSddlForm('Access')
if ($before -ne $ExpectedSddl) {
    [ordered]@{ status = 'stale'; path = $Path; before = $before; after = $before } | ConvertTo-Json -Depth 8 -Compress
    return
}

$acl.SetSecurityDescriptorSddlForm($Sddl, 'Access')
$folder.SetAccessControl($acl)

$after = (Get-Item -LiteralPath $Path -Force).GetAccessControl('Access').GetSecurityDescriptorSddlForm('Access')
[ordered]@{ status = 'changed'; path = $Path; before = $before; after = $after } | ConvertTo-Json -Depth 8 -Compress
