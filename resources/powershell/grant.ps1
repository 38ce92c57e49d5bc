<#
.SYNOPSIS
    IIS Access operation "grant": add one inheritable allow ACE for a SID to a
    folder, but only if the folder's DACL is still the one the caller saw.
.NOTES
    Reads with GetAccessControl('Access') and writes with SetAccessControl:
    Set-Acl would try to rewrite the owner, and icacls /T would stamp an
    explicit ACE on every file below the folder.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [string]$Path,

    [Parameter(Mandatory = $true)]
    [ValidatePattern('^S-1-[0-9]+(-[0-9]+)+$')]
    [string]$Sid,

    [Parameter(Mandatory = $true)]
    [ValidateSet('ReadAndExecute', 'Modify')]
    [string]$Rights,

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
# - FileSystemAccessRule(IdentityReference, FileSystemRights, InheritanceFlags, PropagationFlags,
#   AccessControlType): learn.microsoft.com/dotnet/api/system.security.accesscontrol.filesystemaccessrule
# - SecurityIdentifier(string): learn.microsoft.com/dotnet/api/system.security.principal.securityidentifier
# - FileSystemSecurity.AddAccessRule (merges into an explicit entry for the SID with equal flags or
#   equal rights; throws InvalidOperationException on a non-canonical DACL):
#   learn.microsoft.com/dotnet/api/system.security.accesscontrol.filesystemsecurity.addaccessrule
# - ConvertTo-Json: learn.microsoft.com/powershell/module/microsoft.powershell.utility/convertto-json

$folder = Get-Item -LiteralPath $Path -Force
if (-not $folder.PSIsContainer) {
    throw (New-Object System.ArgumentException("Not a folder: $Path"))
}
$acl = $folder.GetAccessControl('Access')
$before = $acl.GetSecurityDescriptorSddlForm('Access')
# -cne: SDDL is compared exactly, case included (-ne ignores case), as the lab compares it.
if ($before -cne $ExpectedSddl) {
    [ordered]@{ status = 'stale'; path = $Path; before = $before; after = $before } | ConvertTo-Json -Depth 8 -Compress
    return
}

$rule = New-Object System.Security.AccessControl.FileSystemAccessRule(
    (New-Object System.Security.Principal.SecurityIdentifier($Sid)),
    [System.Security.AccessControl.FileSystemRights]$Rights,
    [System.Security.AccessControl.InheritanceFlags]'ContainerInherit, ObjectInherit',
    [System.Security.AccessControl.PropagationFlags]'None',
    [System.Security.AccessControl.AccessControlType]'Allow')
$acl.AddAccessRule($rule)
$folder.SetAccessControl($acl)

$after = (Get-Item -LiteralPath $Path -Force).GetAccessControl('Access').GetSecurityDescriptorSddlForm('Access')
[ordered]@{ status = 'changed'; path = $Path; before = $before; after = $after } | ConvertTo-Json -Depth 8 -Compress
