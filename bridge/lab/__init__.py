"""The lab host: a real WinRM/PSRP endpoint on loopback that answers like an IIS server."""
