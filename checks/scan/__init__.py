"""Finding every number in a text, and drafting claim rows from them.

>>> from checks.scan import scan_text
>>> [m.as_written for m in scan_text("Chiều 24/12, khoảng 8.000 tỷ USD trong năm 2023").mentions]
['24/12', 'khoảng 8.000 tỷ USD', 'năm 2023']
"""

from checks.scan.mention import Kind, Mention
from checks.scan.scanner import Scan, ScanError, scan_text

__all__ = ["Kind", "Mention", "Scan", "ScanError", "scan_text"]
