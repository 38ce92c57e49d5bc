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
    A server's folders share a few dozen SIDs: all distinct SIDs of the call
    are resolved in one batched lookup and each name is sent once; a SID that
    does not resolve (an orphaned account) is named null. Translate has no
    timeout of its own: an unreachable domain stalls it (doctor measures it).
    Any exception on one path (unauthorized, path too long, offline volume,
    I/O error, a method missing under another PowerShell) becomes that path's
    error, errorType (.NET type name) and hresult; the other paths go on.
    Listing a folder's subfolders reads the whole directory: the check of a
    server's every site does without it (children is null), the details of
    one folder ask for it.
    -CountItemsBelow N (asked only when a grant is planned) counts the files
    and folders below each folder, up to N items or a few seconds: writing an
    inheritable entry makes Windows propagate it to every one of them, so the
    plan can say how many and the grant can wait long enough. itemsBelow is
    the count, itemsBelowComplete whether it is the whole tree (false: "at
    least"; a subfolder that cannot be listed ends the count there too).
    Folders share their DACLs (inherited from a few roots): each distinct SDDL
    is sent once, in "sddls", and each entry names its DACL by its index there
    (sddlIndex), as account names are sent once in "accounts"; a whole-server
    check reads over 100,000 paths with a few hundred distinct DACLs. Keys that
    would be null are left out: error, errorType and hresult appear only on a
    path that failed, sddlIndex only where the DACL was read, children only
    with -Subfolders.
    The paths come either as -Path (a string array) or as -PathList, one
    string with the paths separated by line feeds: a whole-server check asks
    for over 100,000 paths, and a string array travels as one CLIXML element
    per path, each deserialised and bound on its own; one string is one
    element. A line feed (or any character 1-31) cannot be part of a Win32
    file name, so it cannot be part of a path; the caller sends a path that
    holds one, or an empty path, only through -Path.
#>
[CmdletBinding(DefaultParameterSetName = 'Path')]
param(
    [Parameter(Mandatory = $true, ParameterSetName = 'Path')]
    [AllowEmptyCollection()]
    [string[]]$Path,

    [Parameter(Mandatory = $true, ParameterSetName = 'PathList')]
    [string]$PathList,

    [switch]$Subfolders,

    [int]$CountItemsBelow = 0
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$maxChildren = 500
# Counting stops after this long, whatever the cap: the plan waits for it.
$countBudgetMs = 3000

# APIs (each checked against its Microsoft Learn page):
# - Test-Path, Get-Item, Get-ChildItem -LiteralPath -Force -Directory:
#   learn.microsoft.com/powershell/module/microsoft.powershell.management/{test-path,get-item,get-childitem}
# - FileSystemInfo.GetAccessControl(AccessControlSections) (an instance method in .NET Framework only):
#   learn.microsoft.com/dotnet/api/system.io.directoryinfo.getaccesscontrol
# - ObjectSecurity.GetSecurityDescriptorSddlForm, AreAccessRulesProtected, GetOwner:
#   learn.microsoft.com/dotnet/api/system.security.accesscontrol.objectsecurity
# - CommonObjectSecurity.GetAccessRules(bool, bool, Type):
#   learn.microsoft.com/dotnet/api/system.security.accesscontrol.commonobjectsecurity.getaccessrules
# - IdentityReferenceCollection.Translate(Type, bool):
#   learn.microsoft.com/dotnet/api/system.security.principal.identityreferencecollection.translate
# - Exception.HResult: learn.microsoft.com/dotnet/api/system.exception.hresult
# - Directory.EnumerateFileSystemEntries(String, String, SearchOption) (lazy; under .NET Framework it
#   throws UnauthorizedAccessException on the first subfolder it may not list, ending the count):
#   learn.microsoft.com/dotnet/api/system.io.directory.enumeratefilesystementries
# - Stopwatch.StartNew, ElapsedMilliseconds: learn.microsoft.com/dotnet/api/system.diagnostics.stopwatch
# - ConvertTo-Json -Depth -Compress:
#   learn.microsoft.com/powershell/module/microsoft.powershell.utility/convertto-json
# - Naming Files, Paths, and Namespaces (not allowed in a name: NUL and "characters whose integer
#   representations are in the range from 1 through 31, except for alternate data streams", which a
#   folder path never names): learn.microsoft.com/windows/win32/fileio/naming-a-file
# - String.Split(Char[], StringSplitOptions) (.NET Framework 2.0 and later; None keeps empty entries):
#   learn.microsoft.com/dotnet/api/system.string.split
# - $PSCmdlet.ParameterSetName (about_Functions_CmdletBindingAttribute, about_Parameter_Sets):
#   learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_parameter_sets
# - Dictionary<TKey,TValue>.TryGetValue with a [ref] argument (about_Ref; the default comparer of a
#   string key is ordinal, so two SDDL strings share an index only when they are the same text):
#   learn.microsoft.com/dotnet/api/system.collections.generic.dictionary-2.trygetvalue,
#   learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_ref

function Measure-ItemsBelow {
    # Counted through the enumerator by hand, so nothing below the cap is ever held in memory.
    param([string]$Folder, [int]$Cap)
    $count = 0
    $complete = $true
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    try {
        $enumerator = [System.IO.Directory]::EnumerateFileSystemEntries(
            $Folder, '*', [System.IO.SearchOption]::AllDirectories).GetEnumerator()
        while ($enumerator.MoveNext()) {
            $count++
            if ($count -ge $Cap -or $watch.ElapsedMilliseconds -ge $countBudgetMs) {
                $complete = $false
                break
            }
        }
    } catch {
        $complete = $false
    }
    return @($count, $complete)
}

function Set-Failure {
    # One path's exception, whatever it is, becomes that path's error: the batch goes on.
    param($Entry, [System.Exception]$Exception)
    $Entry.error = $Exception.Message
    $Entry.errorType = $Exception.GetType().FullName
    $Entry.hresult = $Exception.HResult
}

# The string array as given, or the one line-feed separated string split once (assigned, never
# sent through the pipeline, so no copy is made of 100,000 paths).
$requested = $Path
if ($PSCmdlet.ParameterSetName -eq 'PathList') {
    $requested = $PathList.Split([char[]]@([char]10), [System.StringSplitOptions]::None)
}

$results = New-Object System.Collections.Generic.List[object]
# Every distinct SDDL of the call, in first-seen order, and its index in that list.
$sddlIndexes = New-Object 'System.Collections.Generic.Dictionary[string,int]'
$sddlList = New-Object System.Collections.Generic.List[string]
# Every distinct SID of the call, in first-seen order, resolved in one batch at the end.
$seen = New-Object 'System.Collections.Generic.HashSet[string]'
$sidList = New-Object System.Collections.Generic.List[string]
foreach ($item in $requested) {
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
    }
    if ($Subfolders) {
        $entry.children = $null
    }
    if (-not $entry.isUnc) {
        try {
            if (Test-Path -LiteralPath $item) {
                $fsItem = Get-Item -LiteralPath $item -Force
                # Known before the ACL is read, so a folder whose ACL throws is still a folder.
                $entry.exists = $true
                $entry.isDirectory = [bool]$fsItem.PSIsContainer
                # One read of the security descriptor for both sections, not one per section.
                $acl = $fsItem.GetAccessControl([System.Security.AccessControl.AccessControlSections]'Access, Owner')
                $sddl = $acl.GetSecurityDescriptorSddlForm('Access')
                $sddlIndex = 0
                if (-not $sddlIndexes.TryGetValue($sddl, [ref]$sddlIndex)) {
                    $sddlIndex = $sddlList.Count
                    $sddlIndexes.Add($sddl, $sddlIndex)
                    $sddlList.Add($sddl)
                }
                $entry.sddlIndex = $sddlIndex
                $entry.protected = [bool]$acl.AreAccessRulesProtected
                $entry.owner = $acl.GetOwner([System.Security.Principal.SecurityIdentifier]).Value
                $sids = New-Object System.Collections.Generic.List[string]
                $sids.Add($entry.owner)
                foreach ($rule in $acl.GetAccessRules($true, $true, [System.Security.Principal.SecurityIdentifier])) {
                    $sids.Add($rule.IdentityReference.Value)
                }
                foreach ($sid in $sids) {
                    # A folder without an owner has none to name.
                    if ($sid -and $seen.Add($sid)) {
                        $sidList.Add($sid)
                    }
                }
                if ($CountItemsBelow -gt 0 -and $entry.isDirectory) {
                    $counted = Measure-ItemsBelow $item $CountItemsBelow
                    $entry.itemsBelow = $counted[0]
                    $entry.itemsBelowComplete = $counted[1]
                }
                if ($Subfolders) {
                    try {
                        $entry.children = @(if ($entry.isDirectory) {
                                Get-ChildItem -LiteralPath $item -Directory -Force |
                                    Select-Object -First $maxChildren -ExpandProperty Name
                            })
                    } catch {
                        # Reading the ACL needs READ_CONTROL, listing needs List folder: the ACL
                        # stands, the subfolders stay unknown (null), as for a whole-server check.
                        $entry.children = $null
                    }
                }
            }
        } catch {
            Set-Failure $entry $_.Exception
        }
    }
    $results.Add($entry)
}

# An ordered dictionary keyed by SID string serialises as one JSON object; null = unresolved.
$accounts = [ordered]@{}
if ($sidList.Count -gt 0) {
    $references = New-Object System.Security.Principal.IdentityReferenceCollection
    foreach ($sid in $sidList) {
        $references.Add((New-Object System.Security.Principal.SecurityIdentifier($sid)))
    }
    try {
        # One LSA call for all SIDs; forceSuccess $false hands an unmappable (orphaned) SID back
        # as a SecurityIdentifier instead of throwing. Results come in the order given.
        $names = $references.Translate([System.Security.Principal.NTAccount], $false)
        for ($index = 0; $index -lt $sidList.Count; $index++) {
            $name = $names[$index]
            $accounts[$sidList[$index]] = if ($name -is [System.Security.Principal.NTAccount]) { $name.Value } else { $null }
        }
    } catch {
        # The batch failed as a whole (e.g. a domain controller unreachable): names stay unknown.
        foreach ($sid in $sidList) {
            $accounts[$sid] = $null
        }
    }
}

[ordered]@{ paths = $results.ToArray(); sddls = $sddlList.ToArray(); accounts = $accounts } |
    ConvertTo-Json -Depth 8 -Compress
