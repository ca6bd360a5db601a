"""The data the checks work on: the package, its tables, and the findings."""
