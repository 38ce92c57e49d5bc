<#
.SYNOPSIS
    Build a lab scenario on a real Windows Server with IIS, for the conformance suite: its
    application pools, folders with their ACLs, sites, bindings, applications, virtual
    directories and anonymous authentication.
.DESCRIPTION
    The text of this script is constant: every name, path and SDDL string comes from the data
    file that tests/windows/scenario_data.py writes from the scenario, read with ConvertFrom-Json
    and passed to cmdlets as values. Run elevated on a disposable server (the CI runner): with
    -Reset it first removes every existing site and application pool.
.NOTES
    Cmdlets from WebAdministration (New-WebAppPool, New-Website, New-WebApplication,
    New-WebVirtualDirectory, Set-WebConfigurationProperty, New-ItemProperty on IIS:\Sites),
    New-LocalUser (Microsoft.PowerShell.LocalAccounts), and for ACLs
    FileSystemSecurity.SetSecurityDescriptorSddlForm with FileSystemInfo.SetAccessControl (never
    Set-Acl, which would try to rewrite the owner).
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [string]$DataFile,

    [switch]$Reset
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module WebAdministration

$data = Get-Content -LiteralPath $DataFile -Raw -Encoding UTF8 | ConvertFrom-Json
$apphost = 'MACHINE/WEBROOT/APPHOST'
$anonymousFilter = 'system.webServer/security/authentication/anonymousAuthentication'

if ($Reset) {
    foreach ($site in @(Get-Website)) { Remove-Website -Name $site.name }
    foreach ($pool in @(Get-ChildItem -LiteralPath 'IIS:\AppPools')) { Remove-WebAppPool -Name $pool.Name }
}

function New-RandomPassword {
    # A password for an account the run creates and forgets: 24 random bytes, never printed.
    $bytes = New-Object byte[] 24
    [System.Security.Cryptography.RandomNumberGenerator]::Create().GetBytes($bytes)
    return ConvertTo-SecureString -String ([Convert]::ToBase64String($bytes) + 'a1!') -AsPlainText -Force
}

foreach ($pool in $data.pools) {
    $poolPath = Join-Path -Path 'IIS:\AppPools' -ChildPath $pool.name
    New-WebAppPool -Name $pool.name | Out-Null
    Set-ItemProperty -LiteralPath $poolPath -Name managedRuntimeVersion -Value $pool.managedRuntimeVersion
    Set-ItemProperty -LiteralPath $poolPath -Name managedPipelineMode -Value $pool.managedPipelineMode
    Set-ItemProperty -LiteralPath $poolPath -Name processModel.identityType -Value $pool.identityType
    if ($pool.identityType -eq 'SpecificUser') {
        # The scenario's account, made on this machine: the name after the backslash, a random password.
        $accountName = ($pool.userName -split '\\')[-1]
        $password = New-RandomPassword
        if ($null -eq (Get-LocalUser -Name $accountName -ErrorAction SilentlyContinue)) {
            New-LocalUser -Name $accountName -Password $password -PasswordNeverExpires | Out-Null
        } else {
            Set-LocalUser -Name $accountName -Password $password
        }
        $credential = New-Object System.Management.Automation.PSCredential($accountName, $password)
        Set-ItemProperty -LiteralPath $poolPath -Name processModel.userName -Value ($env:COMPUTERNAME + '\' + $accountName)
        Set-ItemProperty -LiteralPath $poolPath -Name processModel.password -Value ($credential.GetNetworkCredential().Password)
    }
    if (-not $pool.started) { Stop-WebAppPool -Name $pool.name }
}

foreach ($folder in $data.folders) {
    if (-not (Test-Path -LiteralPath $folder.path)) {
        $itemType = 'Directory'
        if ($folder.type -eq 'file') { $itemType = 'File' }
        New-Item -Path $folder.path -ItemType $itemType -Force | Out-Null
    }
    $item = Get-Item -LiteralPath $folder.path -Force
    $acl = $item.GetAccessControl('Access')
    $acl.SetSecurityDescriptorSddlForm($folder.sddl, [System.Security.AccessControl.AccessControlSections]::Access)
    $item.SetAccessControl($acl)
}

foreach ($site in $data.sites) {
    $root = $site.applications | Where-Object { $_.path -eq '/' } | Select-Object -First 1
    $rootDirectory = $root.virtualDirectories | Where-Object { $_.path -eq '/' } | Select-Object -First 1
    $sitePath = Join-Path -Path 'IIS:\Sites' -ChildPath $site.name
    New-Website -Name $site.name -Id $site.id -PhysicalPath $rootDirectory.physicalPath -ApplicationPool $root.applicationPool | Out-Null
    # New-Website adds a binding of its own: the scenario's replace it.
    Clear-ItemProperty -LiteralPath $sitePath -Name bindings
    foreach ($binding in $site.bindings) {
        New-ItemProperty -LiteralPath $sitePath -Name bindings -Value @{ protocol = $binding.protocol; bindingInformation = $binding.bindingInformation } | Out-Null
    }
    foreach ($application in $site.applications) {
        $location = $site.name
        $applicationName = $application.path.TrimStart('/')
        if ($application.path -ne '/') {
            $location = $site.name + $application.path
            $directory = $application.virtualDirectories | Where-Object { $_.path -eq '/' } | Select-Object -First 1
            New-WebApplication -Site $site.name -Name $applicationName -PhysicalPath $directory.physicalPath -ApplicationPool $application.applicationPool | Out-Null
        }
        foreach ($directory in $application.virtualDirectories) {
            if ($directory.path -eq '/') { continue }
            $parameters = @{ Site = $site.name; Name = $directory.path.TrimStart('/'); PhysicalPath = $directory.physicalPath }
            if ($application.path -ne '/') { $parameters['Application'] = $applicationName }
            New-WebVirtualDirectory @parameters | Out-Null
        }
        Set-WebConfigurationProperty -PSPath $apphost -Location $location -Filter $anonymousFilter -Name enabled -Value $application.anonymousEnabled
        Set-WebConfigurationProperty -PSPath $apphost -Location $location -Filter $anonymousFilter -Name userName -Value $application.anonymousUserName
    }
    if (-not $site.started) { Stop-Website -Name $site.name }
}

Write-Output ('Provisioned {0} pools, {1} folders and {2} sites.' -f @($data.pools).Count, @($data.folders).Count, @($data.sites).Count)
