"""The accessibility and width audit's crawler: follows a person's links through Mosty in real
Chromium and checks every kind of page with axe-core (WCAG 2.1 A and AA rules) at 1280 and 360 px,
and that no page is wider than a 360 px phone.

Used by test_accessibility_audit.py (docs/accessibility.md). It also audits a running server,
for looking at one role's findings while fixing them:

    DEBUG=1 .venv/bin/python -m mosty.core.tests.audit_crawler \\
        http://127.0.0.1:8000 koordynator@mosty.example
"""
from __future__ import annotations

import hashlib
import os
import sys
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from playwright.sync_api import Error as PlaywrightError

ROOT = Path(__file__).resolve().parents[3]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
WIDE, PHONE = 1280, 360
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MAX_PAGES = 250  # per role: a guard against a crawl that never ends (e.g. endless calendars)

# Pages no link leads to (or only links of other pages' instances), audited for every role.
UNLINKED = ["/", "/api/docs", "/accounts/login/", "/accounts/signup/",
            "/accounts/password/reset/", "/no-such-page/"]
# The same for every role (no personal content) and slow (Swagger UI renders the whole API
# description): audited for anonymous visitors only.
ANONYMOUS_ONLY = {"/api/docs"}
# Never followed: files to download, and links whose GET changes something or leaves the page.
SKIP_SUFFIXES = (".pdf", ".xlsx", ".csv", ".ics", ".png", ".gexf", ".zip", ".docx", ".odt",
                 ".json", ".svg", ".txt", ".xml", ".jpg", ".jpeg", ".webp")
SKIP_PREFIXES = ("/admin/", "/static/", "/media/", "/accounts/logout/", "/i18n/",
                 "/display/", "/api/v1/", "/api/openapi")
# Views that answer a GET with a file or change state on a GET (by view name).
SKIP_VIEWS = {"accounts:logout", "set_language", "core:set_display", "core:healthz"}
# The site's header and footer: the same on every page of a role, so checked (at each width) on
# the role's first page only; other pages are checked without them, which saves time.
CHROME = [".site-header", ".site-footer"]
# Pages whose content arrives after the load event: wait for this element before auditing.
READY = {"/api/docs": ".swagger-ui .opblock"}
# Key pages photographed at both widths (CI artefacts): (view name, role) -> file name.
KEY_PAGES = {
    ("programmes:home", "anonymous"): "home",
    ("home:start", "participant"): "start-participant",
    ("home:start", "coordinator"): "start-coordinator",
    ("directory:list", "anonymous"): "directory",
    ("programmes:detail", "anonymous"): "programme",
    ("programmes:detail", "coordinator"): "programme-coordinator",
    ("events:detail", "participant"): "event",
    ("networking:phone", "anonymous"): "phone",
    ("surveys:public", "anonymous"): "survey",
}

