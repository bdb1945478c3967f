"""The authoring partials (problems, coverage, map) rendered as a page would: both languages, no script."""
from html.parser import HTMLParser

import pytest
from flask import render_template

from assessor.scenarios.coverage import scenario_coverage
from assessor.scenarios.problems import problem_nodes
from assessor.scenarios.scenario_map import map_view
from assessor.scenarios.standards_data import read_outlines

from .conftest import FIXTURE_STANDARDS_DIR, check_authoring


class Links(HTMLParser):
    """Each link's href and its accessible name (its text, or aria-label); whether any script appears."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict] = []
        self.script = False

    def handle_starttag(self, tag, attrs):
        self.script |= tag == "script" or any(name.startswith("on") for name, _ in attrs)
        if tag == "a":
            self.links.append({"href": dict(attrs).get("href"), "name": dict(attrs).get("aria-label") or ""})

    def handle_data(self, data):
        if self.links:
            self.links[-1]["name"] += data


def parsed(html: str) -> Links:
    links = Links()
    links.feed(html)
    return links


def render(name: str, language: str, app) -> str:
    result = check_authoring(name)
    node_url = lambda node_id: f"/draft/nodes/{node_id}"  # noqa: E731
    with app.test_request_context(headers={"Cookie": f"assessor_lang={language}"}):
        view = map_view(result.scenario, node_url, problem_nodes(result.problems), language) if result.scenario else None
        coverage = scenario_coverage(result.scenario, read_outlines(FIXTURE_STANDARDS_DIR)) if result.scenario else None
        return "\n".join([
            render_template("scenarios/authoring/_problems.html", problems=result.problems,
                            problem_url=lambda problem: node_url(problem.node_id) if problem.node_id else None),
            render_template("scenarios/authoring/_coverage.html", coverage=coverage),
            render_template("scenarios/authoring/_map.html", scenario_map=view)])


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("name", ["small", "unreachable", "never_taken", "dead_end", "yaml_syntax"])
def test_every_link_has_a_name_and_a_target_and_nothing_needs_script(session_app, name, language):
    page = parsed(render(name, language, session_app))
    assert not page.script
    assert all(link["href"] and link["name"].strip() for link in page.links), page.links


def test_problems_link_to_their_node_and_say_where(session_app):
    html = render("unreachable", "en", session_app)
    assert "1 error, 0 warnings." in html and "cannot be published" in html
    assert "Node forgotten cannot be reached from the start node greeting." in html
    assert 'href="/draft/nodes/forgotten">Go to forgotten</a>' in html and "line 38" in html


def test_in_welsh(session_app):
    html = render("unreachable", "cy", session_app)
    assert "Does dim modd cyrraedd nod forgotten" in html and "1 gwall, 0 rhybudd." in html
    assert "Meini prawf a gwmpesir" in html and "Y map fel rhestr" in html


def test_a_clean_scenario_says_so_and_shows_its_coverage_and_map(session_app):
    html = render("small", "en", session_app)
    assert "The check found no problems." in html
    assert "2 of 3 can be evidenced" in html and "No path reaches:" in html
    assert html.count('class="scenario-map__node') == 4
    assert "<script>" not in html and "Agreed &lt;script&gt;" in html


def test_before_the_schema_passes_map_and_coverage_explain_why_they_wait(session_app):
    html = render("dead_end", "en", session_app)
    assert "The map appears once" in html and "Coverage appears once" in html and "<svg" not in html


def test_criteria_only_in_unreachable_nodes_are_named(session_app):
    html = render("unreachable", "en", session_app)
    assert "Only in nodes the start cannot reach" in html and "data-unreachable-only" in html
