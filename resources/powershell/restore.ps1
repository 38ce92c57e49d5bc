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

# APIs (each checked against its Microsoft Learn page):
# - Get-Item -LiteralPath -Force: learn.microsoft.com/powershell/module/microsoft.powershell.management/get-item
# - DirectoryInfo.GetAccessControl(AccessControlSections) / SetAccessControl(DirectorySecurity):
#   learn.microsoft.com/dotnet/api/system.io.directoryinfo.getaccesscontrol and .setaccesscontrol
# - ObjectSecurity.GetSecurityDescriptorSddlForm:
#   learn.microsoft.com/dotnet/api/system.security.accesscontrol.objectsecurity.getsecuritydescriptorsddlform
# - ObjectSecurity.SetSecurityDescriptorSddlForm(string, AccessControlSections):
#   learn.microsoft.com/dotnet/api/system.security.accesscontrol.objectsecurity.setsecuritydescriptorsddlform
# - ConvertTo-Json: learn.microsoft.com/powershell/module/microsoft.powershell.utility/convertto-json

$folder = Get-Item -LiteralPath $Path -Force
$acl = $folder.GetAccessControl('Access')
$before = $acl.GetSecurityDescriptorSddlForm('Access')
# -cne: SDDL is compared exactly, case included (-ne ignores case), as the lab compares it.
if ($before -cne $ExpectedSddl) {
    [ordered]@{ status = 'stale'; path = $Path; before = $before; after = $before } | ConvertTo-Json -Depth 8 -Compress
    return
}

$acl.SetSecurityDescriptorSddlForm($Sddl, 'Access')
$folder.SetAccessControl($acl)

$after = (Get-Item -LiteralPath $Path -Force).GetAccessControl('Access').GetSecurityDescriptorSddlForm('Access')
[ordered]@{ status = 'changed'; path = $Path; before = $before; after = $after } | ConvertTo-Json -Depth 8 -Compress
