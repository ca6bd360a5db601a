"""``python -m checks.cli``: the same as the ``claimledger`` console script."""

from checks.cli import main

main()