# axe-core's results, reduced to what a failure message needs.
AXE_RUN = """async ([tags, exclude]) => {
  // No preload: it fetches every stylesheet again, only for an experimental rule.
  const context = exclude.length ? {include: [['html']], exclude: exclude.map(s => [s])}
                                 : document;
  const result = await axe.run(context, {runOnly: {type: 'tag', values: tags},
                                         resultTypes: ['violations'], preload: false});
  return result.violations.map(v => ({rule: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 5).map(n => n.target.join(' '))}));
}"""
# The page's width, and the outermost elements reaching past the viewport's right edge.
WIDTH = """() => {
  const width = window.innerWidth, scroll = document.documentElement.scrollWidth, seen = [];
  if (scroll <= width) { return {scroll: scroll, width: width, culprits: []}; }
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && !seen.some(s => s.contains(el))) {
      let scroller = el.parentElement, clipped = false;
      while (scroller && scroller !== document.body) {
        const style = getComputedStyle(scroller).overflowX;
        if (style !== 'visible') { clipped = true; break; }
        scroller = scroller.parentElement;
      }
      if (!clipped) seen.push(el);
    }
  }
  const one = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' && el.className.trim()
      ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const name = el => [el.parentElement.parentElement, el.parentElement, el]
    .filter(e => e && e !== document.body && e !== document.documentElement).map(one).join(' > ');
  return {scroll: scroll, width: width,
          culprits: seen.slice(0, 5).map(el => name(el) + ' (' +
            Math.round(el.getBoundingClientRect().right) + ' px)')};
}"""
# What axe-core's result depends on, as one string: every element of the audited part of the
# page (without the excluded selectors' subtrees) in order and nesting, with its tag and
# attributes, and whether it holds text of its own. Values that are content (URLs, alt texts,
# titles, form values, tokens) count only as empty or not; ids and what refers to them (label
# `for`, aria-labelledby, `#fragment` links...) are numbered in order of appearance, so that
# duplicates and broken references still show. Classes, styles, roles, types, lang and the
# other aria-* values count whole: they decide colours, sizes and semantics. Two pages with the
# same fingerprint at the same width give the same axe result.
STRUCTURE = """([exclude]) => {
  const refs = ['id', 'for', 'headers', 'list', 'form', 'aria-labelledby', 'aria-describedby',
    'aria-controls', 'aria-owns', 'aria-activedescendant', 'aria-details', 'aria-errormessage',
    'aria-flowto'];
  const urls = ['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'cite', 'data',
    'xlink:href'];
  const texts = ['alt', 'title', 'aria-label', 'placeholder', 'value', 'aria-placeholder',
    'aria-valuetext', 'aria-roledescription', 'label', 'summary', 'name', 'datetime',
    'download', 'nonce', 'integrity'];
  const numbers = new Map();
  const number = ids => ids.split(/\\s+/).filter(Boolean).map(id => {
    if (!numbers.has(id)) numbers.set(id, numbers.size);
    return '#' + numbers.get(id);
  }).join(' ');
  const value = (el, attr) => {
    const name = attr.name, v = attr.value;
    if (refs.includes(name)) return number(v);
    if (urls.includes(name)) return v.startsWith('#') ? number(v.slice(1)) : (v ? 'url' : '');
    if (name === 'content' && el.getAttribute('name') !== 'viewport') return v ? 't' : '';
    if (texts.includes(name)) return v.trim() ? 't' : '';
    if (name.startsWith('data-')) return '';
    return v;
  };
  const skip = new Set(exclude.length ? document.querySelectorAll(exclude.join(',')) : []);
  const out = [];
  const walk = el => {
    if (skip.has(el)) { out.push('<excluded>'); return; }
    const attrs = [...el.attributes].map(a => a.name + '=' + value(el, a)).sort();
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.data.trim());
    const tag = el.tagName.toLowerCase();
    out.push('<' + tag + ' ' + attrs.join(' ') + (own ? ' T' : '') + '>');
    if (tag === 'style') out.push(el.textContent);
    for (const child of el.children) walk(child);
    out.push('</>');
  };
  walk(document.documentElement);
  return out.join('');
}"""


