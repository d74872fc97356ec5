"""The Clients section: the accounts list, its filters, merging and new accounts."""
