"""Printable documents (PDF) built from plain data; no database, no Qt."""
