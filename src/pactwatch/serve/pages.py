"""The web pages: server-rendered HTML that works without JavaScript.

Jinja2 escapes every value (autoescape on for every template); text from articles is
never marked safe, only the SVG the chart module builds (which escapes it itself).
Filters are a GET form, so the URL always holds the view and can be shared; the small
``static/app.js`` only submits the form when a menu changes.  Every list has a CSV link
that streams the same rows.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from pactwatch.store import Store
from pactwatch.store import query as q
from pactwatch.yamlload import safe_load as yaml_safe_load

from . import charts
from .common import (
    DEFAULT_PAGE,
    MAX_PAGE,
    MAX_QUERY,
    BadRequest,
    Filters,
    VersionedCache,
    csv_stream,
    events_page,
    iter_stories,
    safe_url,
)

HERE = Path(__file__).parent
PKG = HERE.parent
STORY_CSV = ["story", "type", "status", "date", "date_lo", "date_hi", "participants",
             "participant_ids", "place", "sectors", "amounts", "jobs", "counts", "disagree",
             "sources", "n_mentions"]


def entity_href(eid: str) -> str:
    return "/entities/" + quote(eid, safe=":")


def _figure_text(f: dict[str, Any]) -> str:
    v = f["value"]
    num = f"{v:,}" if isinstance(v, int | float) else str(v)
    return num + (f" {f['currency']}" if f.get("currency") else "")


def _highlight(text: str, words: list[str]) -> Markup:
    """Text with every query term wrapped in <mark>, everything escaped."""
    if not words or not text:
        return escape(text or "")
    pat = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)),
                     re.IGNORECASE)
    out, last = [], 0
    for m in pat.finditer(text):
        out.append(escape(text[last:m.start()]))
        out.append(Markup("<mark>") + escape(m.group(0)) + Markup("</mark>"))
        last = m.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


@functools.lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(entity_href=entity_href, safe_url=safe_url, type_colour=charts.type_colour,
                       figure_text=_figure_text, quote=quote)
    env.filters["highlight"] = _highlight
    env.filters["zip"] = lambda a, b: zip(a, b, strict=False)
    return env


def render(name: str, **ctx: Any) -> str:
    return _env().get_template(name).render(**ctx)


def page(name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    return HTMLResponse(render(name, **ctx), status_code=status)


def error_page(status: int, message: str) -> HTMLResponse:
    return page("error.html", status=status, title=f"Error {status}",
                message=message)


@functools.lru_cache(maxsize=1)
def facets() -> dict[str, list[str]]:
    """Choices for the filter menus, from the project's own data files: the event types
    and sectors the extractor knows, the statuses of the record contract, and the
    languages with a language data file."""
    def keys(rel: str) -> list[str]:
        with open(PKG / rel, encoding="utf-8") as fh:
            data = yaml_safe_load(fh) or {}
        return [k for k, v in data.items() if isinstance(v, dict | list)]

    langs = sorted(p.stem for p in (PKG / "lang" / "data").glob("*.yaml") if p.stem != "common")
    return {"type": keys("events/data/triggers.yaml"),
            "sector": sorted(keys("events/data/sectors.yaml")),
            "status": ["planned", "intended", "announced", "signed", "approved", "completed",
                       "operational", "negated"],
            "lang": langs}


def _csv_response(name: str, columns: list[str], rows: Any) -> StreamingResponse:
    return StreamingResponse(csv_stream(columns, rows), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _param(request: Request, name: str) -> str:
    v = (request.query_params.get(name) or "").strip()
    if len(v) > MAX_QUERY:
        raise BadRequest(f"{name} is longer than {MAX_QUERY} characters")
    return v


def build_pages(store: Store, app: FastAPI) -> APIRouter:
    r = APIRouter(include_in_schema=False)
    timelines = VersionedCache()

    def warm() -> None:
        """Do before the first visitor what the first visitor would wait for: the
        knowledge base's names (any name lookup), the story matcher's module (a story
        page looks up its trip there; importing it costs ~0.5 s), the templates, and
        the overview's unfiltered timeline (every story counted: ~0.6 s on a store of
        a million events, then cached until the next ingest)."""
        import pactwatch.store.stories  # noqa: F401

        q.preload()
        facets()
        _env().get_template("overview.html")
        with store.read() as conn:
            version = q.data_version(conn)
            if timelines.get((), version) is None:
                timelines.put((), version, q.story_months(conn))

    app.state.warm = warm

    @r.get("/", response_class=HTMLResponse)
    def overview(request: Request) -> Response:
        try:
            f = Filters.from_params(request.query_params)
            limit = int(request.query_params.get("limit") or DEFAULT_PAGE)
            limit = max(1, min(MAX_PAGE, limit))
            rows, nxt = events_page(store, f, limit=limit,
                                    cursor=_param(request, "cursor") or None)
            with store.read() as conn:
                key, version = tuple(sorted(f.kwargs().items())), q.data_version(conn)
                months = timelines.get(key, version)
                if months is None:
                    months = q.story_months(conn, **f.kwargs())
                    timelines.put(key, version, months)
        except (BadRequest, ValueError) as e:
            return error_page(400, str(e))
        total = sum(m["n"] for m in months)
        by_type: dict[str, int] = defaultdict(int)
        for m in months:
            by_type[m["type"]] += m["n"]
        return page("overview.html", title="Overview", f=f, facets=facets(), rows=rows,
                    next_url=("/?" + f.query_string(cursor=nxt, limit=limit if limit !=
                                                    DEFAULT_PAGE else None)) if nxt else None,
                    first_url=("/?" + f.query_string()) if request.query_params.get("cursor")
                    else None,
                    total=total, by_type=dict(sorted(by_type.items(), key=lambda kv: -kv[1])),
                    chart=charts.timeline_svg(months), csv_url="/events.csv?" + f.query_string(),
                    active=bool(f.kwargs()))

    @r.get("/events.csv")
    def events_csv(request: Request) -> Response:
        try:
            f = Filters.from_params(request.query_params)
            with store.read() as conn:  # a bad filter fails here, before the stream
                q.story_ids(conn, limit=1, **f.kwargs())
        except (BadRequest, q.QueryError) as e:
            return error_page(400, str(e))
        return _csv_response("pactwatch-stories.csv", STORY_CSV, iter_stories(store, f))

    @r.get("/stories/{story_id:int}", response_class=HTMLResponse)
    def story(story_id: int) -> Response:
        with store.read() as conn:
            s = q.story_detail(conn, story_id)
        if s is None:
            return error_page(404, f"There is no story {story_id}.")
        figures = [(name, figs) for name, figs in (("amount", s["amounts"]),
                                                   ("jobs", s["jobs"]),
                                                   ("count", s["counts"])) if figs]
        return page("story.html", title=f"Story {story_id}: {s['type']}", s=s,
                    figures=figures, participants=list(zip(s["participant_ids"],
                                                           s["participants"], strict=True)))

    @r.get("/stories/{story_id:int}/sources.csv")
    def story_csv(story_id: int) -> Response:
        with store.read() as conn:
            s = q.story_detail(conn, story_id)
        if s is None:
            return error_page(404, f"There is no story {story_id}.")
        rows = [{"story": story_id, "article": rep["id"], "source": rep["source"],
                 "lang": rep["lang"], "published": rep["published"], "title": rep["title"],
                 "url": rep["url"], "start": ev["start"], "end": ev["end"], "evidence": ev["text"]}
                for rep in s["reports"] for m in rep["mentions"] for ev in m["evidence"]]
        return _csv_response(f"pactwatch-story-{story_id}.csv",
                             ["story", "article", "source", "lang", "published", "title", "url",
                              "start", "end", "evidence"], rows)

    def _entity(entity_id: str) -> tuple[dict[str, Any] | None, list[str]]:
        with store.read() as conn:
            e = q.entity_brief(conn, entity_id)
            if e is not None:
                e["partners"] = q.entity_partners(conn, e["id"], limit=24)
                return e, [e["id"]]
            return None, q.resolve(conn, entity_id)

    @r.get("/entities/{entity_id:path}/timeline.csv")
    def entity_csv(entity_id: str) -> Response:
        if len(entity_id) > MAX_QUERY:
            return error_page(400, "the entity id is too long")
        e, _ = _entity(entity_id)
        if e is None:
            return error_page(404, "No stored entity has this id.")
        return _csv_response("pactwatch-entity-timeline.csv", STORY_CSV, e["timeline"])

    @r.get("/entities/{entity_id:path}/partners.csv")
    def entity_partners_csv(entity_id: str) -> Response:
        if len(entity_id) > MAX_QUERY:
            return error_page(400, "the entity id is too long")
        e, _ = _entity(entity_id)
        if e is None:
            return error_page(404, "No stored entity has this id.")
        return _csv_response("pactwatch-entity-partners.csv",
                             ["id", "name", "kind", "country", "n_stories", "by_type"],
                             e["partners"])

    @r.get("/entities/{entity_id:path}", response_class=HTMLResponse)
    def entity(entity_id: str) -> Response:
        if len(entity_id) > MAX_QUERY:
            return error_page(400, "the entity id is too long")
        e, ids = _entity(entity_id)
        if e is None:
            if len(ids) == 1:  # a name in any script: go to the entity it stands for
                return RedirectResponse(entity_href(ids[0]), status_code=303)
            if ids:
                with store.read() as conn:
                    found = q.find_entities(conn, entity_id, limit=50)
                return page("entities.html", title="Entities", q=entity_id, entities=found)
            return error_page(404, f"No stored entity is called “{entity_id}” in any script.")
        by_lang: dict[tuple[str, str], list[str]] = defaultdict(list)
        for al in e["aliases"]:
            by_lang[(al["lang"], al["script"])].append(al["alias"])
        months: dict[tuple[str, str], int] = defaultdict(int)
        for row in e["timeline"]:
            if row["date_hi"]:
                months[(row["date_hi"][:7], row["type"])] += 1
        chart = charts.timeline_svg([{"month": m, "type": t, "n": n}
                                     for (m, t), n in months.items()],
                                    title=f"Stories of {e['name']} per month")
        graph = charts.network_svg({"id": e["id"], "name": e["name"], "kind": e["kind"],
                                    "n_stories": e["n_stories"]}, e["partners"],
                                   href=entity_href)
        return page("entity.html", title=e["name"], e=e, by_lang=sorted(by_lang.items()),
                    chart=chart, graph=graph, timeline=list(reversed(e["timeline"])))

    @r.get("/search", response_class=HTMLResponse)
    def search(request: Request) -> Response:
        try:
            text = _param(request, "q")
        except BadRequest as e:
            return error_page(400, str(e))
        hits: list[dict[str, Any]] = []
        ents: list[dict[str, Any]] = []
        error = None
        if text:
            try:
                with store.read() as conn:
                    hits = q.search(conn, text, limit=MAX_PAGE)
                    ents = q.find_entities(conn, text, limit=12)
            except q.QueryError as e:
                error = str(e)
        return page("search.html", title=f"Search: {text}" if text else "Search", q=text,
                    hits=hits, entities=ents, words=q.terms(text) if text else [],
                    error=error, csv_url="/search.csv?" + urlencode({"q": text}))

    @r.get("/search.csv")
    def search_csv(request: Request) -> Response:
        try:
            text = _param(request, "q")
            with store.read() as conn:
                hits = q.search(conn, text, limit=MAX_PAGE * 5)
        except (BadRequest, q.QueryError) as e:
            return error_page(400, str(e))
        return _csv_response("pactwatch-search.csv", list(q.SEARCH_COLUMNS), hits)

    partner_cache = VersionedCache(64)

    def _partners(request: Request) -> tuple[dict[str, str], dict[str, Any]]:
        """The matrix for the period asked; without one, the latest twelve months of
        the store (``all=1`` for all time: slow on a store of millions of events)."""
        params = {k: _param(request, k) for k in ("since", "until", "type", "sector")}
        with store.read() as conn:
            if not (params["since"] or params["until"]) and request.query_params.get("all") \
                    != "1":
                last = q.latest_date(conn)
                if last and len(last) >= 7:
                    y, m = int(last[:4]), int(last[5:7])
                    y, m = (y, m - 11) if m > 11 else (y - 1, m + 1)
                    params["since"], params["until"] = f"{y:04d}-{m:02d}", last[:7]
            key, version = tuple(sorted(params.items())), q.data_version(conn)
            data = partner_cache.get(key, version)
            if data is None:
                data = q.partners(conn, **{k: v or None for k, v in params.items()}, limit=25)
                partner_cache.put(key, version, data)
        return params, data

    @r.get("/partners", response_class=HTMLResponse)
    def partners(request: Request) -> Response:
        try:
            params, data = _partners(request)
        except (BadRequest, q.QueryError) as e:
            return error_page(400, str(e))
        cells = {(c["row"], c["col"]): c for c in data["cells"]}
        top = max((c["n_stories"] for c in data["cells"]), default=1)
        graph = charts.bipartite_svg(data["rows"], data["cols"], data["cells"],
                                     href=entity_href)
        return page("partners.html", title="Partners", p=params, facets=facets(), data=data,
                    cells=cells, top=top, graph=graph,
                    csv_url="/partners.csv?" + urlencode({k: v for k, v in params.items() if v}))

    @r.get("/partners.csv")
    def partners_csv(request: Request) -> Response:
        try:
            _, data = _partners(request)
        except (BadRequest, q.QueryError) as e:
            return error_page(400, str(e))
        names = {x["id"]: x["name"] for x in data["rows"] + data["cols"]}
        rows = [{"state_id": c["row"], "state": names.get(c["row"]), "partner_id": c["col"],
                 "partner": names.get(c["col"]), "n_stories": c["n_stories"],
                 "by_type": c["by_type"], "sectors": c["sectors"]} for c in data["cells"]]
        return _csv_response("pactwatch-partners.csv", ["state_id", "state", "partner_id",
                                                         "partner", "n_stories", "by_type",
                                                         "sectors"], rows)

    @r.get("/docs", response_class=HTMLResponse)
    def docs() -> Response:
        return docs_html(app)

    @r.get("/favicon.ico")
    def favicon() -> Response:
        return RedirectResponse("/static/favicon.svg", status_code=301)

    return r


def docs_html(app: FastAPI) -> HTMLResponse:
    """/docs: the OpenAPI document as a page (no CDN, no script)."""
    spec = app.openapi()
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            ops.append({"method": method.upper(), "path": path,
                        "summary": op.get("summary", ""),
                        "description": op.get("description", ""),
                        "params": [{"name": p["name"], "in": p["in"],
                                    "required": p.get("required", False),
                                    "schema": _schema_text(p.get("schema", {}))}
                                   for p in op.get("parameters", [])]})
    return HTMLResponse(render("docs.html", ops=ops, title="API"))


def _schema_text(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " | ".join(_schema_text(s) for s in schema["anyOf"] if s.get("type") != "null")
    bits = [schema.get("type", "")]
    for k in ("minimum", "maximum", "maxLength", "pattern", "default"):
        if k in schema:
            bits.append(f"{k}={schema[k]}")
    return " ".join(b for b in bits if b != "")
