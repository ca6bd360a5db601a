"""Scanning a corpus of documents into a Parquet table of mentions (``claimledger scan``
over a folder, a glob, a JSON Lines or a Parquet file)."""
