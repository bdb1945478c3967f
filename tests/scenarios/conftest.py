"""Shared paths and data for the scenario tests: a tiny standard, and a small valid scenario."""
from pathlib import Path

import pytest

from assessor.scenarios.format import Scenario
from assessor.scenarios.loader import load_file

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid.yaml"
BROKEN = sorted((FIXTURES / "broken").glob("*.yaml"))
FIXTURE_STANDARDS_DIR = FIXTURES / "standards"
AUTHORING = FIXTURES / "authoring"
TEST_STANDARDS = {"TEST-STD": {"1": frozenset({"P1", "P2", "P3", "P3.1", "K1", "K2"})},
                  "OTHER-STD": {"2": frozenset({"P1", "P2", "K1"})}}


@pytest.fixture
def scenario() -> Scenario:
    return Scenario.from_document(load_file(VALID).data)


def check_authoring(name: str):
    """The authoring check of fixtures/authoring/NAME.yaml against the tiny standards."""
    from assessor.scenarios.problems import check_source

    return check_source((AUTHORING / f"{name}.yaml").read_text(encoding="utf-8"), TEST_STANDARDS, playthroughs=20)
