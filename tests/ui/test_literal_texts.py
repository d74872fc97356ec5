"""The window's texts are literals pyside6-lupdate can extract, or marked tables.

lupdate reads `translate("Context", "text")`, `self.tr("text")` and
`QT_TRANSLATE_NOOP("Context", "text")` with string literals only. A text
translated through a variable reaches the catalogue only when every value the
variable can hold is marked with QT_TRANSLATE_NOOP in the context it is looked up
in; a `_t(text)`/`_tr(text)` helper hides that, and the Russian window shows English.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import kamdesk

PACKAGE = Path(kamdesk.__file__).parent
UI = PACKAGE / "ui"
APPLICATIONS = {"QCoreApplication", "QApplication", "QGuiApplication"}
HELPERS = {"_t", "_tr", "translate"}


def _literal(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _noop(node: ast.AST) -> str | None:
    """The context of a `QT_TRANSLATE_NOOP("Context", "text")`, else None."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "QT_TRANSLATE_NOOP"
        and len(node.args) == 2
        and all(_literal(arg) for arg in node.args)
    ):
        return str(node.args[0].value)  # type: ignore[attr-defined]
    return None


class _Module:
    def __init__(self, tree: ast.Module) -> None:
        self.names: dict[str, ast.expr] = {}
        self.imported: dict[str, tuple[str, str]] = {}
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("kamdesk."):
                for alias in node.names:
                    self.imported[alias.asname or alias.name] = (str(node.module), alias.name)
            targets = node.targets if isinstance(node, ast.Assign) else []
            if isinstance(node, ast.AnnAssign) and node.value is not None:
                targets = [node.target]
            value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
            for target in targets:
                if isinstance(target, ast.Name) and value is not None:
                    self.names[target.id] = value
                elif isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple):
                    for name, item in zip(target.elts, value.elts, strict=False):
                        if isinstance(name, ast.Name):
                            self.names[name.id] = item

    def constant(self, node: ast.AST) -> str | None:
        """A context: a literal, or a module name bound to one."""
        if _literal(node):
            return str(node.value)  # type: ignore[attr-defined]
        if isinstance(node, ast.Name) and _literal(self.names.get(node.id)):
            return str(self.names[node.id].value)  # type: ignore[attr-defined]
        return None


def _bindings(function: ast.AST | None, name: str) -> list[ast.expr] | None:
    """What a local name is set from in its function; None for a parameter or unknown."""
    if function is None:
        return []
    assert isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
    params = function.args
    if name in {a.arg for a in [*params.posonlyargs, *params.args, *params.kwonlyargs]}:
        return None

    def named(target: ast.AST) -> bool:
        return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(target))

    found: list[ast.expr] = []
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and any(named(t) for t in node.targets):
            found.append(node.value)
        elif isinstance(node, ast.AnnAssign | ast.NamedExpr) and node.value is not None:
            if named(node.target):
                found.append(node.value)
        elif isinstance(node, ast.For | ast.comprehension) and named(node.target):
            found.append(node.iter)
    return found


def _contexts(
    node: ast.AST, module: _Module, function: ast.AST | None, seen: frozenset[str] = frozenset()
) -> set[str] | None:
    """The contexts of the marked texts `node` can give; None when one of its values
    is not marked (a parameter, an attribute, a bare literal in a table…)."""
    marked = _noop(node)
    if marked is not None:
        return {marked}

    def union(parts: list[ast.AST]) -> set[str] | None:
        found: set[str] = set()
        for part in parts:
            some = _contexts(part, module, function, seen)
            if some is None:
                return None
            found |= some
        return found

    if isinstance(node, ast.Constant) and node.value in ("", None):
        return set()  # no text: nothing to translate
    if isinstance(node, ast.Name):
        if node.id in seen:
            return set()
        seen = seen | {node.id}
        local = _bindings(function, node.id)
        if local is None:
            return None
        if local:
            return union(list(local))
        if node.id in module.names:
            return _contexts(module.names[node.id], module, None, seen)
        if node.id in module.imported:  # a table marked in the module it comes from
            name, original = module.imported[node.id]
            path = PACKAGE.joinpath(*name.split(".")[1:]).with_suffix(".py")
            if path.is_file():
                there = _Module(ast.parse(path.read_text(encoding="utf-8")))
                return _contexts(ast.Name(original), there, None, frozenset())
        return None
    if isinstance(node, ast.Dict):
        return union(list(node.values))
    if isinstance(node, ast.Tuple) and len(node.elts) == 2:
        context = module.constant(node.elts[0])
        if context is not None:  # a (context, marked text or table) pair
            inner = _contexts(node.elts[1], module, function, seen)
            return inner if inner is not None and inner <= {context} else None
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return union(list(node.elts))
    if isinstance(node, ast.Subscript):
        return _contexts(node.value, module, function, seen)
    if isinstance(node, ast.IfExp):
        return union([node.body, node.orelse])
    if isinstance(node, ast.BoolOp):
        return union(list(node.values))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr in ("items", "values") and not node.args:
            return _contexts(node.func.value, module, function, seen)
        if node.func.attr == "get" and 1 <= len(node.args) <= 2:
            return union([node.func.value, *node.args[1:]])
    return None


