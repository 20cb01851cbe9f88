"""Build the course website into ``_site/`` (both editions, no notebook is executed).

    .venv/bin/pip install -r requirements-site.txt     # once: Sphinx, MyST-NB, furo, MathJax
    .venv/bin/python tools/build_site.py               # writes _site/ (about a minute)
    python3 -m http.server -d _site                    # then open http://127.0.0.1:8000

The English edition is the site's root, the Chinese one ``_site/zh/``: one Sphinx project
each (tools/site/conf.py), so each has its own language, search index and UI text. For
each edition the builder assembles a temporary source tree and never touches notebooks/:

- a home page from the README's map of notebooks (README.zh.md's for the Chinese one);
- each committed, executed notebook, adapted for a page without a kernel: live widget
  views (and the saved widget state) dropped, with a note where each stood; solutions
  (``jupyter.source_hidden``) collapsed behind a "show" toggle; a tip on how to open the
  notebook in JupyterLab; ``# NBVAL_...`` test markers and blank stream outputs removed;
  ``<a id="x"></a>`` anchors turned into MyST targets ``(x)=``, so links to them are
  checked; a link to a notebook the edition does not have yet leads to the other
  edition's page;
- for the Chinese search index, the glossary's terms as jieba's user dictionary;
- MathJax 3 (from the ``django-static-mathjax`` wheel) copied into ``_static``, so maths is
  typeset from the site's own files.

Nothing is fetched while building or viewing the site.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import importlib.resources
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

from bp_helpers.glossary import GLOSSARY

ROOT = Path(__file__).resolve().parents[1]
SITE_TEMPLATE = Path(__file__).resolve().parent / "site"
OUTPUT = ROOT / "_site"
#: Written into the output: the digest of everything the site is built from.
STAMP = ".inputs-sha256"
SITE_PACKAGES = ("sphinx", "myst-nb", "furo", "django-static-mathjax", "jieba")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
NOTEBOOK_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
NOTEBOOK_PATH = re.compile(r"notebooks/(zh/)?(\d\d_\w+)\.ipynb")
HTML_ANCHOR = re.compile(r'(?m)^<a id="([\w-]+)"></a>$')


@dataclass(frozen=True)
class Edition:
    """One language of the course: where its files are and the text the builder adds."""

    key: str  # "en" or "zh": the language in links and file names
    language: str  # Sphinx's language code
    folder: Path  # its notebooks
    readme: Path  # its README, whose map of notebooks is the home page
    home_sections: tuple[str, ...]  # the README sections the home page keeps
    root: str  # the edition's folder in the site ("" or "zh/")
    label: str  # the switch's text that leads to this edition
    home_label: str  # ... to its home page, when the page has no twin
    missing: str  # the switch's tooltip when the twin does not exist yet
    run_tip: str  # the tip at the top of every notebook page ({path})
    widget_note: str  # the note where a live widget stood ({path})
    solution_show: str
    solution_hide: str


EDITIONS = (
    Edition(
        key="en", language="en", folder=ROOT / "notebooks", readme=ROOT / "README.md",
        home_sections=("Set up and open the course", "The notebooks", "Using the sliders"),
        root="", label="English", home_label="English home page",
        missing="This notebook has no English edition yet: the English home page",
        run_tip=(
            "**Run it yourself.** This page is the notebook `{path}` with the outputs it was "
            "committed with. To run its cells and move its sliders, set up the course once "
            "(see the [home page](index.md)) and open the notebook in JupyterLab from the "
            "course folder:\n\n```bash\n.venv/bin/jupyter lab {path}\n```"
        ),
        widget_note=(
            "**A live widget stands here in JupyterLab.** A web page has no Python kernel to "
            "run it, so the figure above is its static fallback, drawn with the default "
            "settings. To use the sliders, open this notebook in JupyterLab "
            "(`.venv/bin/jupyter lab {path}`) and run every cell (*Run → Run All Cells*)."
        ),
        solution_show="Show the reference solution",
        solution_hide="Hide the reference solution",
    ),
    Edition(
        key="zh", language="zh_CN", folder=ROOT / "notebooks" / "zh",
        readme=ROOT / "README.zh.md", home_sections=("安装并打开课程", "笔记本", "使用滑块"),
        root="zh/", label="中文", home_label="中文主页",
        missing="本篇还没有中文版：前往中文主页",
        run_tip=(
            "**自己动手运行。** 本页是笔记本 `{path}`，显示的是它提交时的输出。要运行其中的代码、"
            "拖动滑块，请先按[主页](index.md)的说明装好环境，再在课程文件夹里用 JupyterLab "
            "打开它：\n\n```bash\n.venv/bin/jupyter lab {path}\n```"
        ),
        widget_note=(
            "**在 JupyterLab 中，这里是一个交互控件。** 网页没有运行 Python 的内核，所以上方的图"
            "是它的静态版本，用默认设置画出。要拖动滑块，请在 JupyterLab 中打开本笔记本"
            "（`.venv/bin/jupyter lab {path}`），然后运行全部单元格（*Run → Run All Cells*）。"
        ),
        solution_show="显示参考答案",
        solution_hide="隐藏参考答案",
    ),
)


def _other(edition: Edition) -> Edition:
    return next(e for e in EDITIONS if e is not edition)


def _other_root(edition: Edition) -> str:
    """The other edition's folder, relative to this edition's pages."""
    return "../" if edition.root else _other(edition).root


def notebook_stems(edition: Edition) -> list[str]:
    """The edition's notebooks (``00_start_here`` …), in course order."""
    return sorted(p.stem for p in edition.folder.glob("[0-9][0-9]_*.ipynb"))


