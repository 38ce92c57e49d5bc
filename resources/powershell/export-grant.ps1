<#
.SYNOPSIS
    Written by IIS Access ('iis-access export powershell'): grant the access the check found missing,
    the way IIS Access's own grant does, and print what changed as JSON.
.DESCRIPTION
    The changes are the DATA section below: a DATA section holds data only, PowerShell refuses any
    command in it. Every line after it is the same in every export. For each change listed for this
    computer, the script runs IIS Access's grant script (resources/powershell/grant.ps1, included
    unchanged as $Grant), which adds one inheritable allow entry for a SID to a folder, and only if
    the folder's ACL is still the one IIS Access read when it made the export ("stale" otherwise:
    nothing is changed). A change whose folder already has the ACL the change (or a later change to
    the same folder) makes is "done": running the script twice changes nothing the second time.
    Run it elevated in Windows PowerShell 5.1 on each server, or from an admin's machine:
        Invoke-Command -ComputerName web01, web02 -FilePath .\iis-access-fixes.ps1
    It prints {"computer", "listed", "changes": [{"title", "path", "identity", "sid", "rights",
    "status": "changed" | "done" | "stale" | "failed", "before", "after", "error"}], "notes"}.
#>

DATA Servers {
#CHANGES#
}

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

# APIs (each checked against its Microsoft Learn page):
# - DATA sections: learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_data_sections
# - $env:COMPUTERNAME: learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_environment_variables
# - Where-Object: learn.microsoft.com/powershell/module/microsoft.powershell.core/where-object
# - Get-Item -LiteralPath -Force: learn.microsoft.com/powershell/module/microsoft.powershell.management/get-item
# - DirectoryInfo.GetAccessControl(AccessControlSections):
#   learn.microsoft.com/dotnet/api/system.io.directoryinfo.getaccesscontrol
# - ObjectSecurity.GetSecurityDescriptorSddlForm:
#   learn.microsoft.com/dotnet/api/system.security.accesscontrol.objectsecurity.getsecuritydescriptorsddlform
# - The call operator &: learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_operators
# - ConvertFrom-Json / ConvertTo-Json:
#   learn.microsoft.com/powershell/module/microsoft.powershell.utility/convertfrom-json and convertto-json
# - System.Collections.ArrayList.Add: learn.microsoft.com/dotnet/api/system.collections.arraylist.add

$Grant = {
#GRANT#
}

$computer = $env:COMPUTERNAME
# -eq ignores case, as Windows does for computer names; the name is the one the inventory reported.
$mine = @($Servers | Where-Object { $_.Computer -eq $computer })
$results = New-Object System.Collections.ArrayList
$notes = @()
if ($mine.Count -gt 0) {
    $notes = @($mine[0].Notes)
    foreach ($change in @($mine[0].Changes)) {
        $entry = [ordered]@{
            title    = $change.Title
            path     = $change.Path
            identity = $change.Identity
            sid      = $change.Sid
            rights   = $change.Rights
            status   = 'failed'
            before   = $null
            after    = $null
            error    = $null
        }
        try {
            $current = (Get-Item -LiteralPath $change.Path -Force).GetAccessControl('Access').GetSecurityDescriptorSddlForm('Access')
            # -ccontains: SDDL is compared exactly, case included, as the grant script compares it.
            # Done lists the ACL this change leaves and those the export's later changes to the folder leave.
            if (@($change.Done) -ccontains $current) {
                $entry.status = 'done'
                $entry.before = $current
                $entry.after = $current
            }
            else {
                $answer = & $Grant -Path $change.Path -Sid $change.Sid -Rights $change.Rights -ExpectedSddl $change.ExpectedSddl | ConvertFrom-Json
                $entry.status = $answer.status
                $entry.before = $answer.before
                $entry.after = $answer.after
                if ($answer.status -eq 'stale') {
                    $entry.error = 'The ACL changed since the export was made; nothing was changed. Check again and export anew.'
                }
            }
        }
        catch {
            $entry.error = $_.Exception.Message
        }
        [void]$results.Add($entry)
    }
}

[ordered]@{
    computer = $computer
    listed   = ($mine.Count -gt 0)
    changes  = $results.ToArray()
    notes    = $notes
} | ConvertTo-Json -Depth 8
