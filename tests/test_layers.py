"""The layers: no area imports a higher one, and no two areas import each other.

The table is the one the team keeps (layers.md), with `admin/` and `people/` one layer up beside
`cohorts/`, whose enrolments they show. A lower area that must tell a higher one something sends a
blinker signal (evidence.events, assessment.events) that the higher one subscribes to.
"""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "assessor"

LAYERS = {
    7: ("__init__", "cli", "dbcli", "models", "demo", "backup", "doctor"),
    6: ("dashboards", "export", "notifications"),
    5: ("iqa",),
    4: ("assessment",),
    3: ("evidence", "scenarios"),
    2: ("cohorts", "audit", "admin", "people"),
    1: ("accounts", "organisations", "mail", "standards", "storage"),
    0: ("db", "sqlite_setup", "config", "timeutil", "security", "i18n", "urls", "permissions", "core", "secret_key", "translations"),
}
LAYER_OF = {area: layer for layer, areas in LAYERS.items() for area in areas}
#: the ground may name these lower-level records (users and their roles) without depending on their area
GROUND_MAY_READ = {"accounts"}


def module_name(path: Path) -> list[str]:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def imported_areas(path: Path) -> set[str]:
    """The areas of `assessor` that a module imports, by absolute or relative import."""
    name = module_name(path)
    base = name if path.name == "__init__.py" else name[:-1]
    targets: list[list[str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            start = base[: len(base) - node.level + 1] if node.level else []
            module = start + [part for part in (node.module or "").split(".") if part]
            targets += [module + [alias.name] for alias in node.names] if not node.module else [module]
        elif isinstance(node, ast.Import):
            targets += [alias.name.split(".") for alias in node.names]
    return {target[1] for target in targets if target[:1] == ["assessor"] and len(target) > 1 and target[1] in LAYER_OF}


def area_of(path: Path) -> str:
    return module_name(path)[1] if len(module_name(path)) > 1 else "__init__"


def imports_by_area() -> dict[str, dict[str, list[str]]]:
    edges: dict[str, dict[str, list[str]]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        source = area_of(path)
        for target in imported_areas(path) - {source}:
            edges.setdefault(source, {}).setdefault(target, []).append(str(path.relative_to(PACKAGE.parent)))
    return edges


def test_every_area_has_a_layer():
    areas = {area_of(path) for path in PACKAGE.rglob("*.py")}
    assert areas <= set(LAYER_OF), f"areas missing from the table: {sorted(areas - set(LAYER_OF))}"


def test_no_area_imports_a_higher_one():
    upward = [
        f"{files[0]}: {source} (layer {LAYER_OF[source]}) imports {target} (layer {LAYER_OF[target]})"
        for source, targets in imports_by_area().items()
        for target, files in targets.items()
        if LAYER_OF[target] > LAYER_OF[source] and not (LAYER_OF[source] == 0 and target in GROUND_MAY_READ)
    ]
    assert not upward, "\n".join(upward)


def test_no_two_areas_import_each_other():
    edges = imports_by_area()
    mutual = sorted({tuple(sorted((a, b))) for a, targets in edges.items() for b in targets if a in edges.get(b, {})})
    assert not mutual, mutual
