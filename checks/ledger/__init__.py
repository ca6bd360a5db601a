"""The ledger: the claim table derived from a package's tables (typed views, the parsed
``as_written``, the claims as intervals), built once per run and asked for by the checks.
"""
