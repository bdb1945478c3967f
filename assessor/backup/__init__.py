"""Backup and restore: one archive holding the database rows, the stored files and a manifest of both."""
