<#
.SYNOPSIS
    IIS Access operation "inventory": the server facts, every site with its
    applications and virtual directories (with their Connect as user), the
    effective authentication, URL authorization and ASP.NET impersonation of
    each application, every application pool, and the groups of the accounts
    IIS reads content as - in one call, as one JSON document.
.NOTES
    Runs under Windows PowerShell 5.1. Everything IIS knows is read in one pass
    through Microsoft.Web.Administration.ServerManager (the API behind IIS
    Manager), never through a cmdlet per site: a hosting server has thousands.
    Enumerations are cast to their names here; the parser also accepts numbers.
    No password is ever read: only whether one is configured.
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

function Get-ConfigSection {
    # Configuration.GetSection(sectionPath) and GetSection(sectionPath, locationPath):
    # https://learn.microsoft.com/en-us/dotnet/api/microsoft.web.administration.configuration.getsection
    param($Configuration, [string]$Path, $Location)
    if ($null -eq $Location) { return $Configuration.GetSection($Path) }
    return $Configuration.GetSection($Path, $Location)
}

function Get-EnumName {
    # An enum attribute by its schema name: GetAttributeValue is believed to give the number, the
    # schema's ConfigurationAttributeSchema.GetEnumValues the names (ConfigurationEnumValue):
    # https://learn.microsoft.com/en-us/dotnet/api/microsoft.web.administration.configurationattributeschema.getenumvalues
    param($Element, [string]$Name)
    $attribute = $Element.GetAttribute($Name)
    $value = [string]$attribute.Value
    foreach ($enum in $attribute.Schema.GetEnumValues()) {
        if ([string]$enum.Value -eq $value -or $enum.Name -eq $value) { return [string]$enum.Name }
    }
    return $value
}

function Read-Sections {
    # The sections IIS reads content by, from one configuration: GetWebConfiguration's (every
    # web.config on the way merged in) or applicationHost.config's own for a location.
    # https://learn.microsoft.com/en-us/iis/configuration/system.webserver/security/authentication/anonymousauthentication
    # https://learn.microsoft.com/en-us/iis/configuration/system.webserver/security/authentication/windowsauthentication/
    # https://learn.microsoft.com/en-us/iis/configuration/system.webserver/security/authentication/basicauthentication
    # https://learn.microsoft.com/en-us/iis/configuration/system.webserver/security/authentication/digestauthentication
    param($Configuration, $Location)
    $authentication = 'system.webServer/security/authentication/'
    $anonymous = Get-ConfigSection $Configuration ($authentication + 'anonymousAuthentication') $Location
    $windows = Get-ConfigSection $Configuration ($authentication + 'windowsAuthentication') $Location
    $basic = Get-ConfigSection $Configuration ($authentication + 'basicAuthentication') $Location
    $digest = Get-ConfigSection $Configuration ($authentication + 'digestAuthentication') $Location
    # URL authorization's <add accessType users roles verbs> rules, in order, through the section's
    # default collection (ConfigurationElement.GetCollection()):
    # https://learn.microsoft.com/en-us/iis/configuration/system.webserver/security/authorization/add
    # https://learn.microsoft.com/en-us/dotnet/api/microsoft.web.administration.configurationelement.getcollection
    $authorization = Get-ConfigSection $Configuration 'system.webServer/security/authorization' $Location
    # ASP.NET's <identity impersonate userName password> (its password is never read). IIS reads
    # system.web sections through ASPNET_schema.xml; that GetWebConfiguration exposes this one as it
    # does the system.webServer sections is believed, not documented.
    # https://learn.microsoft.com/en-us/previous-versions/dotnet/netframework-4.0/72wdk8cc(v=vs.100)
    # Where it cannot be read (believed: applicationHost.config alone does not declare it), ASP.NET's
    # default applies: no impersonation.
    $impersonation = [ordered]@{ enabled = $false; userName = ''; userSid = $null }
    try {
        $identity = Get-ConfigSection $Configuration 'system.web/identity' $Location
        $impersonation.enabled = [bool]$identity.GetAttributeValue('impersonate')
        $impersonation.userName = [string]$identity.GetAttributeValue('userName')
    } catch { }
    $rules = New-Object System.Collections.Generic.List[object]
    foreach ($rule in $authorization.GetCollection()) {
        $rules.Add([ordered]@{
            accessType = Get-EnumName $rule 'accessType'
            users      = [string]$rule.GetAttributeValue('users')
            roles      = [string]$rule.GetAttributeValue('roles')
            verbs      = [string]$rule.GetAttributeValue('verbs')
            accounts   = @()
        })
    }
    return [ordered]@{
        anonymous      = [ordered]@{
            enabled  = [bool]$anonymous.GetAttributeValue('enabled')
            userName = [string]$anonymous.GetAttributeValue('userName')
            userSid  = $null
        }
        authentication = [ordered]@{
            windows = [bool]$windows.GetAttributeValue('enabled')
            basic   = [bool]$basic.GetAttributeValue('enabled')
            digest  = [bool]$digest.GetAttributeValue('enabled')
        }
        authorization  = $rules.ToArray()
        impersonation  = $impersonation
    }
}

