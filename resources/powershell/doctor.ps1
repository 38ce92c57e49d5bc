<#
.SYNOPSIS
    IIS Access operation "doctor": read-only probes of every assumption the
    other operation scripts make, each answered with what the server says or
    with the exception it threw - as one JSON document.
.NOTES
    Changes nothing. Takes no parameters; the text of this script is constant.
    Each probe reports facts (its value, or the exception's type and message);
    whether a fact is good enough for IIS Access is decided by the client
    (bridge/doctor.py), so the verdicts are unit-tested without Windows.
    A probe that needs an earlier one (the first site, WebAdministration)
    simply fails with the exception it meets: that exception is the report.
#>
[CmdletBinding()]
param()

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$probes = New-Object System.Collections.Generic.List[object]

function Add-Probe {
    param([string]$Name, [scriptblock]$Body)
    $value = $null
    $failure = $null
    try {
        $value = & $Body
    } catch {
        # A .NET method's exception arrives wrapped in MethodInvocationException: the innermost names the cause.
        $failure = [ordered]@{
            type    = $_.Exception.GetBaseException().GetType().FullName
            message = $_.Exception.Message
        }
    }
    $probes.Add([ordered]@{ name = $Name; value = $value; error = $failure })
}

function Get-ValueAndType {
    param($Value)
    if ($null -eq $Value) { return [ordered]@{ value = $null; type = $null } }
    # [string] of an enum gives its name, of a number its digits: the parser accepts both.
    return [ordered]@{ value = [string]$Value; type = $Value.GetType().FullName }
}

$apphost = 'MACHINE/WEBROOT/APPHOST'

# $PSVersionTable and $PSSenderInfo (about_Automatic_Variables): $PSSenderInfo exists only in a
# remote session, and its ConfigurationName is the endpoint the client connected to.
Add-Probe 'powershell' {
    $configurationName = $null
    if ($null -ne $PSSenderInfo) { $configurationName = [string]$PSSenderInfo.ConfigurationName }
    [ordered]@{
        edition           = [string]$PSVersionTable.PSEdition
        version           = $PSVersionTable.PSVersion.ToString()
        configurationName = $configurationName
    }
}

# SessionState.LanguageMode (about_Language_Modes): the scripts need FullLanguage for New-Object of .NET types.
Add-Probe 'languageMode' {
    [ordered]@{ languageMode = [string]$ExecutionContext.SessionState.LanguageMode }
}

# WindowsPrincipal.IsInRole(WindowsBuiltInRole.Administrator): true only in an elevated token.
Add-Probe 'elevation' {
    $identity = [System.Security.Principal.WindowsIdentity]::GetCurrent()
    $principal = New-Object System.Security.Principal.WindowsPrincipal($identity)
    [ordered]@{ elevated = $principal.IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator) }
}

# Get-Module -ListAvailable and Import-Module (Microsoft.PowerShell.Core).
Add-Probe 'webAdministration' {
    $module = Get-Module -ListAvailable -Name WebAdministration | Select-Object -First 1
    if ($null -eq $module) {
        throw (New-Object System.IO.FileNotFoundException('The WebAdministration module is not installed.'))
    }
    Import-Module WebAdministration
    [ordered]@{ version = $module.Version.ToString() }
}

# Microsoft.Web.Administration from the GAC, loaded as inventory.ps1 loads it, then ServerManager.Sites
# (https://learn.microsoft.com/en-us/dotnet/api/microsoft.web.administration.servermanager).
Add-Probe 'serverManager' {
    Add-Type -AssemblyName 'Microsoft.Web.Administration, Version=7.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35'
    $manager = New-Object Microsoft.Web.Administration.ServerManager
    try {
        [ordered]@{ assembly = $manager.GetType().Assembly.FullName; sites = $manager.Sites.Count }
    } finally {
        $manager.Dispose()
    }
}

# The enums as inventory.ps1 reads them (ApplicationPoolProcessModel.IdentityType,
# ApplicationPool.ManagedPipelineMode, ApplicationPool.State, Site.State, cast with [string]), and
# beside them ConfigurationElement.GetAttributeValue('identityType'), whose number-or-name answer
# is not documented: recorded so a real server settles it.
Add-Probe 'enums' {
    $manager = New-Object Microsoft.Web.Administration.ServerManager
    try {
        $pool = $manager.ApplicationPools | Select-Object -First 1
        $site = $manager.Sites | Select-Object -First 1
        if ($null -eq $pool) { throw (New-Object System.InvalidOperationException('This server has no application pool.')) }
        if ($null -eq $site) { throw (New-Object System.InvalidOperationException('This server has no site.')) }
        [ordered]@{
            identityType          = Get-ValueAndType ($pool.ProcessModel.IdentityType)
            managedPipelineMode   = Get-ValueAndType ($pool.ManagedPipelineMode)
            poolState             = Get-ValueAndType ($pool.State)
            siteState             = Get-ValueAndType ($site.State)
            identityTypeAttribute = Get-ValueAndType ($pool.ProcessModel.GetAttributeValue('identityType'))
        }
    } finally {
        $manager.Dispose()
    }
}

