<#
.SYNOPSIS
    IIS Access operation "inventory": the server facts, every site with its
    applications and virtual directories, the effective anonymous
    authentication of each application, and every application pool - in one
    call, as one JSON document.
.NOTES
    Runs under Windows PowerShell 5.1 with the WebAdministration module.
    Takes no parameters; the text of this script is constant.
#>
[CmdletBinding()]
param()

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

function Resolve-AccountSid {
    param([string]$Name)
    if ([string]::IsNullOrEmpty($Name)) { return $null }
    try {
        $account = New-Object System.Security.Principal.NTAccount($Name)
        return $account.Translate([System.Security.Principal.SecurityIdentifier]).Value
    } catch {
        return $null
    }
}

function Get-AttributeOrDefault {
    param($Element, [string]$Name, $Default)
    $value = $Element.GetAttributeValue($Name)
    if ($null -eq $value -or ($value -is [string] -and $value -eq '' -and $null -ne $Default)) { return $Default }
    return $value
}

$currentIdentity = [System.Security.Principal.WindowsIdentity]::GetCurrent()
$principal = New-Object System.Security.Principal.WindowsPrincipal($currentIdentity)
$elevated = $principal.IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator)
$webAdministration = $null -ne (Get-Module -ListAvailable -Name WebAdministration)

$iisVersion = $null
$inetStp = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\InetStp' -ErrorAction SilentlyContinue
if ($null -ne $inetStp) { $iisVersion = '{0}.{1}' -f $inetStp.MajorVersion, $inetStp.MinorVersion }

$os = Get-CimInstance -ClassName Win32_OperatingSystem
$server = [ordered]@{
    computerName      = $env:COMPUTERNAME
    windowsVersion    = [string]$os.Version
    windowsCaption    = [string]$os.Caption
    iisVersion        = $iisVersion
    psVersion         = $PSVersionTable.PSVersion.ToString()
    elevated          = $elevated
    webAdministration = $webAdministration
}

$sites = New-Object System.Collections.Generic.List[object]
$pools = New-Object System.Collections.Generic.List[object]

if ($webAdministration) {
    Import-Module WebAdministration
    $apphost = 'MACHINE/WEBROOT/APPHOST'
    $anonymousFilter = 'system.webServer/security/authentication/anonymousAuthentication'

    $serverAppDefaults = Get-WebConfiguration -PSPath $apphost -Filter '/system.applicationHost/sites/applicationDefaults'
    $defaultPoolName = Get-AttributeOrDefault $serverAppDefaults 'applicationPool' 'DefaultAppPool'

    foreach ($pool in Get-WebConfiguration -PSPath $apphost -Filter '/system.applicationHost/applicationPools/add') {
        # The schema names applicationPoolDefaults as the collection's defaultElement, so
        # GetAttributeValue already answers with the defaults for attributes a pool leaves unset;
        # an explicit empty managedRuntimeVersion ("No Managed Code") stays empty.
        $processModel = $pool.GetChildElement('processModel')
        $identityType = [string]$processModel.GetAttributeValue('identityType')
        $userName = $null
        if ($identityType -eq 'SpecificUser') { $userName = [string]$processModel.GetAttributeValue('userName') }
        $state = $null
        try { $state = [string](Get-WebAppPoolState -Name $pool.name).Value } catch { $state = 'Unknown' }
        $pools.Add([ordered]@{
            name                  = [string]$pool.name
            state                 = $state
            identityType          = $identityType
            userName              = $userName
            userSid               = Resolve-AccountSid $userName
            managedRuntimeVersion = [string]$pool.GetAttributeValue('managedRuntimeVersion')
            managedPipelineMode   = [string]$pool.GetAttributeValue('managedPipelineMode')
        })
    }

    foreach ($site in Get-WebConfiguration -PSPath $apphost -Filter '/system.applicationHost/sites/site') {
        $siteName = [string]$site.name
        $siteAppDefaults = $site.GetChildElement('applicationDefaults')
        $sitePoolDefault = Get-AttributeOrDefault $siteAppDefaults 'applicationPool' $defaultPoolName
        $state = $null
        try { $state = [string](Get-WebsiteState -Name $siteName).Value } catch { $state = 'Unknown' }

        $bindings = New-Object System.Collections.Generic.List[object]
        foreach ($binding in $site.GetChildElement('bindings').GetCollection()) {
            $bindings.Add([ordered]@{
                protocol           = [string]$binding.GetAttributeValue('protocol')
                bindingInformation = [string]$binding.GetAttributeValue('bindingInformation')
            })
        }

        $applications = New-Object System.Collections.Generic.List[object]
        foreach ($application in $site.GetCollection()) {
            $appPath = [string]$application.GetAttributeValue('path')
            $location = $siteName
            if ($appPath -ne '/') { $location = $siteName + $appPath }
            $anonymous = Get-WebConfiguration -PSPath $apphost -Location $location -Filter $anonymousFilter
            $anonymousUser = [string]$anonymous.userName

            $virtualDirectories = New-Object System.Collections.Generic.List[object]
            foreach ($directory in $application.GetCollection()) {
                $configured = [string]$directory.GetAttributeValue('physicalPath')
                $virtualDirectories.Add([ordered]@{
                    path                 = [string]$directory.GetAttributeValue('path')
                    physicalPath         = $configured
                    expandedPhysicalPath = [System.Environment]::ExpandEnvironmentVariables($configured)
                })
            }
            $applications.Add([ordered]@{
                path                    = $appPath
                applicationPool         = [string](Get-AttributeOrDefault $application 'applicationPool' $sitePoolDefault)
                anonymousAuthentication = [ordered]@{
                    enabled  = [bool]$anonymous.enabled
                    userName = $anonymousUser
                    userSid  = Resolve-AccountSid $anonymousUser
                }
                virtualDirectories      = $virtualDirectories.ToArray()
            })
        }
        $sites.Add([ordered]@{
            name         = $siteName
            id           = [long]$site.id
            state        = $state
            bindings     = $bindings.ToArray()
            applications = $applications.ToArray()
        })
    }
}

[ordered]@{
    server   = $server
    sites    = $sites.ToArray()
    appPools = $pools.ToArray()
} | ConvertTo-Json -Depth 8 -Compress
