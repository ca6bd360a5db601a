"""Comparisons that need no rule: claims that cannot all be right, families of
indicators measured differently, and corroboration by independent sources."""
