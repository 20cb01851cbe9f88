"""The course website, page by page, in headless Chromium with the network cut off.

The site (``tools/build_site.py``) is served from 127.0.0.1; every request to another host
is aborted and counts as a failure. Each page must load with no console error and no
failed request, show every image, typeset all its maths from the site's own MathJax (no
raw ``$…$`` left), link only to pages and anchors that exist, and lead through its
language switch to its twin in the other edition (or that edition's home page while the
twin is missing). Notebook pages also carry the JupyterLab tip, a note where each live
widget stood and their solutions collapsed. A full-page screenshot of each page is saved
in ``tests/site/screenshots/`` (git-ignored).
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import build_site
import nbformat
import pytest

pytestmark = pytest.mark.site

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
VIEWPORT = {"width": 1400, "height": 900}  # wide enough for furo's three columns
RAW_MATH = re.compile(r"\$\$|\$[^$\n]{1,200}?\$|\\\(|\\\[|\\begin\{")
EDITIONS = {e.key: e for e in build_site.EDITIONS}
STEMS = {e.key: build_site.notebook_stems(e) for e in build_site.EDITIONS}
PAGES = [(key, name) for key in EDITIONS for name in ["index", *STEMS[key], "search"]]
SEARCHES = {"en": ("gradient descent", "00_start_here"), "zh": ("梯度下降", "00_start_here")}

_fetched: dict[str, tuple[int, str]] = {}


def _fetch(url: str) -> tuple[int, str]:
    """HTTP status and body of a page of the local site (cached for the session)."""
    if url not in _fetched:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                _fetched[url] = (response.status, response.read().decode("utf-8", "replace"))
        except urllib.error.HTTPError as error:
            _fetched[url] = (error.code, "")
    return _fetched[url]


def _page_url(site_url: str, key: str, name: str) -> str:
    return f"{site_url}{EDITIONS[key].root}{name}.html"


def _twin_url(site_url: str, key: str, name: str) -> str:
    other = next(k for k in EDITIONS if k != key)
    has_twin = name in ("index", "search") or name in STEMS[other]
    return _page_url(site_url, other, name if has_twin else "index")


def _notebook_facts(key: str, name: str) -> dict[str, int | bool]:
    """What the committed notebook holds that its page must show."""
    nb = nbformat.read(EDITIONS[key].folder / f"{name}.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    return {
        "images": sum("image/png" in o.get("data", {}) for c in code for o in c.outputs),
        "widgets": sum(any(build_site.WIDGET_VIEW in o.get("data", {}) for o in c.outputs)
                       for c in code),
        "solutions": sum(bool(c.metadata.get("jupyter", {}).get("source_hidden")) for c in code),
        "maths": any("$" in c.source for c in nb.cells if c.cell_type == "markdown"),
    }


def _open(browser, url: str, site_url: str):
    """A page loaded with every off-site request aborted; returns it and what went wrong."""
    context = browser.new_context(viewport=VIEWPORT)
    problems: list[str] = []

    def route(route) -> None:
        if route.request.url.startswith(site_url):
            route.continue_()
        else:
            problems.append(f"off-host request: {route.request.url}")
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status}: {r.url}"))
    page.goto(url, wait_until="load")
    page.evaluate("async () => { if (window.MathJax?.startup) await MathJax.startup.promise; }")
    page.wait_for_load_state("networkidle")  # MathJax's fonts
    return context, page, problems


def _maths(page) -> dict:
    return page.evaluate("""() => {
        const article = document.querySelector('article');
        const maths = [...article.querySelectorAll('.math')];
        const clone = article.cloneNode(true);
        clone.querySelectorAll('pre, code, mjx-container, script').forEach(n => n.remove());
        return {
            count: maths.length,
            untypeset: maths.filter(m => !m.querySelector('mjx-container'))
                            .map(m => m.textContent.slice(0, 80)),
            errors: [...article.querySelectorAll('mjx-merror')].map(e => e.textContent),
            text: clone.textContent,
        };
    }""")


def _link_problems(page, site_url: str) -> list[str]:
    """Every same-site link must answer 200, and its #anchor must exist on its page."""
    problems = []
    hrefs = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href)")
    for href in sorted(set(hrefs)):
        if not href.startswith(site_url):
            continue
        url, _, anchor = href.partition("#")
        status, html = _fetch(url)
        if status != 200:
            problems.append(f"link {href}: HTTP {status}")
        elif anchor and not re.search(
                rf'\b(id|name)="{re.escape(urllib.parse.unquote(anchor))}"', html):
            problems.append(f"link {href}: no anchor #{anchor} on that page")
    return problems