class AuditedStructures:
    """The page structures (STRUCTURE, per width) already audited with axe in this test run,
    shared by the roles' tests and xdist's workers through empty files in one folder
    (created with O_EXCL: the first to claim a structure audits it). Without a folder, kept
    in this process only."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self.seen: set[str] = set()

    def claim(self, key: str) -> bool:
        """True the first time `key` is seen: the caller audits that structure."""
        if self.folder is None:
            first = key not in self.seen
            self.seen.add(key)
            return first
        try:
            os.close(os.open(self.folder / key, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return False
        return True


@dataclass
class Finding:
    role: str
    url: str
    width: int
    rule: str
    detail: str

    def __str__(self) -> str:
        return f"[{self.role}] {self.url} at {self.width} px: {self.rule}: {self.detail}"


@dataclass
class Audit:
    role: str
    findings: list[Finding] = field(default_factory=list)
    pages: dict[str, str] = field(default_factory=dict)  # pattern -> URL audited
    page_seconds: dict[str, float] = field(default_factory=dict)  # URL -> seconds it took
    not_found: dict[str, int] = field(default_factory=dict)  # links answering 4xx -> status
    chrome_checked: set[int] = field(default_factory=set)  # widths where CHROME was checked
    # Pages (URL -> widths) whose structure was already audited with axe (AuditedStructures):
    # only their width was checked.
    same_structure: dict[str, list[int]] = field(default_factory=dict)
    seconds: float = 0.0
    timing: dict[str, float] = field(default_factory=lambda: {"load": 0.0, "axe": 0.0,
                                                              "screenshots": 0.0})


def axe_source() -> str:
    if not AXE.exists():
        raise FileNotFoundError(f"{AXE} is missing: run `bash scripts/setup.sh test` (npm ci).")
    return AXE.read_text(encoding="utf-8")


def pattern(path: str) -> str | None:
    """One key per URL pattern (the view's name), or None for a path to skip."""
    if path.startswith(SKIP_PREFIXES) or path.lower().endswith(SKIP_SUFFIXES):
        return None
    try:
        match = resolve(path)
    except Resolver404:
        return f"404 {path}" if path in UNLINKED else None
    if match.view_name in SKIP_VIEWS:
        return None
    return match.view_name or match._func_path


def crawl(page, base: str, role: str, start: list[str] | None = None,
          on_page: Callable[[str, str], None] | None = None,
          structures: AuditedStructures | None = None) -> Audit:
    """Audit every kind of page `role` (already logged in `page`'s context) reaches from the
    start pages by following same-origin links. `page`'s context must carry axe (axe_source())
    as an init script. on_page(pattern, url) is called after each page's audit. axe runs once
    per page structure and width in `structures` (the width is checked on every page)."""
    audit = Audit(role)
    structures = structures or AuditedStructures()
    started = time.monotonic()
    origin = urlsplit(base)
    queue = deque(path for path in start or UNLINKED
                  if role == "anonymous" or path not in ANONYMOUS_ONLY)
    queued = {pattern(path) for path in queue}
    while queue and len(audit.pages) < MAX_PAGES:
        path = queue.popleft()
        clock = time.monotonic()
        try:
            # Generous: a page's first use of a heavy library (e.g. the morphology for matching)
            # loads it in the server process, which takes many seconds on a busy machine.
            response = page.goto(base + path, wait_until="load", timeout=90_000)
        except PlaywrightError as error:
            if "Download is starting" in str(error):
                continue  # a file to download behind a link without a file extension
            raise
        final = urlsplit(page.url)
        key = pattern(final.path)
        if key is None or (key in audit.pages and final.path != path):
            continue  # redirected to a page already audited (e.g. the login page)
        status = response.status if response else 0
        if status >= 500:
            audit.findings.append(Finding(role, path, WIDE, "server error", str(status)))
        if status != 200 and not key.startswith("404 "):
            audit.not_found[path] = status  # a link this role may not follow: not audited
            continue
        if "html" not in response.headers.get("content-type", ""):
            continue
        audit.pages[key] = path
        audit.timing["load"] += time.monotonic() - clock
        page_started = clock
        if path in READY:
            try:
                page.wait_for_selector(READY[path], timeout=30_000)
            except PlaywrightError:
                audit.findings.append(Finding(role, path, WIDE, "not rendered",
                                              f"{READY[path]} did not appear"))
                continue
        for width in (WIDE, PHONE):
            page.set_viewport_size({"width": width, "height": 900})
            clock = time.monotonic()
            check(page, audit, path, width, structures)
            audit.timing["axe"] += time.monotonic() - clock
            if (key, role) in KEY_PAGES:
                clock = time.monotonic()
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SCREENSHOTS / f"{KEY_PAGES[key, role]}-{width}.png"),
                                full_page=True)
                audit.timing["screenshots"] += time.monotonic() - clock
        page.set_viewport_size({"width": WIDE, "height": 900})
        links = page.eval_on_selector_all(
            "a[href]:not([download])", "links => links.map(a => a.href)")
        for link in links:
            target = urlsplit(link)
            if (target.scheme, target.netloc) != (origin.scheme, origin.netloc):
                continue
            link_key = pattern(target.path)
            if link_key is None or link_key in queued or (
                    role != "anonymous" and target.path in ANONYMOUS_ONLY):
                continue
            queued.add(link_key)
            queue.append(target.path + (f"?{target.query}" if target.query else ""))
        audit.page_seconds[path] = time.monotonic() - page_started
        if on_page:
            on_page(key, path)
    audit.seconds = time.monotonic() - started
    return audit


