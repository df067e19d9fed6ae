#!/usr/bin/env python3
"""Print the site's speed and size figures in one run.

Timings (medians of --runs runs): the strict build, the validator, and the
build without the project's own hooks, so the hooks' cost shows as a ratio.
Sizes: what a first visit to the home page, a treatment page and the glossary
downloads (the HTML and the CSS and JavaScript it references, raw and gzipped),
the search index (and how much this site's hidden fields add to it), the
site's search worker, what the service worker saves on the device after the
first visit (the precache), the whole site, the whole guide's PDF (printed with
scripts/pdf.py) and the offline zip with that PDF in it. Each page's reading
grades (Flesch-Kincaid and SMOG with known words, mbc_guide.checks.readability).
Search: the hit rates of tests/search_queries.yml (rank 1 and top 3), with this site's search and with
Material's alone, run under Node by scripts/search_run.js. Then Lighthouse's four
category scores (mobile) for the home page and a treatment page, served on a
local port with gzip, as a web host serves them.

Last, a scale run on a generated copy of the project (2,000 pages and 3,000
glossary terms by default): the strict build with the hooks against a plain
build of the same pages (the hook-made pages given to it as Markdown), the
validator, their budgets, and where the hooked build's time goes.

The byte-measuring functions (mbc_guide.tools.weights) are also used by tests/test_budgets.py.
Chromium is looked for in $CHROMIUM_PATH, then the usual install paths, PATH and Playwright's own.

usage: bench.py [--runs N] [--lighthouse-runs N] [--no-lighthouse] [--scale PAGESxTERMS|none]
                [--scale-runs N]
exit status: 0 done, 1 a build or tool failed or is missing, 2 bad arguments.
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import pstats
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from mbc_guide.checks import readability
from mbc_guide.data.site import load_all
from mbc_guide.pages import generated_pages
from mbc_guide.paths import page_files
from mbc_guide.publish import web_app
from mbc_guide.search.weight import SEARCH_WORKER, search_index_weights
from mbc_guide.tools import browser
from mbc_guide.tools.errors import ToolError
from mbc_guide.tools.pdf import edition_pdf, pdf_pages
from mbc_guide.tools.serve import serve
from mbc_guide.tools.sizes import human_size
from mbc_guide.tools.timing import median_seconds, run_command
from mbc_guide.tools.weights import file_weight, html_file, page_weight, tree_size
from mbc_guide.tools.without_hooks import config_without_hooks

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = " ".join(("--headless=new", *browser.HEADLESS_ARGS))
# The pages whose first load is measured: one of each type.
PAGES = {"home page": "index.md", "treatment page": "treatment/chemotherapy.md", "glossary page": "glossary.md"}
LIGHTHOUSE_PAGES = ("home page", "treatment page")
W = 48  # width of the label column
kb = functools.partial(human_size, exact=True)  # a size in the tables: "58.3 kB", "1.23 MB"
QUERIES = ROOT / "tests" / "search_queries.yml"


def lighthouse(url: str, chrome: str) -> tuple[dict[str, int], list[str]]:
    """Lighthouse's category scores (0 to 100) for the URL, and the audits that did not pass."""
    if not LIGHTHOUSE.exists():
        raise ToolError("node_modules/.bin/lighthouse is missing; run `npm ci` first")
    result = run_command([str(LIGHTHOUSE), url, f"--chrome-flags={CHROME_FLAGS}",
                          f"--only-categories={','.join(CATEGORIES)}", "--output=json", "--quiet"],
                         env={"CHROME_PATH": chrome})  # the variable Lighthouse itself reads
    try:
        report = json.loads(result.stdout)
        scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    except (ValueError, KeyError, TypeError):
        raise ToolError(f"Lighthouse gave no usable report for {url}") from None
    weighted = {ref["id"] for c in CATEGORIES for ref in report["categories"][c]["auditRefs"] if ref["weight"] > 0}
    failing = [f"{a['id']} ({a['score']:.2f}{', ' + a['displayValue'] if a.get('displayValue') else ''})"
               for a in report["audits"].values()
               if a["id"] in weighted and a.get("score") is not None and a["score"] < 1]
    return scores, failing


