"""Authoring a package: start one, add sources, add reviewed claims."""
