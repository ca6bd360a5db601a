"""Binding a rule's references to claims.

A rule is evaluated once per *binding*: one claim for each reference. The anchor claim
fixes the subject and the period; an indicator reference binds to claims of the same
subject whose period stands in the kind's relation to the anchor's (comparable,
``@previous``, inside, containing, any). A ``[claim:id]`` reference binds to that claim
only. When several combinations exist, those whose claims all come from one source are
preferred (a source's own figures belong together); only when there is none are claims
from different sources combined.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from checks.ledger.claims import Claim, ClaimTable
from checks.rules.syntax import Ref

Relation = Callable[[Ref, Claim, Claim], bool]
"""``relation(ref, anchor, candidate)``: may ``candidate`` stand for ``ref`` next to ``anchor``?"""


@dataclass(frozen=True)
class Binding:
    """Claims bound to reference keys, and the references nothing could be bound to."""

    claims: Mapping[str, Claim]
    missing: tuple[Ref, ...] = ()

    @property
    def claim_ids(self) -> tuple[str, ...]:
        return tuple(c.claim_id for c in self.claims.values())


def comparable(ref: Ref, anchor: Claim, candidate: Claim) -> bool:
    """Comparable periods; ``@previous`` selects the period right before the anchor's."""
    if ref.selector == "previous":
        return candidate.period == anchor.period.previous()
    return anchor.period.comparable(candidate.period, candidate.kind)


def dated_or_comparable(ref: Ref, anchor: Claim, candidate: Claim) -> bool:
    """Events bind whatever their date; numbers need a comparable period."""
    return candidate.is_event or comparable(ref, anchor, candidate)


def anywhere(ref: Ref, anchor: Claim, candidate: Claim) -> bool:
    return True


def usable(claim: Claim) -> bool:
    """An event, or a number that reads and converts to its indicator's unit.

    A claim in a unit its indicator's unit does not convert to (GDP in USD for a VND
    indicator) is left to the checks that convert through exchange rates.
    """
    return claim.is_event or claim.canonical is not None


def anchors(table: ClaimTable, ref: Ref) -> list[Claim]:
    """The claims a reference can stand for, over all subjects."""
    if ref.is_claim:
        claim = table.by_id(ref.target)
        return [claim] if claim is not None else []
    return [c for c in table.of_indicator(ref.target) if usable(c)]


def candidates(table: ClaimTable, ref: Ref, anchor: Claim, relation: Relation) -> list[Claim]:
    """Claims that may stand for ``ref`` next to ``anchor``: same subject, related period."""
    if ref.is_claim:
        claim = table.by_id(ref.target)
        return [claim] if claim is not None else []
    return [
        c
        for c in table.of_indicator(ref.target, anchor.subject)
        if c.claim_id != anchor.claim_id and usable(c) and relation(ref, anchor, c)
    ]


def bind(
    table: ClaimTable,
    anchor_ref: Ref,
    anchor: Claim,
    others: Sequence[Ref],
    relation: Relation,
    *,
    allow_missing: int = 0,
    source_with_anchor: bool = False,
) -> Iterator[Binding]:
    """Every preferred binding of ``others`` next to ``anchor``.

    ``allow_missing`` lets up to that many references stay unbound (for a rule that derives
    the missing figure). With ``source_with_anchor`` the anchor's source counts in the
    one-source preference (for rules without a derived side, such as a ratio bound).
    """
    if source_with_anchor and not anchor_ref.is_claim:
        own = _own_source(table, anchor, others, relation)
        if own:
            for combo in own:
                yield Binding({anchor_ref.key: anchor, **combo}, ())
            return
    options = {ref.key: candidates(table, ref, anchor, relation) for ref in others}
    missing = tuple(ref for ref in others if not options[ref.key])
    if len(missing) > allow_missing:
        return
    present = [ref for ref in others if options[ref.key]]
    combos = [
        dict(zip((r.key for r in present), combo, strict=True))
        for combo in itertools.product(*(options[r.key] for r in present))
    ]
    combos = [c for c in combos if len({x.claim_id for x in c.values()}) == len(c)]
    free = {r.key for r in present if not r.is_claim}

    def one_source(combo: dict[str, Claim]) -> bool:
        sources = {combo[k].source_id for k in free}
        if source_with_anchor and not anchor_ref.is_claim:
            sources.add(anchor.source_id)
        return len(sources) <= 1

    preferred = [c for c in combos if one_source(c)]
    for combo in preferred or combos:
        yield Binding({anchor_ref.key: anchor, **combo}, missing)


def _own_source(
    table: ClaimTable, anchor: Claim, others: Sequence[Ref], relation: Relation
) -> list[dict[str, Claim]]:
    """The bindings whose free claims all come from the anchor's source, found through the
    anchor's source alone (without listing every candidate of every source); empty when
    some free reference has no candidate there, or a claim reference is missing (then the
    general path decides)."""
    options: dict[str, list[Claim]] = {}
    for ref in others:
        if ref.is_claim:
            found = candidates(table, ref, anchor, relation)
        else:
            found = [
                c
                for c in table.of_source(ref.target, anchor.subject, anchor.source_id)
                if c.claim_id != anchor.claim_id and usable(c) and relation(ref, anchor, c)
            ]
        if not found:
            return []
        options[ref.key] = found
    combos = [
        dict(zip(options, combo, strict=True)) for combo in itertools.product(*options.values())
    ]
    return [c for c in combos if len({x.claim_id for x in c.values()}) == len(c)]