def report(audit: Audit) -> str:
    """What the audit saw, for artifacts/accessibility/ (CI artefacts) and the terminal."""
    timing = ", ".join(f"{part} {seconds:.1f} s" for part, seconds in audit.timing.items())
    skipped = sum(len(widths) for widths in audit.same_structure.values())
    lines = [f"{audit.role}: {len(audit.pages)} kinds of page in {audit.seconds:.1f} s "
             f"({timing}), {len(audit.findings)} findings",
             f"axe ran on {2 * len(audit.pages) - skipped} of {2 * len(audit.pages)} page "
             f"widths; {skipped} had a structure already audited (*: at 1280, **: at 360 px, "
             "***: both), only their width was checked", ""]
    marks: dict[tuple[int, ...], str] = {(WIDE,): "*", (PHONE,): "**"}
    lines += [f"  {key:40} {audit.page_seconds.get(url, 0):5.1f} s  {url}"
              + (f"  {marks.get(tuple(audit.same_structure[url]), '***')}"
                 if url in audit.same_structure else "")
              for key, url in sorted(audit.pages.items())]
    if audit.not_found:
        lines += ["", "Links answering an error for this role (not audited):"]
        lines += [f"  {status} {url}" for url, status in sorted(audit.not_found.items())]
    if audit.findings:
        lines += ["", "Findings:"] + [f"  {finding}" for finding in audit.findings]
    return "\n".join(lines) + "\n"


def save_report(audit: Audit) -> Path:
    folder = ARTIFACTS / "accessibility"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{audit.role}.txt"
    path.write_text(report(audit), encoding="utf-8")
    return path


def check(page, audit: Audit, path: str, width: int, structures: AuditedStructures) -> None:
    with_chrome = width not in audit.chrome_checked and page.query_selector(CHROME[0])
    if with_chrome:
        audit.chrome_checked.add(width)
    exclude = [] if with_chrome else CHROME
    structure = page.evaluate(STRUCTURE, [exclude]).encode()
    if structures.claim(f"{width}-{hashlib.sha256(structure).hexdigest()}"):
        axe(page, audit, path, width, exclude)
    else:
        audit.same_structure.setdefault(path, []).append(width)
    check_width(page, audit, path, width)  # on every page: cheap


def axe(page, audit: Audit, path: str, width: int, exclude: list[str]) -> None:
    for violation in page.evaluate(AXE_RUN, [AXE_TAGS, exclude]):
        audit.findings.append(Finding(
            audit.role, path, width, f"axe {violation['rule']} ({violation['impact']})",
            f"{violation['help']}; on {' | '.join(violation['targets'])}"))


def check_width(page, audit: Audit, path: str, width: int) -> None:
    """At both widths: a desktop page must not scroll sideways either."""
    measured = page.evaluate(WIDTH)
    if measured["scroll"] > measured["width"]:
        audit.findings.append(Finding(
            audit.role, path, width, "page wider than the viewport",
            f"{measured['scroll']} px > {measured['width']} px; widest: "
            + ", ".join(measured["culprits"])))


def log_in_with_form(page, base: str, email: str, password: str) -> None:
    page.goto(base + "/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("form[action$='/accounts/login/'] [type=submit], main form [type=submit]")


def main(argv: list[str]) -> int:
    """Audit a running server as one demo account (or anonymously without one)."""
    import django

    from mosty.core.tests.browser import CHROMIUM, CHROMIUM_ARGS

    django.setup()
    from playwright.sync_api import sync_playwright

    base = argv[1].rstrip("/")
    email = argv[2] if len(argv) > 2 else ""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="pl-PL", viewport={"width": WIDE, "height": 900})
        context.add_init_script(script=axe_source())
        page = context.new_page()
        if email:
            log_in_with_form(page, base, email, argv[3] if len(argv) > 3 else "mosty-demo-2026")
        audit = crawl(page, base, email or "anonymous",
                      on_page=lambda key, url: print(f"{key:45} {url}", file=sys.stderr))
        browser.close()
    print(report(audit))
    return 1 if audit.findings else 0


if __name__ == "__main__":
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mosty.settings")
    raise SystemExit(main(sys.argv))
