"""Compile each catalogue whose .po is newer than its .mo: `python assessor/translations/compile.py`."""
import os
import sys
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

HERE = Path(__file__).resolve().parent


def compile_stale() -> list[Path]:
    """Write each stale .mo through a temporary file, so processes compiling at once never see half a file."""
    compiled = []
    for po in sorted(HERE.glob("*/LC_MESSAGES/messages.po")):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=po.parent.parent.name)
        descriptor, temporary = tempfile.mkstemp(dir=po.parent, suffix=".mo.part")
        with os.fdopen(descriptor, "wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        os.replace(temporary, mo)
        compiled.append(mo)
    return compiled


if __name__ == "__main__":
    for path in compile_stale():
        print(f"compiled {path}", file=sys.stderr)
