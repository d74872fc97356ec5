"""The command line's texts are literals pyside6-lupdate can extract.

lupdate reads `translate("Context", "text")` and `QT_TRANSLATE_NOOP("Context", "text")`
with string literals only; a text passed through a variable (a `_tr(text)` helper, a
`Message(CONTEXT, text)` built from a parameter, `translate(c, a if x else b)`) never
reaches the catalogue, and a Russian run shows it in English.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import kamdesk

PACKAGE = Path(kamdesk.__file__).parent
MARKERS = ("translate", "QT_TRANSLATE_NOOP")
# argparse's own words come through these hooks; they are marked in ARGPARSE_TEXTS.
HOOKS = {("language.py", "single"), ("language.py", "plural")}


def _sources() -> list[Path]:
    return [
        PACKAGE / "cli.py",
        *sorted((PACKAGE / "commands").glob("*.py")),
        *sorted((PACKAGE / "documents").rglob("*.py")),
    ]


def _calls(tree: ast.AST) -> Iterator[tuple[str, ast.Call]]:
    """Every call with the name of the function it is in ("" at module level)."""

    def walk(node: ast.AST, inside: str) -> Iterator[tuple[str, ast.Call]]:
        for child in ast.iter_child_nodes(node):
            name = child.name if isinstance(child, ast.FunctionDef) else inside
            if isinstance(child, ast.Call):
                yield inside, child
            yield from walk(child, name)

    return walk(tree, "")


def _literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _marked(node: ast.expr) -> bool:
    """A literal, or a QT_TRANSLATE_NOOP of literals."""
    if _literal(node):
        return True
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "QT_TRANSLATE_NOOP"
        and len(node.args) == 2
        and all(_literal(arg) for arg in node.args)
    )


def _wrappers(tree: ast.AST) -> set[str]:
    """Functions that make a Message of their first parameter (`_msg(text, **params)`)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.args.args:
            first = node.args.args[0].arg
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id == "Message"
                    and len(call.args) >= 2
                    and isinstance(call.args[1], ast.Name)
                    and call.args[1].id == first
                ):
                    names.add(node.name)
    return names


def _constant(node: ast.expr) -> bool:
    # A module constant such as TOO_BIG = QT_TRANSLATE_NOOP(…): marked where it is set.
    return isinstance(node, ast.Name) and node.id.isupper()


def test_every_text_of_the_command_line_is_a_literal_lupdate_reads() -> None:
    found = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        wrappers = _wrappers(tree)
        for function, call in _calls(tree):
            if not isinstance(call.func, ast.Name):
                continue  # canvas.translate(x, y) and the like: not texts
            where = f"{path.relative_to(PACKAGE)}:{call.lineno} {ast.unparse(call)[:70]}"
            name = call.func.id
            if name in MARKERS and (path.name, function) not in HOOKS:
                if len(call.args) != 2 or not all(_literal(arg) for arg in call.args):
                    found.append(where)
            elif name == "Message" and len(call.args) >= 2 and function not in wrappers:
                if not (_marked(call.args[1]) or _constant(call.args[1])):
                    found.append(where)
            elif name in wrappers and call.args:
                # A helper's callers must mark their texts (a bare literal is not read:
                # lupdate does not know the helper).
                text = call.args[0]
                if _literal(text) or not (_marked(text) or _constant(text)):
                    found.append(where)
    assert found == []


def test_no_helper_translates_a_variable() -> None:
    helpers = [
        f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}"
        for path in _sources()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef) and node.name == "_tr"
    ]
    assert helpers == []