def _repo_path(edition: Edition, stem: str) -> str:
    return (edition.folder / f"{stem}.ipynb").relative_to(ROOT).as_posix()


def _admonition(kind: str, text: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_markdown_cell(f":::{{{kind}}}\n{text}\n:::")


def _link_to_other_edition(edition: Edition, pages: dict[str, list[str]]):
    """A ``re.sub`` function: a link to a notebook this edition lacks leads to its twin."""

    def rewrite(match: re.Match) -> str:
        text, target = match.groups()
        path, _, anchor = target.partition("#")
        folder, _, name = path.rpartition("/")
        if not name.endswith(".ipynb"):
            return match.group(0)
        # zh/NN.ipynb or ../NN.ipynb is the twin in the other edition; a bare name stays
        # in this edition when it has that page
        if not folder and name[:-6] in pages[edition.key]:
            return match.group(0)
        href = _other_root(edition) + name[:-6] + ".html"
        return _link(text, href + (f"#{anchor}" if anchor else ""))

    return rewrite


def site_notebook(nb: nbformat.NotebookNode, edition: Edition, stem: str,
                  pages: dict[str, list[str]]) -> None:
    """Adapt a notebook (in place) to a page without a kernel; see the module docstring."""
    path = _repo_path(edition, stem)
    relink = _link_to_other_edition(edition, pages)
    nb.metadata.pop("widgets", None)
    cells = []
    for cell in nb.cells:
        cells.append(cell)
        if cell.cell_type == "markdown":  # an HTML anchor becomes a target Sphinx knows
            cell.source = NOTEBOOK_LINK.sub(relink, HTML_ANCHOR.sub(r"(\1)=", cell.source))
        if cell.cell_type != "code":
            continue
        lines = [line for line in cell.source.splitlines() if not line.startswith("# NBVAL_")]
        hidden = cell.metadata.get("jupyter", {})
        if hidden.get("source_hidden") or hidden.get("outputs_hidden"):
            tag = ("hide-cell" if hidden.get("source_hidden") and hidden.get("outputs_hidden")
                   else "hide-input" if hidden.get("source_hidden") else "hide-output")
            cell.metadata.setdefault("tags", []).append(tag)
            cell.metadata["mystnb"] = {"code_prompt_show": edition.solution_show,
                                       "code_prompt_hide": edition.solution_hide}
        cell.outputs = [out for out in cell.outputs  # an empty box on a page
                        if out.output_type != "stream" or out.text.strip()]
        if any(WIDGET_VIEW in out.get("data", {}) for out in cell.outputs):
            lines = [line for line in lines if not line.lstrip().startswith("#")]
            cell.outputs = []
            cells.append(_admonition("note", edition.widget_note.format(path=path)))
        cell.source = "\n".join(lines)
    cells.insert(1, _admonition("tip", edition.run_tip.format(path=path)))
    nb.cells = cells


def _sections(readme: str) -> tuple[str, str, dict[str, str]]:
    """The README's title, its text before the first section, and its ``##`` sections."""
    title_line, _, rest = readme.partition("\n")
    if not title_line.startswith("# "):
        raise ValueError("the README must start with its '# ' title")
    parts = re.split(r"(?m)^## (.+)\n", rest)
    sections = dict(zip(parts[1::2], parts[2::2], strict=True))
    return title_line[2:].strip(), parts[0].strip(), sections


def _link(text: str, href: str) -> str:
    return f'<a href="{href}">{text}</a>'


def home_page(edition: Edition, pages: dict[str, list[str]]) -> str:
    """The edition's home page (MyST markdown) from its README's map of notebooks."""
    other, other_root = _other(edition), _other_root(edition)

    def rewrite(match: re.Match) -> str:
        text, target = match.groups()
        if target.startswith(("http://", "https://")):
            return match.group(0)
        if target == other.readme.name:
            return _link(text, other_root + "index.html")
        notebook = NOTEBOOK_PATH.fullmatch(target)
        if not notebook:
            return text  # a file or section of the repository: not on the site
        key, stem = ("zh" if notebook[1] else "en"), notebook[2]
        if key == edition.key and stem in pages[key]:
            return f"[{text}]({stem}.ipynb)"
        if stem in pages[other.key]:  # the other edition's page (or its stand-in)
            return _link(text, other_root + f"{stem}.html")
        return text

    title, intro, sections = _sections(edition.readme.read_text(encoding="utf-8"))
    missing = [name for name in edition.home_sections if name not in sections]
    if missing:
        raise ValueError(f"{edition.readme.name} has no section {missing}")
    body = [f"# {title}", intro, *(f"## {n}\n{sections[n]}" for n in edition.home_sections)]
    toctree = "\n".join(["```{toctree}", ":hidden:", ":maxdepth: 1", "", *pages[edition.key],
                         "```"])
    return NOTEBOOK_LINK.sub(rewrite, "\n\n".join(body)) + "\n\n" + toctree + "\n"


def mathjax_files() -> Path:
    """MathJax 3's browser build, from the django-static-mathjax wheel."""
    return Path(str(importlib.resources.files("mathjax"))) / "static" / "mathjax"


def _copy_mathjax(static: Path) -> None:
    source, target = mathjax_files(), static / "mathjax"
    fonts = Path("output", "chtml", "fonts", "woff-v2")
    shutil.copytree(source / "es5" / fonts, target / fonts)
    shutil.copy2(source / "es5" / "tex-chtml-full.js", target)
    shutil.copy2(source / "LICENSE", target)


def _source_tree(edition: Edition, pages: dict[str, list[str]], src: Path) -> None:
    """Everything one edition's Sphinx build reads."""
    shutil.copytree(SITE_TEMPLATE, src, ignore=shutil.ignore_patterns("__pycache__"))
    _copy_mathjax(src / "_static")
    other = _other(edition)
    title, _, _ = _sections(edition.readme.read_text(encoding="utf-8"))
    site = {
        "title": title.split(" · ")[0],
        "language": edition.language,
        "other": {
            "root": _other_root(edition),
            "lang": other.key, "label": other.label, "home_label": other.home_label,
            "missing": other.missing,
            "pages": ["index", "search", *pages[other.key]],
        },
    }
    (src / "site.json").write_text(json.dumps(site, ensure_ascii=False, indent=1), "utf-8")
    (src / "index.md").write_text(home_page(edition, pages), encoding="utf-8")
    if edition.key == "zh":  # jieba's user dictionary for the search index (conf.py)
        terms = sorted({t.chinese for t in GLOSSARY if " " not in t.chinese})
        (src / "search-terms.txt").write_text("\n".join(terms) + "\n", encoding="utf-8")
    for stem in pages[edition.key]:
        nb = nbformat.read(edition.folder / f"{stem}.ipynb", as_version=4)
        site_notebook(nb, edition, stem, pages)
        nbformat.write(nb, src / f"{stem}.ipynb")


def inputs_digest() -> str:
    """SHA-256 over every file the site is built from and the site packages' versions."""
    files = [*sorted((ROOT / "notebooks").rglob("*.ipynb")), ROOT / "README.md",
             ROOT / "README.zh.md", ROOT / "bp_helpers" / "glossary.py", Path(__file__).resolve(),
             *sorted(p for p in SITE_TEMPLATE.rglob("*") if p.is_file())]
    digest = hashlib.sha256()
    for path in files:
        if ".ipynb_checkpoints" in path.parts or "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for name in SITE_PACKAGES:
        digest.update(f"{name}=={importlib.metadata.version(name)}".encode())
    return digest.hexdigest()


def missing_packages() -> list[str]:
    """The site's packages (requirements-site.txt) that are not installed."""
    missing = []
    for name in SITE_PACKAGES:
        try:
            importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            missing.append(name)
    return missing


def build(output: Path = OUTPUT) -> int:
    """Build both editions into ``output`` (replaced); returns the number of pages."""
    missing = missing_packages()
    if missing:
        raise RuntimeError(f"missing {', '.join(missing)}: "
                           "pip install -r requirements-site.txt")
    pages = {e.key: notebook_stems(e) for e in EDITIONS}
    with tempfile.TemporaryDirectory(prefix="bp-site-") as tmp:
        work, processes = Path(tmp), []
        for edition in EDITIONS:  # one Sphinx process per edition, both at once
            src, out = work / edition.key / "src", work / edition.key / "html"
            _source_tree(edition, pages, src)
            command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", "--keep-going",
                       "-d", str(work / edition.key / "doctrees"), str(src), str(out)]
            processes.append((edition, subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)))
        logs = [(edition, process.communicate()[0], process.returncode)
                for edition, process in processes]
        for edition, log, returncode in logs:
            if returncode:
                raise RuntimeError(f"the {edition.key} edition failed to build:\n{log}")
        site = work / "site"
        for edition in EDITIONS:
            shutil.move(work / edition.key / "html", site / edition.root)
        (site / STAMP).write_text(inputs_digest() + "\n", encoding="utf-8")
        if output.exists():
            shutil.rmtree(output)
        shutil.move(site, output)
    return sum(len(p) + 1 for p in pages.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUTPUT, help="output folder (default _site)")
    args = parser.parse_args()
    start = time.perf_counter()
    try:
        count = build(args.out)
    except (RuntimeError, ValueError) as error:
        sys.exit(f"build_site: {error}")
    print(f"{count} pages in {args.out} ({time.perf_counter() - start:.0f} s); "
          f"view them with: python3 -m http.server -d {args.out}")


if __name__ == "__main__":
    main()