def median_lighthouse(url: str, chrome: str, runs: int) -> tuple[dict[str, int], list[str]]:
    """Lighthouse run `runs` times; the run with the median performance score (timings vary from run to run)."""
    results = sorted((lighthouse(url, chrome) for _ in range(runs)), key=lambda result: result[0]["performance"])
    return results[len(results) // 2]


def search_hit_rates(site: Path, material_only: bool = False, queries_file: Path = QUERIES) -> tuple[int, int, int]:
    """(rank 1, top 3, queries) for tests/search_queries.yml (or another edition's) on the built site, under Node."""
    queries = yaml.safe_load(queries_file.read_text(encoding="utf-8"))
    cmd = ["node", str(ROOT / "scripts" / "search_run.js"), str(site)] + (["--material-only"] if material_only else [])
    try:
        result = subprocess.run(cmd, input=json.dumps([q["query"] for q in queries]), capture_output=True, text=True,
                                timeout=600, check=True)
    except (OSError, subprocess.SubprocessError) as err:
        raise ToolError(f"could not run scripts/search_run.js under Node: {err}") from None
    first = top = 0
    for entry, found in zip(queries, json.loads(result.stdout)):
        stem = entry["page"].removesuffix(".md")
        expected = stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"
        rank = found["pages"].index(expected) + 1 if expected in found["pages"] else None
        first += rank == 1
        top += bool(rank) and rank <= 3
    return first, top, len(queries)


def report(runs: int, lighthouse_runs: int) -> None:
    """Measure everything and print it."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Speed and size of the site, {dt.date.today()}, on {os.cpu_count()} cores "
          f"(load average {load:.1f} at the start; timings: median of {runs} runs)\n")
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp_name:
        tmp = Path(tmp_name)
        site = tmp / "site"
        mkdocs = [sys.executable, "-m", "mkdocs", "build"]
        # The copy sits beside mkdocs.yml, so the paths in it mean the same; it is removed straight after.
        with tempfile.NamedTemporaryFile("w", dir=ROOT, prefix=".bench-nohooks-", suffix=".yml", delete=False) as cfg:
            cfg.write(config_without_hooks((ROOT / "mkdocs.yml").read_text(encoding="utf-8")))
        try:
            times, stderr = median_seconds({
                "build": mkdocs + ["--strict", "--quiet", "--site-dir", str(site)],
                "validate": [sys.executable, str(ROOT / "scripts" / "validate.py")],
                "bare": mkdocs + ["--config-file", cfg.name, "--site-dir", str(tmp / "bare")],
            }, runs)
        finally:
            Path(cfg.name).unlink()
        build, validate, bare = times["build"], times["validate"], times["bare"]
        warnings = [line for line in stderr["bare"].splitlines() if line.startswith("WARNING")]
        print(f"{'Strict build (mkdocs build --strict)':<{W}} {build:8.2f} s")
        print(f"{'Validator (scripts/validate.py)':<{W}} {validate:8.2f} s")
        print(f"{'Build without the project hooks':<{W}} {bare:8.2f} s   so the hooks make it {build / bare:.2f}x as long")
        print("  (a copy of mkdocs.yml without `hooks:`, strict off: every page builds but the glossary and\n"
              f"  side-effects pages, which the hooks add; the nav and links naming them give {len(warnings)} warnings)\n")

        print(f"{'First load: HTML + CSS + JS':<{W}} {'raw':>10} {'gzip':>10}")
        for label, src in PAGES.items():
            weight = page_weight(site, src)
            print(f"{'  ' + label + ' (' + src + ')':<{W}} {kb(weight.raw):>10} {kb(weight.gzip):>10}")
        index, plain = search_index_weights(site)
        print(f"{'Search index':<{W}} {kb(index.raw):>10} {kb(index.gzip):>10}")
        print(f"{'  without the hidden fields (readers words, drugs)':<{W}} {kb(plain.raw):>10} {kb(plain.gzip):>10}"
              f"   so they add {index.raw / plain.raw - 1:.1%} raw, {index.gzip / plain.gzip - 1:.1%} gzipped")
        worker = file_weight([site / SEARCH_WORKER])
        print(f"{'  the site search worker (search-readers.js)':<{W}} {kb(worker.raw):>10} {kb(worker.gzip):>10}")
        after = file_weight([site / "search" / "search_index.json", *site.glob("assets/javascripts/workers/search.*.js")])
        print(f"{'  with the search worker (fetched after load)':<{W}} {kb(after.raw):>10} {kb(after.gzip):>10}")
        saved = web_app.precache_entries(site)
        print(f"{'Saved on the device after a first visit':<{W}} {kb(sum(e.raw for e in saved)):>10} "
              f"{kb(sum(e.gzip for e in saved)):>10}   {len(saved)} files (service worker precache)")
        size, count = tree_size(site)
        print(f"{'Whole site':<{W}} {kb(size):>10}   in {count} files")
        pdf = whole_guide_pdf(site, tmp)
        print(f"{'Whole guide PDF (scripts/pdf.py)':<{W}} {kb(pdf.stat().st_size) if pdf else 'not made':>10}"
              + (f"   {pdf_pages(pdf.read_bytes())} pages" if pdf else ""))
        print(f"{'Offline zip, with the PDF':<{W}} {offline_zip_size(tmp, pdf):>10}")
        print_editions(site, tmp, pdf)

        print_reading_grades()

        print(f"\n{'Search hit rates (tests/search_queries.yml)':<{W}} {'rank 1':>10} {'top 3':>10}")
        for label, material_only in (("this site's search", False), ("Material's search alone", True)):
            first, top, total = search_hit_rates(site, material_only)
            print(f"{'  ' + label + f' ({total} queries)':<{W}} {first / total:>10.1%} {top / total:>10.1%}")

        if lighthouse_runs:
            chrome = browser.chromium()
            print(f"\nLighthouse {lighthouse_version()} (mobile), {browser.version(chrome)}; "
                  f"of {lighthouse_runs} runs per page, the one with the median performance score")
            print(f"  {'':<16}" + "".join(f"{c:>16}" for c in CATEGORIES))
            with serve(site, gzip=True) as base:
                for label in LIGHTHOUSE_PAGES:
                    url = base + html_file(site, PAGES[label]).relative_to(site).as_posix().removesuffix("index.html")
                    scores, failing = median_lighthouse(url, chrome, lighthouse_runs)
                    print(f"  {label:<16}" + "".join(f"{scores[c]:>16}" for c in CATEGORIES))
                    for audit in failing:
                        print(f"      not passed: {audit}")


def print_editions(site: Path, tmp: Path, pdf: Path | None) -> None:
    """The English and the Spanish edition's figures side by side (the offline zips are those offline_zip_size made)."""
    print(f"\n{'Both editions, side by side':<{W}} {'English':>12} {'Spanish':>12}")
    sites = {"en": site, "es": site / "es"}
    rows = [("Pages", lambda lang: str(len([p for p in sites[lang].rglob("*.html")
                                            if not p.relative_to(sites[lang]).as_posix().startswith(("es/", "assets/"))])))]
    for label, src in PAGES.items():
        rows.append((f"First load, {label} (gzip)", lambda lang, src=src: kb(page_weight(sites[lang], src).gzip)))
    rows += [
        ("Search index (gzip)", lambda lang: kb(search_index_weights(sites[lang])[0].gzip)),
        ("Saved by the app (gzip)", lambda lang: kb(sum(e.gzip for e in web_app.precache_entries(sites[lang], lang)))),
        ("Whole guide PDF", lambda lang: f"{kb(edition_pdf(pdf, lang).stat().st_size)}, "
                                         f"{pdf_pages(edition_pdf(pdf, lang).read_bytes())} p" if pdf else "not made"),
        ("Offline zip, with the PDF", lambda lang: kb(edition_zip(tmp / "offline.zip", lang).stat().st_size)
            if edition_zip(tmp / "offline.zip", lang).is_file() else "not made"),
        ("Search: queries found in the top 3", lambda lang: "{1}/{2}".format(*search_hit_rates(
            sites[lang], queries_file=QUERIES if lang == "en" else QUERIES.with_name("search_queries.es.yml")))),
        ("Reading ease: median (SMOG; INFLESZ)", median_reading),
    ]
    for label, figure in rows:
        print(f"{'  ' + label:<{W}} {figure('en'):>12} {figure('es'):>12}")


def edition_zip(english_zip: Path, language: str) -> Path:
    """Where scripts/offline.py writes an edition's zip: beside the English one, in a folder named after it."""
    return english_zip if language == "en" else english_zip.parent / language / english_zip.name


def median_reading(language: str) -> str:
    """The median page's reading measure: SMOG grade in English (at most 7), INFLESZ in Spanish (at least 65)."""
    if language == "en":
        known = readability.glossary_words()
        scores = [readability.smog(p.read_text(encoding="utf-8"), known) for p in page_files(ROOT / "docs")]
    else:
        known = readability.spanish_words()
        scores = [readability.inflesz(p.read_text(encoding="utf-8"), known) for p in page_files(ROOT / "docs", language)]
    return f"{statistics.median(scores):.1f}"


def print_reading_grades() -> None:
    """Each page's reading grades (mbc_guide.checks.readability): Flesch-Kincaid and SMOG with known words."""
    inventory, glossary = load_all()
    pages = {p.relative_to(ROOT / "docs").as_posix(): p.read_text(encoding="utf-8")
             for p in page_files(ROOT / "docs")}
    pages[generated_pages.GLOSSARY_PAGE] = generated_pages.glossary_markdown(inventory, glossary)
    pages[generated_pages.SIDE_EFFECTS_PAGE] = generated_pages.side_effects_markdown(inventory)
    known = readability.known_words(name for entry in glossary.entries for name in entry.names)
    print(f"\n{'Reading grades (limits: 8 each, SMOG median 7)':<{W}} {'F-K':>10} {'SMOG':>10}")
    grades = []
    for name, text in sorted(pages.items()):
        fk, smog = readability.grade(text), readability.smog(text, known)
        grades.append(smog)
        longest = max((len(readability.words(x)) for x in readability.sentences(text)), default=0)
        print(f"{'  ' + name:<{W}} {fk:>10.1f} {smog:>10.1f}   longest sentence {longest} words")
    print(f"{'  median':<{W}} {'':>10} {statistics.median(grades):>10.1f}")


BUDGET_HOOKS_RATIO = 1.5  # the hooks may make the build at most this many times as long (scale run)
BUDGET_VALIDATOR_S = 1.5  # seconds for the validator (scale run)


def scale_report(pages: int, terms: int, runs: int) -> None:
    """Time the build with and without the hooks, and the validator, on a copy with pages x terms."""
    print(f"\nScale run: {pages} generated pages and {terms} made-up glossary terms (scripts/scale_site.py); "
          f"median of {runs} runs")
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp_name:
        tmp = Path(tmp_name)
        run_command([sys.executable, str(ROOT / "scripts" / "scale_site.py"), str(tmp), "--pages", str(pages),
                     "--terms", str(terms)])
        copies = {variant: tmp / variant for variant in ("hooked", "plain")}
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet"]
        times, _ = median_seconds({
            "hooked": mkdocs + ["--strict", "--site-dir", str(tmp / "out-hooked")],
            "plain": mkdocs + ["--site-dir", str(tmp / "out-plain")],
            "validate": [sys.executable, "scripts/validate.py", "--source-texts", str(tmp / "no-source-texts")],
        }, runs, cwd={"hooked": copies["hooked"], "plain": copies["plain"], "validate": copies["hooked"]})
        ratio = times["hooked"] / times["plain"]
        print(f"{'  Strict build with the hooks':<{W}} {times['hooked']:8.2f} s")
        print(f"{'  Build without them (their pages as Markdown)':<{W}} {times['plain']:8.2f} s   "
              f"ratio {ratio:.2f}x (budget {BUDGET_HOOKS_RATIO}x: {'met' if ratio <= BUDGET_HOOKS_RATIO else 'NOT MET'})")
        print(f"{'  Validator':<{W}} {times['validate']:8.2f} s   (budget {BUDGET_VALIDATOR_S} s: "
              f"{'met' if times['validate'] <= BUDGET_VALIDATOR_S else 'NOT MET'}; no source texts beside the copy,"
              " so the source check reads their recorded reading; the unknown-drug check reads the drug"
              " dictionary's cached words)")
        print("  Where the hooked build's time goes (one run under cProfile, cumulative seconds):")
        for label, seconds in profile_build(copies["hooked"], tmp / "out-profiled"):
            print(f"    {seconds:7.2f} s  {label}")


def profile_build(project: Path, site: Path) -> list[tuple[str, float]]:
    """The cumulative time of each hook event, and of MkDocs' own page building, in one profiled build."""
    stats_file = site.with_suffix(".prof")
    run_command([sys.executable, "-m", "cProfile", "-o", str(stats_file), "-m", "mkdocs", "build", "--quiet",
                 "--site-dir", str(site)], cwd=project)
    stats = pstats.Stats(str(stats_file)).stats  # (file, line, function) -> (calls, ..., cumulative, callers)
    rows: dict[str, float] = {}
    for (file, _, function), (_, _, _, cumulative, _) in stats.items():
        if "/overrides/hooks/" in file and function.startswith("on_"):
            rows[f"hook {Path(file).name} {function}"] = rows.get(f"hook {Path(file).name} {function}", 0) + cumulative
        elif file.endswith("mkdocs/commands/build.py") and function in ("build", "_populate_page", "_build_page"):
            rows[{"build": "whole build", "_populate_page": "MkDocs: Markdown to HTML, all pages",
                  "_build_page": "MkDocs: pages through the theme, all pages"}[function]] = cumulative
    return sorted(rows.items(), key=lambda row: -row[1])


def offline_zip_size(tmp: Path, pdf: Path | None = None) -> str:
    """The offline zip's size, built by scripts/offline.py (with the PDF when given), or "not built"."""
    script = ROOT / "scripts" / "offline.py"
    if not script.exists():
        return "not built"
    bundle = tmp / "offline.zip"
    run_command([sys.executable, str(script), "--site-dir", str(tmp / "offline"), "--zip", str(bundle)],
                env={"WHOLE_GUIDE_PDF": str(pdf or ""), "WHOLE_GUIDE_PDF_ES": str(edition_pdf(pdf, "es") if pdf else "")})
    return kb(bundle.stat().st_size)


def whole_guide_pdf(site: Path, tmp: Path) -> Path | None:
    """The whole guide printed to PDF from the built site by scripts/pdf.py (None without a Chromium)."""
    try:
        browser.chromium()
    except ToolError:
        return None
    pdf = tmp / "mbc-guide.pdf"
    run_command([sys.executable, str(ROOT / "scripts" / "pdf.py"), "--site-dir", str(site), "--pdf", str(pdf)])
    return pdf


def lighthouse_version() -> str:
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text(encoding="utf-8")).get("version", "?") if package.exists() else "?"