def _calls(tree: ast.AST) -> Iterator[tuple[ast.AST | None, str | None, ast.Call]]:
    """Every call with its function and the class it is in."""

    def walk(node: ast.AST, function: ast.AST | None, cls: str | None) -> Iterator:
        for child in ast.iter_child_nodes(node):
            inner_function, inner_class = function, cls
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                inner_function = child
            if isinstance(child, ast.ClassDef):
                inner_class = child.name
            if isinstance(child, ast.Call):
                yield function, cls, child
            yield from walk(child, inner_function, inner_class)

    return walk(tree, None, None)


def _message(context: ast.expr, text: ast.expr) -> bool:
    # A service's Message: marked where it is made, translated by its own context.
    return (
        isinstance(context, ast.Attribute)
        and isinstance(text, ast.Attribute)
        and context.attr == "context"
        and text.attr == "text"
        and ast.dump(context.value) == ast.dump(text.value)
    )


def _translates(func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        return func.id == "translate"
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "translate"
        and isinstance(func.value, ast.Name)
        and func.value.id in APPLICATIONS
    )


def untraced(source: str) -> list[str]:
    """Translations in `source` whose text lupdate cannot find."""
    tree = ast.parse(source)
    module = _Module(tree)
    found = []
    for function, cls, call in _calls(tree):
        func = call.func
        where = f"{call.lineno} {ast.unparse(call)[:90]}"
        if isinstance(func, ast.Attribute) and func.attr == "tr" and call.args:
            text, context = call.args[0], cls
        elif _translates(func) and len(call.args) >= 2:
            if _message(call.args[0], call.args[1]):
                continue
            text, context = call.args[1], module.constant(call.args[0])
            if _literal(text):
                if not _literal(call.args[0]):
                    found.append(where)  # lupdate needs the context written out
                continue
        else:
            continue
        if _literal(text):
            continue
        contexts = _contexts(text, module, function)
        if contexts is None or (context is not None and not contexts <= {context}):
            found.append(where)
    return found


def helpers(source: str) -> list[str]:
    """Module-level `_t`/`_tr`/`translate` helpers taking a text."""
    return [
        f"{node.lineno} def {node.name}"
        for node in ast.parse(source).body
        if isinstance(node, ast.FunctionDef)
        and node.name in HELPERS
        and any(arg.arg in ("text", "context") for arg in node.args.args)
    ]


def test_every_translated_text_of_the_window_is_one_lupdate_reads() -> None:
    found = [
        f"{path.relative_to(UI)}:{where}"
        for path in sorted(UI.rglob("*.py"))
        for where in untraced(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_no_helper_translates_a_variable() -> None:
    found = [
        f"{path.relative_to(UI)}:{where}"
        for path in sorted(UI.rglob("*.py"))
        for where in helpers(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_guard_finds_what_lupdate_misses() -> None:
    # The check itself: each of these shows English in a Russian window.
    bad = """
from kamdesk.i18n import QT_TRANSLATE_NOOP
TABLE = {"a": QT_TRANSLATE_NOOP("Here", "A"), "b": "B"}
OTHER = {"a": QT_TRANSLATE_NOOP("Elsewhere", "A")}
CONTEXT = "Here"
def shown(text, key):
    QCoreApplication.translate("Here", text)
    QCoreApplication.translate("Here", TABLE[key])
    QCoreApplication.translate("Here", OTHER[key])
    QCoreApplication.translate("Here", OTHER.get(key, key))
    QCoreApplication.translate(CONTEXT, "literal with a variable context")
    word = "yes" if key else "no"
    QCoreApplication.translate("Here", word)
class Page:
    def title(self, key):
        return self.tr(OTHER[key])
"""
    assert len(untraced(bad)) == 7
    good = """
from kamdesk.i18n import QT_TRANSLATE_NOOP
TABLE = {"a": QT_TRANSLATE_NOOP("Here", "A")}
PAIRS = {"a": ("Here", QT_TRANSLATE_NOOP("Here", "A"))}
CONTEXT = "Here"
def shown(key, message):
    QCoreApplication.translate("Here", "A literal")
    QCoreApplication.translate(CONTEXT, TABLE[key])
    found = TABLE.get(key)
    QCoreApplication.translate("Here", found) if found else key
    for name, text in TABLE.items():
        QCoreApplication.translate("Here", text)
    context, text = PAIRS["a"]
    QCoreApplication.translate(context, text)
    QCoreApplication.translate(message.context, message.text)
"""
    assert untraced(good) == []
    assert helpers("def _t(text):\n    return text\n") == ["1 def _t"]