def _notebook_problems(page, key: str, name: str) -> list[str]:
    """The page of a notebook: its figures, the JupyterLab tip, widget notes, solutions."""
    facts, edition = _notebook_facts(key, name), EDITIONS[key]
    problems = []
    images = page.locator("article img").count()
    if images < facts["images"]:
        problems.append(f"{images} images on the page, {facts['images']} in the notebook")
    command = f"jupyter lab notebooks/{edition.root}{name}.ipynb"
    if page.locator("article .admonition.tip", has_text=command).count() != 1:
        problems.append(f"no tip with `{command}`")
    notes = page.locator("article .admonition.note", has_text=command).count()
    if notes != facts["widgets"]:
        problems.append(f"{notes} widget notes for {facts['widgets']} widgets")
    if page.locator("script[type='application/vnd.jupyter.widget-state+json']").count():
        problems.append("saved widget state left on the page")
    solutions = page.locator("article details.hide")
    if solutions.count() != facts["solutions"]:
        problems.append(f"{solutions.count()} collapsed cells, {facts['solutions']} solutions")
    for i in range(solutions.count()):
        solution = solutions.nth(i)
        if solution.get_attribute("open") is not None or not solution.locator(
                "summary", has_text=edition.solution_show).is_visible():
            problems.append(f"solution {i + 1} is not collapsed behind its toggle")
    if facts["maths"] and not page.locator("article mjx-container").count():
        problems.append("the notebook has maths but the page shows none typeset")
    return problems


@pytest.mark.parametrize(("key", "name"), PAGES, ids=[f"{k}-{n}" for k, n in PAGES])
def test_page(chromium, site_url: str, key: str, name: str) -> None:
    context, page, problems = _open(chromium, _page_url(site_url, key, name), site_url)
    try:
        broken = page.evaluate(
            "() => [...document.images].filter(i => !(i.complete && i.naturalWidth > 0))"
            ".map(i => i.src)")
        problems += [f"image not loaded: {src}" for src in broken]
        maths = _maths(page)
        problems += [f"maths not typeset: {tex!r}" for tex in maths["untypeset"]]
        problems += [f"MathJax error: {error!r}" for error in maths["errors"]]
        problems += [f"raw TeX in the text: {raw!r}" for raw in RAW_MATH.findall(maths["text"])]
        problems += _link_problems(page, site_url)
        if name == "index":
            for stem in STEMS[key]:
                if not page.locator(f"article a[href='{stem}.html']").count():
                    problems.append(f"the home page does not link to {stem}")
        elif name != "search":
            problems += _notebook_problems(page, key, name)
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{key}-{name}.png", full_page=True)

        switch = page.locator(".language-switch a")
        assert switch.count() == 1, "no language switch on the page"
        switch.click()
        page.wait_for_load_state("load")
        twin = _twin_url(site_url, key, name)
        assert page.url == twin, f"the language switch leads to {page.url}, not {twin}"
        other = next(k for k in EDITIONS if k != key)
        assert page.evaluate("document.documentElement.lang").startswith(other)
    finally:
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("key", list(EDITIONS))
def test_search(chromium, site_url: str, key: str) -> None:
    """Sphinx's own search, offline: a course term finds the notebook that teaches it."""
    query, expected = SEARCHES[key]
    url = _page_url(site_url, key, "search") + "?q=" + urllib.parse.quote(query)
    context, page, problems = _open(chromium, url, site_url)
    try:
        results = page.locator("#search-results li a")
        results.first.wait_for(timeout=30_000)
        hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    finally:
        context.close()
    assert not problems, "\n".join(problems)
    assert any(h.startswith(f"{expected}.html") for h in hrefs), f"{query!r} found {hrefs}"