# Get-WebConfiguration -Location (WebAdministration): the effective anonymousAuthentication of the first site.
Add-Probe 'anonymousAuthentication' {
    $site = Get-WebConfiguration -PSPath $apphost -Filter '/system.applicationHost/sites/site' | Select-Object -First 1
    $anonymous = Get-WebConfiguration -PSPath $apphost -Location ([string]$site.name) -Filter 'system.webServer/security/authentication/anonymousAuthentication'
    [ordered]@{ site = [string]$site.name; enabled = [bool]$anonymous.enabled; userName = [string]$anonymous.userName }
}

# DirectoryInfo.GetAccessControl(AccessControlSections) (.NET Framework only: under PowerShell 7 it is an
# extension method and this call fails) and ObjectSecurity.GetSecurityDescriptorSddlForm.
Add-Probe 'accessControl' {
    $site = Get-WebConfiguration -PSPath $apphost -Filter '/system.applicationHost/sites/site' | Select-Object -First 1
    $root = $site.GetCollection() | Where-Object { $_.GetAttributeValue('path') -eq '/' } | Select-Object -First 1
    $directory = $root.GetCollection() | Where-Object { $_.GetAttributeValue('path') -eq '/' } | Select-Object -First 1
    $path = [System.Environment]::ExpandEnvironmentVariables([string]$directory.GetAttributeValue('physicalPath'))
    $acl = (Get-Item -LiteralPath $path -Force).GetAccessControl([System.Security.AccessControl.AccessControlSections]'Access, Owner')
    [ordered]@{ path = $path; sddl = $acl.GetSecurityDescriptorSddlForm('Access') }
}

# NTAccount.Translate(typeof(SecurityIdentifier)): the names the inventory resolves, and one pool's virtual account.
Add-Probe 'sidTranslation' {
    $pool = Get-WebConfiguration -PSPath $apphost -Filter '/system.applicationHost/applicationPools/add' | Select-Object -First 1
    $poolAccount = 'IIS AppPool\' + [string]$pool.name
    $sid = @{}
    foreach ($name in @('IUSR', 'IIS_IUSRS', $poolAccount)) {
        $account = New-Object System.Security.Principal.NTAccount($name)
        $sid[$name] = $account.Translate([System.Security.Principal.SecurityIdentifier]).Value
    }
    [ordered]@{ iusr = $sid['IUSR']; iisIusrs = $sid['IIS_IUSRS']; pool = [string]$pool.name; poolSid = $sid[$poolAccount] }
}

# Environment variables windir and SystemDrive (Environment.GetEnvironmentVariable).
Add-Probe 'environment' {
    [ordered]@{
        windir      = [System.Environment]::GetEnvironmentVariable('windir')
        systemDrive = [System.Environment]::GetEnvironmentVariable('SystemDrive')
    }
}

# Win32_UserAccount (CIM) for a local account, SecurityIdentifier.AccountDomainSid for its machine SID; the
# computer account NAME$ translated with NTAccount for the domain SID (null when not joined to a domain).
Add-Probe 'machineSid' {
    $local = Get-CimInstance -ClassName Win32_UserAccount -Filter 'LocalAccount = TRUE' | Select-Object -First 1
    $machineSid = (New-Object System.Security.Principal.SecurityIdentifier([string]$local.SID)).AccountDomainSid.Value
    $domainSid = $null
    if ((Get-CimInstance -ClassName Win32_ComputerSystem).PartOfDomain) {
        $computer = New-Object System.Security.Principal.NTAccount(([string]$env:COMPUTERNAME + '$'))
        $domainSid = $computer.Translate([System.Security.Principal.SecurityIdentifier]).AccountDomainSid.Value
    }
    [ordered]@{ machineSid = $machineSid; domainSid = $domainSid }
}

# The WSMan: drive (about_WSMan_Provider): MaxEnvelopeSizekb bounds each message, MaxTimeoutms each operation.
Add-Probe 'winrm' {
    [ordered]@{
        maxEnvelopeSizekb = [long](Get-Item -LiteralPath 'WSMan:\localhost\MaxEnvelopeSizekb').Value
        maxTimeoutms      = [long](Get-Item -LiteralPath 'WSMan:\localhost\MaxTimeoutms').Value
    }
}

[ordered]@{ probes = $probes.ToArray() } | ConvertTo-Json -Depth 8 -Compress
