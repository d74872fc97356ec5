"""KAMdesk: an offline-first workstation for pharmaceutical Key Account Managers."""

__version__ = "0.1.0"
