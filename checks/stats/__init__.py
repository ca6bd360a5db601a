"""Reported test statistics recomputed: ``t(28) = 2.20, p = .036`` and its kin.

A paper or an article that reports a test statistic with its degrees of freedom and a p
value states the p value twice: once printed, once implied by the statistic. Here the
results are found in the text (:mod:`checks.stats.apa`, in the APA style of English and
Vietnamese writing, ``.`` or ``,`` as the decimal mark), the p value is recomputed from the
statistic with its rounding (:mod:`checks.stats.recompute`), and a printed p value that no
rounding of the statistic can give is reported, as statcheck does for English papers.
"""
