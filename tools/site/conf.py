"""Sphinx configuration of the course website, one edition at a time.

``tools/build_site.py`` copies this folder into each edition's temporary source tree,
next to a ``site.json`` that names the edition: its language, title, and where its
twin pages are. Nothing here fetches anything: the theme (furo) ships its assets,
MathJax is copied into ``_static/mathjax`` by the builder, and the notebooks are read
with their committed outputs (no execution).
"""

from __future__ import annotations

import json
from pathlib import Path

SITE = json.loads((Path(__file__).parent / "site.json").read_text(encoding="utf-8"))

project = SITE["title"]
html_title = SITE["title"]
language = SITE["language"]
root_doc = "index"

extensions = ["myst_nb"]
nb_execution_mode = "off"  # the committed, executed notebooks are the source
nb_render_markdown_format = "myst"  # text/markdown outputs carry maths and links too
nb_ipywidgets_js = {}  # no widget manager from a CDN: the builder drops widget views
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence"]
myst_heading_anchors = 3

mathjax_path = "mathjax/tex-chtml-full.js"  # in _static: every TeX extension, no loads

html_theme = "furo"
html_theme_options = {"top_of_page_buttons": []}
html_static_path = ["_static"]
html_css_files = ["site.css"]
templates_path = ["_templates"]
html_copy_source = False
html_show_sourcelink = False
html_use_index = False
html_domain_indices = False
html_last_updated_fmt = None
html_show_copyright = False


if language.startswith("zh"):
    # The search index splits Chinese text into words with jieba; its dictionary lacks
    # most of the course's terms (梯度 among them), so the glossary's are added.
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    html_search_options = {"dict": str(Path(__file__).parent / "search-terms.txt")}


def _language_switch(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Give the page template the link to this page's twin in the other edition (or to
    the other edition's home page while the twin does not exist)."""
    other = SITE["other"]
    has_twin = pagename in other["pages"]
    target = pagename if has_twin else "index"
    context["twin"] = {
        "url": "../" * pagename.count("/") + other["root"] + target + ".html",
        "lang": other["lang"],
        "label": other["label"] if has_twin else other["home_label"],
        "title": other["label"] if has_twin else other["missing"],
    }


def setup(app) -> None:
    app.connect("html-page-context", _language_switch)