# The test commands' budgets on 2 idle cores, in seconds (the README says what each takes).
SUITE_BUDGETS = {"check": 20, "test": 240}


def suite_report() -> None:
    """Time `make check` and `make test` once each, against their budgets."""
    print("\nThe test commands (one run each; budgets for 2 idle cores)")
    for target, budget in SUITE_BUDGETS.items():
        start = time.perf_counter()
        run_command(["make", "--no-print-directory", target], timeout=3600)
        seconds = time.perf_counter() - start
        verdict = "within budget" if seconds <= budget else "OVER BUDGET"
        print(f"  make {target:<6} {seconds:6.1f} s   (budget {budget} s: {verdict})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per timing; the median is shown (default 5)")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (default 3)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse scores")
    parser.add_argument("--scale", default="2000x3000", metavar="PAGESxTERMS",
                        help="the scale run's size (default 2000x3000); 'none' skips it")
    parser.add_argument("--scale-runs", type=int, default=3, help="runs per timing in the scale run (default 3)")
    parser.add_argument("--no-suites", action="store_true", help="skip timing `make check` and `make test`")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.lighthouse_runs < 1 or args.scale_runs < 1:
        parser.error("--runs, --lighthouse-runs and --scale-runs must be 1 or more")
    if args.scale != "none" and not re.fullmatch(r"\d+x\d+", args.scale):
        parser.error("--scale takes PAGESxTERMS, such as 2000x3000, or 'none'")
    try:
        report(args.runs, 0 if args.no_lighthouse else args.lighthouse_runs)
        if args.scale != "none":
            pages, terms = map(int, args.scale.split("x"))
            scale_report(pages, terms, args.scale_runs)
        if not args.no_suites:
            suite_report()
    except ToolError as err:
        print(f"bench: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
