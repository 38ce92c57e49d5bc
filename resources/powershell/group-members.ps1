<#
.SYNOPSIS
    IIS Access operation "group-members": the members of one local group as
    Windows stores them (what Computer Management lists), each by SID and, where
    this server can resolve it, by name; the group itself by SID and name.
.NOTES
    Get-LocalGroupMember is not used: on Windows PowerShell 5.1 it fails for the
    whole group with "Failed to compare two elements in the array" when one
    member is an orphaned SID (PowerShell/PowerShell#2996, #21617). The group's
    ADSI WinNT members are read instead (IADsGroup::Members, iads.h, Microsoft
    Learn "IADsGroup::Members method"); a member that no longer resolves is
    still listed by the provider, as WinNT://<SID> ("WinNT ADsPath").
    Each member's SID comes from its objectSid property (a byte array; WinNT
    provider "User object" and "Group object" properties), read as an
    IDispatch property through Type.InvokeMember; where that fails the SID is taken from an
    ADsPath of the WinNT://S-1-... form. Which of the two Windows answers for
    an orphaned member is not settled by the documentation found so far: the
    bridge accepts a member with a SID and no name either way.
    The group is bound by its local name, which is localized (Users is
    "Benutzer" on German Windows): the name comes from the SID
    (SecurityIdentifier.Translate(NTAccount), Microsoft Learn
    "SecurityIdentifier.Translate(Type)"), never from a constant.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [ValidatePattern('^S-1-[0-9]+(-[0-9]+)+$')]
    [string]$Sid
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

function Resolve-SidName {
    param([System.Security.Principal.SecurityIdentifier]$Identifier)
    try {
        return $Identifier.Translate([System.Security.Principal.NTAccount]).Value
    } catch {
        # IdentityNotMappedException: an orphaned or deleted account, or an unreachable domain.
        return $null
    }
}

$groupSid = New-Object System.Security.Principal.SecurityIdentifier($Sid)
$groupName = Resolve-SidName $groupSid
if (-not $groupName) {
    throw "No local group with the SID $Sid exists on this computer."
}
$localName = $groupName.Substring($groupName.IndexOf('\') + 1)
# The computer name and group name select an object; they are not script text.
$group = [ADSI]('WinNT://' + $env:COMPUTERNAME + '/' + $localName + ',group')

$members = New-Object System.Collections.Generic.List[object]
# An empty group answers no enumerable at all; foreach then runs zero times.
foreach ($member in $group.Invoke('Members')) {
    $memberSid = $null
    try {
        $bytes = [byte[]]$member.GetType().InvokeMember('objectSid', 'GetProperty', $null, $member, $null)
        $memberSid = New-Object System.Security.Principal.SecurityIdentifier($bytes, 0)
    } catch {
        $path = [string]$member.GetType().InvokeMember('ADsPath', 'GetProperty', $null, $member, $null)
        if ($path -match '^WinNT://(S-1-[0-9-]+)$') {
            $memberSid = New-Object System.Security.Principal.SecurityIdentifier($Matches[1])
        }
    }
    if ($null -ne $memberSid) {
        $members.Add([ordered]@{ sid = $memberSid.Value; name = Resolve-SidName $memberSid })
    }
}

[ordered]@{
    group   = [ordered]@{ sid = $groupSid.Value; name = $groupName }
    members = $members.ToArray()
} | ConvertTo-Json -Depth 8 -Compress
