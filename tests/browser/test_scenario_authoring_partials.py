"""axe-core on the authoring partials (problems, coverage, map) as a static page, until a route shows them."""
import pytest
from flask import render_template

from assessor.scenarios.coverage import scenario_coverage
from assessor.scenarios.problems import problem_nodes
from assessor.scenarios.scenario_map import map_view
from assessor.scenarios.standards_data import read_outlines

from ..scenarios.conftest import FIXTURE_STANDARDS_DIR, check_authoring


def page_of(app, name: str, language: str) -> str:
    result = check_authoring(name)
    with app.test_request_context(headers={"Cookie": f"assessor_lang={language}"}):
        view = map_view(result.scenario, lambda node_id: f"#node-{node_id}", problem_nodes(result.problems), language)
        parts = [render_template("scenarios/authoring/_problems.html", problems=result.problems,
                                 problem_url=lambda problem: f"#node-{problem.node_id}" if problem.node_id else None),
                 render_template("scenarios/authoring/_coverage.html",
                                 coverage=scenario_coverage(result.scenario, read_outlines(FIXTURE_STANDARDS_DIR))),
                 render_template("scenarios/authoring/_map.html", scenario_map=view)]
    return (f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8"><title>{name}</title></head>'
            f'<body><main><h1>{name}</h1>{"".join(parts)}</main></body></html>')


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("name", ["small", "unreachable"])
def test_the_partials_pass_axe(browser, axe, session_app, name, language):
    html = page_of(session_app, name, language)
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.set_content(html)
        axe(tab)
        assert tab.locator("svg a").count() == len(check_authoring(name).scenario.nodes)
        links = tab.get_by_role("link", name="agreed", exact=False)
        assert links.count() == 1  # the map's; the list waits in its closed details
        tab.locator("summary").click()
        assert links.count() == 2
        axe(tab)
    finally:
        context.close()
