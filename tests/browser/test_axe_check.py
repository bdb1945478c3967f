"""The `axe` fixture itself: it fails a page with a serious or critical problem, and lets minor ones pass."""
import pytest

PAGE = "<!doctype html><html lang='en'><head><title>A page</title></head><body><main><h1>A page</h1>{}</main></body></html>"


def test_a_critical_problem_fails_the_check(page, axe):
    page.set_content(PAGE.format("<form><input type='text' name='unlabelled'></form>"))
    with pytest.raises(pytest.fail.Exception, match="label"):
        axe(page)


def test_a_minor_problem_passes(page, axe):
    page.set_content(PAGE.format("<h4>Skips two heading levels</h4><h2></h2>"))
    axe(page)
