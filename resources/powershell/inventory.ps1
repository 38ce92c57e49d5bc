<#
.SYNOPSIS
    IIS Access operation "inventory": the server facts, every site with its
    applications and virtual directories, the effective anonymous
    authentication of each application, and every application pool - in one
    call, as one JSON document.
.NOTES
    Runs under Windows PowerShell 5.1. Everything IIS knows is read in one pass
    through Microsoft.Web.Administration.ServerManager (the API behind IIS
    Manager), never through a cmdlet per site: a hosting server has thousands.
    Enumerations are cast to their names here; the parser also accepts numbers.
    Takes no parameters; the text of this script is constant.
#>
[CmdletBinding()]
param()

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

function Get-AttributeOrDefault {
    # ConfigurationElement.GetAttributeValue:
    # https://learn.microsoft.com/en-us/dotnet/api/microsoft.web.administration.configurationelement.getattributevalue
    param($Element, [string]$Name, $Default)
    $value = $Element.GetAttributeValue($Name)
    if ($null -eq $value -or ($value -is [string] -and $value -eq '' -and $null -ne $Default)) { return $Default }
    return $value
}

function Get-ObjectState {
    # Site.State and ApplicationPool.State (ObjectState): Site.State throws for a site
    # without an HTTP binding (FTP only), so each one is read on its own.
    param($Item)
    try { return [string]$Item.State } catch { return 'Unknown' }
}

function Get-DomainSid {
    # DirectoryEntry objectSid of an Active Directory domain, through
    # System.DirectoryServices.ActiveDirectory.Domain (GetComputerDomain, Forest.RootDomain):
    # https://learn.microsoft.com/en-us/dotnet/api/system.directoryservices.activedirectory.domain
    # Believed, not measured: this asks a domain controller and can wait for its LDAP timeout.
    param($Domain)
    $bytes = [byte[]]$Domain.GetDirectoryEntry().Properties['objectSid'].Value
    return (New-Object System.Security.Principal.SecurityIdentifier($bytes, 0)).Value
}

$currentIdentity = [System.Security.Principal.WindowsIdentity]::GetCurrent()
$principal = New-Object System.Security.Principal.WindowsPrincipal($currentIdentity)
$elevated = $principal.IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator)
$webAdministration = $null -ne (Get-Module -ListAvailable -Name WebAdministration)

$iisVersion = $null
$inetStp = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\InetStp' -ErrorAction SilentlyContinue
if ($null -ne $inetStp) { $iisVersion = '{0}.{1}' -f $inetStp.MajorVersion, $inetStp.MinorVersion }

# The users' profile root: ProfilesDirectory under ProfileList (REG_EXPAND_SZ, expanded by the provider).
$profilesDirectory = $null
$profileList = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList' -ErrorAction SilentlyContinue
if ($null -ne $profileList) { $profilesDirectory = [string]$profileList.ProfilesDirectory }

# The machine's account domain: SecurityIdentifier.AccountDomainSid of a local account's SID
# (Get-LocalUser, Microsoft.PowerShell.LocalAccounts, Windows Server 2016 and later).
$machineSid = $null
try {
    $localUser = Get-LocalUser | Select-Object -First 1
    if ($null -ne $localUser) { $machineSid = $localUser.SID.AccountDomainSid.Value }
} catch { $machineSid = $null }

# The joined domain and its forest root; null on a workgroup server or when no DC answers.
$domainSid = $null
$forestRootSid = $null
$os = Get-CimInstance -ClassName Win32_OperatingSystem
$computer = Get-CimInstance -ClassName Win32_ComputerSystem
if ($computer.PartOfDomain) {
    try {
        $computerDomain = [System.DirectoryServices.ActiveDirectory.Domain]::GetComputerDomain()
        $domainSid = Get-DomainSid $computerDomain
        $forestRootSid = Get-DomainSid $computerDomain.Forest.RootDomain
    } catch { }
}

# Environment.GetFolderPath with Environment.SpecialFolder:
# https://learn.microsoft.com/en-us/dotnet/api/system.environment.specialfolder
$server = [ordered]@{
    computerName      = $env:COMPUTERNAME
    windowsVersion    = [string]$os.Version
    windowsCaption    = [string]$os.Caption
    iisVersion        = $iisVersion
    psVersion         = $PSVersionTable.PSVersion.ToString()
    elevated          = $elevated
    webAdministration = $webAdministration
    windir            = [Environment]::GetFolderPath('Windows')
    systemDrive       = $env:SystemDrive
    programFiles      = [Environment]::GetFolderPath('ProgramFiles')
    programFilesX86   = [Environment]::GetFolderPath('ProgramFilesX86')
    programData       = [Environment]::GetFolderPath('CommonApplicationData')
    profilesDirectory = $profilesDirectory
    machineSid        = $machineSid
    domainSid         = $domainSid
    forestRootSid     = $forestRootSid
}

$sites = New-Object System.Collections.Generic.List[object]
$pools = New-Object System.Collections.Generic.List[object]
# Each account name once, translated in one batch at the end: the objects that need its SID.
$accountNames = New-Object System.Collections.Generic.List[string]
$accountTargets = New-Object System.Collections.Generic.List[object]

function Add-AccountLookup {
    param($Target, [string]$Name)
    if ([string]::IsNullOrEmpty($Name)) { return }
    $accountNames.Add($Name)
    $accountTargets.Add($Target)
}

