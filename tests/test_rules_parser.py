"""The rule language: tokens, the parse tree, and syntax errors with position and expectation."""

from __future__ import annotations

import pytest

from checks.model.errors import InputError
from checks.rules.errors import RuleSyntaxError
from checks.rules.parser import OPERAND, parse_expression
from checks.rules.syntax import BinaryOp, Call, Comparison, Ref, references
from checks.rules.tokens import tokenize


def test_tokens_keep_their_positions_and_normalise_aliases() -> None:
    tokens = tokenize("[a] × 2 ≤ [claim:b-c]")
    assert [(t.kind, t.text, t.position) for t in tokens] == [
        ("REF", "[a]", 0),
        ("OP", "*", 4),
        ("NUMBER", "2", 6),
        ("CMP", "<=", 8),
        ("REF", "[claim:b-c]", 10),
        ("END", "", 21),
    ]


def test_precedence_multiplication_before_addition_and_left_associative_division() -> None:
    tree = parse_expression("1 + 2 * 3 / 4")
    assert isinstance(tree, BinaryOp) and tree.op == "+"
    assert isinstance(tree.right, BinaryOp) and tree.right.op == "/"
    assert str(tree.right.left) == "2 * 3"
    assert str(parse_expression("(1 + 2) * 3")) == "(1 + 2) * 3"


def test_identity_parses_into_a_comparison_with_a_reference_on_the_left() -> None:
    tree = parse_expression("[population] = [internet-users] / [internet-penetration]")
    assert isinstance(tree, Comparison) and tree.ops == ("=",)
    assert tree.operands[0] == Ref("population", False, None, 0)
    assert [r.key for r in references(tree)] == [
        "population",
        "internet-users",
        "internet-penetration",
    ]


def test_references_to_claims_and_to_the_previous_period() -> None:
    tree = parse_expression("growth([a], [a@previous]) + [claim:x-1]")
    assert [r.key for r in references(tree)] == ["a", "a@previous", "claim:x-1"]
    assert isinstance(tree, BinaryOp) and isinstance(tree.left, Call)
    assert tree.left.name == "growth" and len(tree.left.args) == 2


def test_chained_comparison_keeps_every_operator() -> None:
    tree = parse_expression("[a] < [b] <= [c]")
    assert isinstance(tree, Comparison)
    assert tree.ops == ("<", "<=") and [str(o) for o in tree.operands] == ["[a]", "[b]", "[c]"]


def test_negative_numbers_and_exponents() -> None:
    assert str(parse_expression("-2.5e3 * -[a]")) == "-2.5e3 * -[a]"


@pytest.mark.parametrize(
    ("text", "position", "expected", "found"),
    [
        ("[a] = ", 6, OPERAND, ""),
        ("[a] = [b] +", 11, OPERAND, ""),
        (
            "[a] = [b] [c]",
            10,
            "an operator + - * /, a comparison or the end of the expression",
            "[c]",
        ),
        ("([a] + [b]", 10, "')' to close the '(' at position 0", ""),
        ("[a] + [b])", 9, "the end of the expression (this ')' closes nothing)", ")"),
        ("[a] = [b@next]", 6, "a period selector: one of previous", "[b@next]"),
        (
            "[A] = [b]",
            0,
            "a reference [indicator-id], [indicator-id@previous] or [claim:claim-id] "
            "(lower-case slugs)",
            "[A]",
        ),
        (
            "[a] = foo([b])",
            6,
            "a function name: one of cagr, count, end, growth, hull, start, years",
            "foo",
        ),
        ("[a] = growth([b])", 6, "growth takes 2 arguments, not 1", "growth([b])"),
        (
            "years([a], [b], [c])",
            0,
            "years takes 1 to 2 arguments, not 3",
            "years([a], [b], [c])",
        ),
        (  # the limit is stated, not "1 or more" (issue 20, defect 19)
            "hull(" + ", ".join(["[a]"] * 5000) + ")",
            0,
            "hull takes 1 to 99 arguments, not 5,000",
            "hull(" + ", ".join(["[a]"] * 5000) + ")",
        ),
    ],
)
def test_syntax_errors_say_where_and_what_was_expected(
    text: str, position: int, expected: str, found: str
) -> None:
    with pytest.raises(RuleSyntaxError) as caught:
        parse_expression(text, rule_id="r1")
    error = caught.value
    assert (error.rule_id, error.column, error.position, error.expected, error.found) == (
        "r1",
        "expression",
        position,
        expected,
        found,
    )
    assert error.pointer == f"{text}\n{' ' * position}^"


def test_syntax_error_is_an_input_error_naming_the_rule() -> None:
    with pytest.raises(InputError) as caught:
        parse_expression("[a] $ 2", rule_id="bad-rule")
    assert str(caught.value) == (
        "<input>: column expression: rule bad-rule: '[a] $ 2' at position 4: found '$' "
        "(expected a number, a [reference], a function name, an operator + - * / or a "
        "comparison)"
    )


def test_python_code_is_not_an_expression() -> None:
    """Nothing in a rule reaches Python's eval: code fails to tokenize or to parse."""
    with pytest.raises(RuleSyntaxError) as caught:
        parse_expression('__import__("os").system("true")', rule_id="r")
    assert caught.value.position == 11
    with pytest.raises(RuleSyntaxError) as caught:
        parse_expression("exec([a])", rule_id="r")
    assert caught.value.found == "exec"
