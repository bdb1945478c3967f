"""Simulated client scenarios: the YAML format, the engine that plays them, and the authoring check.

The player, stored attempts and the link to evidence build on this package; nothing here touches
the database or a request.
"""