function Get-PrincipalName {
    # The name an S4U logon takes: the account's userPrincipalName, read by binding to its SID
    # (https://learn.microsoft.com/en-us/windows/win32/ad/binding-to-an-object-using-a-sid), else the
    # implicit UPN sAMAccountName@<the computer's DNS domain> (believed to be accepted likewise).
    param([string]$Sid, [string]$Name, [string]$DnsDomain)
    try {
        $upn = [string](New-Object System.DirectoryServices.DirectoryEntry("LDAP://<SID=$Sid>")).Properties['userPrincipalName'].Value
        if ($upn) { return $upn }
    } catch { }
    return '{0}@{1}' -f $Name.Split('\')[-1], $DnsDomain
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

# The computer's domain account, <NetBIOS domain>\<COMPUTERNAME>$: what ApplicationPoolIdentity,
# NetworkService and LocalSystem workers present to a file server. The NetBIOS (flat) domain name is
# the domain part of the name SecurityIdentifier.Translate (LookupAccountSid) gives the domain's own
# "Domain Computers" group, <domain SID>-515 (MS-DTYP 2.4.2.4); its SID comes with the batch below.
# https://learn.microsoft.com/en-us/dotnet/api/system.security.principal.securityidentifier.translate
# https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-lookupaccountsidw
$computerAccount = $null
if ($null -ne $domainSid) {
    try {
        $domainComputers = New-Object System.Security.Principal.SecurityIdentifier(($domainSid + '-515'))
        $flatName = $domainComputers.Translate([System.Security.Principal.NTAccount]).Value.Split('\')[0]
        $computerAccount = [ordered]@{ name = ('{0}\{1}$' -f $flatName, $env:COMPUTERNAME); sid = $null }
    } catch { $computerAccount = $null }
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
    computerAccount   = $null
}

$sites = New-Object System.Collections.Generic.List[object]
$pools = New-Object System.Collections.Generic.List[object]
# Each account name once, translated in one batch at the end: the objects that need its SID, and
# the key of each that takes it.
$accountNames = New-Object System.Collections.Generic.List[string]
$accountTargets = New-Object System.Collections.Generic.List[object]
$accountKeys = New-Object System.Collections.Generic.List[string]
# The entries (with userName and userSid) whose account's groups the server computes at the end.
$membershipCandidates = New-Object System.Collections.Generic.List[object]

function Add-AccountLookup {
    param($Target, [string]$Name, [string]$Key = 'userSid')
    if ([string]::IsNullOrEmpty($Name)) { return }
    $accountNames.Add($Name)
    $accountTargets.Add($Target)
    $accountKeys.Add($Key)
}

if ($null -ne $computerAccount) { Add-AccountLookup $computerAccount $computerAccount.name 'sid' }

if ($webAdministration -and $PSVersionTable.PSVersion.Major -lt 6) {
    # Not loaded by Import-Module WebAdministration as documented: load it from the GAC.
    # https://learn.microsoft.com/en-us/dotnet/api/microsoft.web.administration.servermanager
    Add-Type -AssemblyName 'Microsoft.Web.Administration, Version=7.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35'
    $manager = New-Object Microsoft.Web.Administration.ServerManager
    $apphost = $manager.GetApplicationHostConfiguration()
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
            # ApplicationPool.Enable32BitAppOnWin64: a 32-bit worker (the Framework, not Framework64, folders).
            enable32BitAppOnWin64 = [bool]$pool.Enable32BitAppOnWin64
        }
        if ($identityType -eq 'SpecificUser') {
            $entry.userName = [string]$processModel.UserName
            Add-AccountLookup $entry $entry.userName
            $membershipCandidates.Add($entry)
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
            $settings = $null
            $configError = $null
            try {
                # The effective configuration: applicationHost.config merged with every web.config
                # on the way, honouring locks and inheritInChildApplications.
                # https://learn.microsoft.com/en-us/dotnet/api/microsoft.web.administration.servermanager.getwebconfiguration
                $settings = Read-Sections ($manager.GetWebConfiguration($siteName, $appPath)) $null
            } catch {
                # A web.config that does not parse, or sets a locked section, is itself an HTTP 500.19:
                # report it on this application, with applicationHost.config's values for its location.
                $configError = $_.Exception.Message
                try {
                    $location = $siteName
                    if ($appPath -ne '/') { $location = $siteName + $appPath }
                    $settings = Read-Sections $apphost $location
                } catch { }
            }
            if ($null -eq $settings) {
                $settings = [ordered]@{
                    anonymous      = [ordered]@{ enabled = $false; userName = 'IUSR'; userSid = $null }
                    authentication = [ordered]@{ windows = $false; basic = $false; digest = $false }
                    authorization  = @()
                    impersonation  = [ordered]@{ enabled = $false; userName = ''; userSid = $null }
                }
            }
            Add-AccountLookup $settings.anonymous $settings.anonymous.userName
            Add-AccountLookup $settings.impersonation $settings.impersonation.userName
            if ($settings.impersonation.userName) { $membershipCandidates.Add($settings.impersonation) }
            foreach ($rule in $settings.authorization) {
                # The named users and roles ("*" is everyone, "?" the anonymous user), comma-separated.
                $accounts = New-Object System.Collections.Generic.List[object]
                foreach ($part in (($rule.users + ',' + $rule.roles) -split ',')) {
                    $name = $part.Trim()
                    if ($name -and $name -ne '*' -and $name -ne '?') {
                        $account = [ordered]@{ name = $name; sid = $null }
                        Add-AccountLookup $account $name 'sid'
                        $accounts.Add($account)
                    }
                }
                $rule.accounts = $accounts.ToArray()
            }

            $virtualDirectories = New-Object System.Collections.Generic.List[object]
            foreach ($directory in $application.VirtualDirectories) {
                $configured = [string]$directory.PhysicalPath
                # VirtualDirectory.UserName and LogonMethod (AuthenticationLogonMethod): IIS Manager's
                # "Connect as"; "" is pass-through. Whether a password is set comes from
                # ConfigurationAttribute.IsInheritedFromDefaultValue, never from the value itself
                # (believed: an attribute written as password="" counts as set).
                # https://learn.microsoft.com/en-us/iis/configuration/system.applicationhost/sites/site/application/virtualdirectory
                # https://learn.microsoft.com/en-us/dotnet/api/microsoft.web.administration.virtualdirectory
                # https://learn.microsoft.com/en-us/dotnet/api/microsoft.web.administration.configurationattribute.isinheritedfromdefaultvalue
                $entry = [ordered]@{
                    path                 = [string]$directory.Path
                    physicalPath         = $configured
                    expandedPhysicalPath = [System.Environment]::ExpandEnvironmentVariables($configured)
                    userName             = [string]$directory.UserName
                    userSid              = $null
                    logonMethod          = [string]$directory.LogonMethod
                    passwordSet          = -not $directory.GetAttribute('password').IsInheritedFromDefaultValue
                }
                Add-AccountLookup $entry $entry.userName
                if ($entry.userName) { $membershipCandidates.Add($entry) }
                $virtualDirectories.Add($entry)
            }
            $applications.Add([ordered]@{
                path                    = $appPath
                applicationPool         = [string](Get-AttributeOrDefault $application 'applicationPool' $sitePoolDefault)
                anonymousAuthentication = $settings.anonymous
                authentication          = $settings.authentication
                authorization           = $settings.authorization
                impersonation           = $settings.impersonation
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
        $accountTargets[$i][$accountKeys[$i]] = $distinct[$accountNames[$i]]
    }
}
if ($null -ne $computerAccount -and $null -ne $computerAccount.sid) { $server.computerAccount = $computerAccount }

# The groups in the token of each account IIS reads content as (a SpecificUser pool's, an
# impersonated and a Connect-as user), each once. A domain account's come from an S4U logon:
# New-Object WindowsIdentity(<UPN>) and its Groups, which need a domain controller that allows it.
# https://learn.microsoft.com/en-us/dotnet/api/system.security.principal.windowsidentity.-ctor#system-security-principal-windowsidentity-ctor(system-string)
# A local account's are the local groups that store it, read once with Get-LocalGroup and
# Get-LocalGroupMember (which fails on a group holding an unresolvable member).
# https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.localaccounts/get-localgroup
# https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.localaccounts/get-localgroupmember
$memberships = New-Object System.Collections.Generic.List[object]
$seenMembers = New-Object 'System.Collections.Generic.HashSet[string]' ([StringComparer]::OrdinalIgnoreCase)
$localGroupsOf = $null
$localGroupsError = $null
foreach ($candidate in $membershipCandidates) {
    $memberSid = $candidate.userSid
    if ($null -eq $memberSid -or -not $seenMembers.Add($memberSid)) { continue }
    $membership = [ordered]@{ sid = $memberSid; groups = @(); complete = $true; error = $null }
    $accountDomain = (New-Object System.Security.Principal.SecurityIdentifier($memberSid)).AccountDomainSid
    if ($null -ne $accountDomain -and $accountDomain.Value -ne $machineSid) {
        try {
            $principalName = Get-PrincipalName $memberSid $candidate.userName ([string]$computer.Domain)
            $identity = New-Object System.Security.Principal.WindowsIdentity($principalName)
            $groups = New-Object System.Collections.Generic.List[string]
            foreach ($group in $identity.Groups) { $groups.Add($group.Value) }
            $membership.groups = $groups.ToArray()
        } catch {
            $membership.complete = $false
            $membership.error = $_.Exception.Message
        }
    } else {
        if ($null -eq $localGroupsOf) {
            $localGroupsOf = New-Object 'System.Collections.Generic.Dictionary[string,object]' ([StringComparer]::OrdinalIgnoreCase)
            try {
                foreach ($localGroup in Get-LocalGroup) {
                    try {
                        foreach ($member in Get-LocalGroupMember -Group $localGroup) {
                            $key = $member.SID.Value
                            if (-not $localGroupsOf.ContainsKey($key)) {
                                $localGroupsOf[$key] = New-Object System.Collections.Generic.List[string]
                            }
                            $localGroupsOf[$key].Add($localGroup.SID.Value)
                        }
                    } catch { $localGroupsError = $_.Exception.Message }
                }
            } catch { $localGroupsError = $_.Exception.Message }
        }
        if ($localGroupsOf.ContainsKey($memberSid)) { $membership.groups = $localGroupsOf[$memberSid].ToArray() }
        if ($null -ne $localGroupsError) {
            $membership.complete = $false
            $membership.error = $localGroupsError
        }
    }
    $memberships.Add($membership)
}

# The deepest object, an authorization rule's account, sits at level 8 (arrays count): -Depth 8 keeps it.
[ordered]@{
    server      = $server
    sites       = $sites.ToArray()
    appPools    = $pools.ToArray()
    memberships = $memberships.ToArray()
} | ConvertTo-Json -Depth 8 -Compress
