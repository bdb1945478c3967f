"""The shipped data files are exactly what the importer produces, with a complete English rendering."""
import subprocess
import sys
from pathlib import Path

BUILD = Path(__file__).resolve().parents[2] / "standards" / "build.py"


def test_shipped_standards_match_the_importer_and_their_translations_are_complete():
    result = subprocess.run([sys.executable, str(BUILD), "--check"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
