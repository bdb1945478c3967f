"""Settings in one place: every setting in config.SETTINGS is in the README's table and the table names no other."""
import re
from pathlib import Path

from assessor.config import SETTINGS, from_environment

README = Path(__file__).resolve().parents[1] / "README.md"


def readme_settings() -> set[str]:
    text = README.read_text(encoding="utf-8")
    table = text[text.index("## Configuration"):]
    table = table[: table.index("\n\n", table.index("| variable"))]
    names = set()
    for row in table.splitlines()[2:]:
        names |= set(re.findall(r"`([A-Z][A-Z0-9_]+)`", row.split("|")[1]))
    return names


def test_the_readme_lists_every_setting_and_no_other():
    assert readme_settings() == {setting.name for setting in SETTINGS}


def test_settings_are_parsed_from_the_environment_or_defaulted(tmp_path):
    values = from_environment(str(tmp_path), {"UPLOAD_MAX_FILES": "3", "SMTP_STARTTLS": "0", "REDIS_URL": ""})
    assert values["UPLOAD_MAX_FILES"] == 3 and values["SMTP_STARTTLS"] is False and values["REDIS_URL"] is None
    assert values["STORAGE_DIR"] == str(tmp_path / "storage") and values["TASK_HEARTBEAT_SECONDS"] == 60.0
    assert values["TASK_POLL_SECONDS"] == 1.0


def test_no_module_reads_the_environment_or_defaults_a_setting_itself():
    package = Path(__file__).resolve().parents[1] / "assessor"
    found = []
    for path in package.rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            reads_environment = "os.environ.get(" in line and "WERKZEUG_RUN_MAIN" not in line and path.name != "config.py"
            if re.search(r"config\.get\(\"[A-Z_]+\", ", line) or reads_environment:
                found.append(f"{path.relative_to(package)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)
