"""Provisioning a real Windows server from a lab scenario, for the Windows CI workflow."""