if ($webAdministration -and $PSVersionTable.PSVersion.Major -lt 6) {
    # Not loaded by Import-Module WebAdministration as documented: load it from the GAC.
    # https://learn.microsoft.com/en-us/dotnet/api/microsoft.web.administration.servermanager
    Add-Type -AssemblyName 'Microsoft.Web.Administration, Version=7.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35'
    $manager = New-Object Microsoft.Web.Administration.ServerManager
    $apphost = $manager.GetApplicationHostConfiguration()
    $anonymousSection = 'system.webServer/security/authentication/anonymousAuthentication'
    $defaultPoolName = Get-AttributeOrDefault $manager.ApplicationDefaults 'applicationPool' 'DefaultAppPool'

    foreach ($pool in $manager.ApplicationPools) {
        # ApplicationPool and ApplicationPoolProcessModel: the schema names applicationPoolDefaults
        # as the collection's defaultElement, so unset attributes answer with the defaults; an
        # explicit empty managedRuntimeVersion ("No Managed Code") stays empty.
        $processModel = $pool.ProcessModel
        $identityType = [string]$processModel.IdentityType
        $entry = [ordered]@{
            name                  = [string]$pool.Name
            state                 = Get-ObjectState $pool
            identityType          = $identityType
            userName              = $null
            userSid               = $null
            managedRuntimeVersion = [string]$pool.ManagedRuntimeVersion
            managedPipelineMode   = [string]$pool.ManagedPipelineMode
            manualGroupMembership = [bool]$processModel.GetAttributeValue('manualGroupMembership')
        }
        if ($identityType -eq 'SpecificUser') {
            $entry.userName = [string]$processModel.UserName
            Add-AccountLookup $entry $entry.userName
        }
        $pools.Add($entry)
    }

    foreach ($site in $manager.Sites) {
        $siteName = [string]$site.Name
        $sitePoolDefault = Get-AttributeOrDefault $site.ApplicationDefaults 'applicationPool' $defaultPoolName

        $bindings = New-Object System.Collections.Generic.List[object]
        foreach ($binding in $site.Bindings) {
            $bindings.Add([ordered]@{
                protocol           = [string]$binding.Protocol
                bindingInformation = [string]$binding.BindingInformation
            })
        }

        $applications = New-Object System.Collections.Generic.List[object]
        foreach ($application in $site.Applications) {
            $appPath = [string]$application.Path
            $anonymous = [ordered]@{ enabled = $false; userName = 'IUSR'; userSid = $null }
            $configError = $null
            try {
                # The effective configuration: applicationHost.config merged with every web.config
                # on the way, honouring locks and inheritInChildApplications.
                # https://learn.microsoft.com/en-us/dotnet/api/microsoft.web.administration.servermanager.getwebconfiguration
                $section = $manager.GetWebConfiguration($siteName, $appPath).GetSection($anonymousSection)
                $anonymous.enabled = [bool]$section.GetAttributeValue('enabled')
                $anonymous.userName = [string]$section.GetAttributeValue('userName')
            } catch {
                # A web.config that does not parse is itself an HTTP 500.19: report it on this
                # application, with applicationHost.config's own value for its location.
                $configError = $_.Exception.Message
                try {
                    $location = $siteName
                    if ($appPath -ne '/') { $location = $siteName + $appPath }
                    $section = $apphost.GetSection($anonymousSection, $location)
                    $anonymous.enabled = [bool]$section.GetAttributeValue('enabled')
                    $anonymous.userName = [string]$section.GetAttributeValue('userName')
                } catch { }
            }
            Add-AccountLookup $anonymous $anonymous.userName

            $virtualDirectories = New-Object System.Collections.Generic.List[object]
            foreach ($directory in $application.VirtualDirectories) {
                $configured = [string]$directory.PhysicalPath
                $virtualDirectories.Add([ordered]@{
                    path                 = [string]$directory.Path
                    physicalPath         = $configured
                    expandedPhysicalPath = [System.Environment]::ExpandEnvironmentVariables($configured)
                })
            }
            $applications.Add([ordered]@{
                path                    = $appPath
                applicationPool         = [string](Get-AttributeOrDefault $application 'applicationPool' $sitePoolDefault)
                anonymousAuthentication = $anonymous
                virtualDirectories      = $virtualDirectories.ToArray()
                configError             = $configError
            })
        }
        $sites.Add([ordered]@{
            name         = $siteName
            id           = [long]$site.Id
            state        = Get-ObjectState $site
            bindings     = $bindings.ToArray()
            applications = $applications.ToArray()
        })
    }
}

if ($accountNames.Count -gt 0) {
    # One batched lookup: IdentityReferenceCollection.Translate with forceSuccess $false keeps an
    # unresolvable name (orphaned, untrusted domain) as an NTAccount, which stays null here.
    # https://learn.microsoft.com/en-us/dotnet/api/system.security.principal.identityreferencecollection.translate
    $distinct = New-Object 'System.Collections.Generic.Dictionary[string,string]' ([StringComparer]::OrdinalIgnoreCase)
    $references = New-Object System.Security.Principal.IdentityReferenceCollection
    foreach ($name in $accountNames) {
        if (-not $distinct.ContainsKey($name)) {
            $distinct[$name] = $null
            $references.Add((New-Object System.Security.Principal.NTAccount($name)))
        }
    }
    try {
        $translated = $references.Translate([System.Security.Principal.SecurityIdentifier], $false)
        $index = 0
        foreach ($reference in $references) {
            $result = $translated[$index]
            if ($result -is [System.Security.Principal.SecurityIdentifier]) { $distinct[$reference.Value] = $result.Value }
            $index++
        }
    } catch { }
    for ($i = 0; $i -lt $accountNames.Count; $i++) {
        $accountTargets[$i].userSid = $distinct[$accountNames[$i]]
    }
}

[ordered]@{
    server   = $server
    sites    = $sites.ToArray()
    appPools = $pools.ToArray()
} | ConvertTo-Json -Depth 8 -Compress
