"""Charts as SVG built on the server: no JavaScript, no network, nothing to vendor.

Every chart is a string of SVG markup in which each piece of text from the store goes
through ``esc`` (names and labels come from articles on the open web).  The SVG has a
``viewBox`` and scales to the width of its box, so it fits a laptop screen without
scrolling; text uses the page's font stack, which names Noto fonts with Devanagari and
Japanese glyphs.
"""

from __future__ import annotations

import math
from collections import defaultdict
from html import escape
from typing import Any

from markupsafe import Markup

TYPE_COLOURS = {
    "visit": "#4e79a7", "meeting": "#76b7b2", "agreement": "#f28e2b",
    "investment": "#59a14f", "invitation": "#edc948", "policy": "#b07aa1",
    "facility": "#e15759",
}
KIND_COLOURS = {"state": "#2f6690", "country": "#d1495b", "company": "#00798c",
                "person": "#edae49", "other": "#8d99ae"}
OTHER = "#9c9c9c"


def esc(v: Any) -> str:
    """Text or attribute value, escaped for XML (quotes included)."""
    return escape("" if v is None else str(v), quote=True)


def type_colour(t: str) -> str:
    return TYPE_COLOURS.get(t, OTHER)


def kind_group(kind: str | None) -> str:
    """Coarse node groups for the graph legend."""
    if kind in ("state", "union_territory", "prefecture"):
        return "state"
    if kind in ("country", "company", "person"):
        return kind
    return "other"


def _nice_step(top: int, ticks: int = 5) -> int:
    raw = max(1.0, top / ticks)
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if raw <= m * mag:
            return int(m * mag)
    return int(10 * mag)


def _months_between(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    ly, lm = int(last[:4]), int(last[5:7])
    out = []
    while (y, m) <= (ly, lm):
        out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


def _legend(types: list[str], x: float, y: float) -> list[str]:
    parts = []
    for t in types:
        parts.append(f'<rect x="{x:.0f}" y="{y - 10:.0f}" width="12" height="12" rx="2" '
                     f'fill="{type_colour(t)}"/>'
                     f'<text x="{x + 17:.0f}" y="{y:.0f}" class="lg">{esc(t)}</text>')
        x += 30 + 8.5 * len(t)
    return parts


def timeline_svg(months: list[dict[str, Any]], *, title: str = "Stories per month") -> Markup:
    """Stacked bars: stories per month (per year when the span passes six years), one
    colour per event type, with axis titles, ticks and a legend."""
    if not months:
        return Markup('<p class="empty">No dated stories match these filters.</p>')
    valid = [r for r in months if r["month"] and len(r["month"]) >= 7]
    if not valid:
        return Markup('<p class="empty">No dated stories match these filters.</p>')
    span = _months_between(min(r["month"] for r in valid), max(r["month"] for r in valid))
    yearly = len(span) > 72
    buckets = sorted({m[:4] for m in span}) if yearly else span
    if yearly:
        buckets = [str(y) for y in range(int(buckets[0]), int(buckets[-1]) + 1)]
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in valid:
        counts[r["month"][:4] if yearly else r["month"][:7]][r["type"]] += r["n"]
    types = sorted({r["type"] for r in valid}, key=lambda t: (t not in TYPE_COLOURS,
                                                              list(TYPE_COLOURS).index(t)
                                                              if t in TYPE_COLOURS else 0, t))
    total = sum(r["n"] for r in valid)
    top = max(sum(c.values()) for c in counts.values())
    step = _nice_step(top)
    ymax = step * math.ceil(top / step)
    W, H, L, R, T, B = 960, 320, 64, 16, 44, 58
    pw, ph = W - L - R, H - T - B
    bw = pw / len(buckets)
    out = [f'<svg class="chart" viewBox="0 0 {W} {H}" role="img" '
           f'aria-label="{esc(title)}" data-total="{total}" '
           f'xmlns="http://www.w3.org/2000/svg"><title>{esc(title)}</title>']
    out += _legend(types, L, 22)
    for v in range(0, ymax + 1, step):
        y = T + ph - ph * v / ymax
        out.append(f'<line x1="{L}" x2="{W - R}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                   f'<text x="{L - 8}" y="{y + 4:.1f}" class="tick" text-anchor="end">{v}</text>')
    label_every = max(1, math.ceil(len(buckets) / 16))
    barw = min(bw * 0.76, 56)
    for i, b in enumerate(buckets):
        x = L + i * bw
        y0 = T + ph
        for t in types:
            n = counts.get(b, {}).get(t, 0)
            if not n:
                continue
            h = ph * n / ymax
            y0 -= h
            out.append(f'<rect x="{x + (bw - barw) / 2:.1f}" y="{y0:.1f}" width="{barw:.1f}" '
                       f'height="{h:.1f}" fill="{type_colour(t)}"><title>{esc(b)} · '
                       f'{esc(t)}: {n}</title></rect>')
        if i % label_every == 0:
            out.append(f'<text x="{x + bw / 2:.1f}" y="{T + ph + 18}" class="tick" '
                       f'text-anchor="middle">{esc(b)}</text>')
    out.append(f'<line x1="{L}" x2="{W - R}" y1="{T + ph}" y2="{T + ph}" class="axis"/>'
               f'<line x1="{L}" x2="{L}" y1="{T}" y2="{T + ph}" class="axis"/>')
    out.append(f'<text x="{L + pw / 2:.0f}" y="{H - 10}" class="axt" text-anchor="middle">'
               f'{"Year" if yearly else "Month"} (of the story\'s latest date)</text>')
    out.append(f'<text transform="translate(16 {T + ph / 2:.0f}) rotate(-90)" class="axt" '
               f'text-anchor="middle">Stories</text>')
    out.append("</svg>")
    return Markup("".join(out))


def _node(x: float, y: float, r: float, ent: dict[str, Any], *, anchor: str,
          dx: float, dy: float, href: str) -> str:
    colour = KIND_COLOURS[kind_group(ent.get("kind"))]
    name = ent.get("name") or ent["id"]
    label = name if len(name) <= 28 else name[:27] + "…"
    return (f'<a href="{esc(href)}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" '
            f'fill="{colour}" class="node"><title>{esc(name)} ({esc(ent.get("kind") or "?")},'
            f' {esc(ent.get("n_stories", ""))} stories)</title></circle>'
            f'<text x="{x + dx:.1f}" y="{y + dy:.1f}" class="nl" text-anchor="{anchor}">'
            f'{esc(label)}</text></a>')


def _dominant(by_type: dict[str, int]) -> str:
    return max(sorted(by_type), key=lambda t: by_type[t]) if by_type else ""


def _graph_legends(types: list[str], kinds: list[str], W: int, H: int) -> list[str]:
    out = _legend(types, 16, H - 12)
    x = W - 16 - sum(30 + 8.5 * len(k) for k in kinds)
    for k in kinds:
        out.append(f'<circle cx="{x + 6:.0f}" cy="{H - 16:.0f}" r="6" fill="{KIND_COLOURS[k]}"/>'
                   f'<text x="{x + 17:.0f}" y="{H - 12:.0f}" class="lg">{esc(k)}</text>')
        x += 30 + 8.5 * len(k)
    return out


def network_svg(centre: dict[str, Any], partners: list[dict[str, Any]], *,
                href: Any) -> Markup:
    """The entity in the middle, its partners around it; an edge's width is the number
    of shared stories, its colour the type most of them have."""
    if not partners:
        return Markup('<p class="empty">No partners: this entity shares no story yet.</p>')
    W, H = 960, 470
    cx, cy, rx, ry = W / 2, (H - 30) / 2, W / 2 - 190, (H - 30) / 2 - 40
    top = max(p["n_stories"] for p in partners)
    out = [f'<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-label="Partner network" '
           f'xmlns="http://www.w3.org/2000/svg"><title>Partner network of '
           f'{esc(centre.get("name"))}</title>']
    nodes = []
    n = len(partners)
    for i, p in enumerate(partners):
        a = -math.pi / 2 + 2 * math.pi * i / n
        x, y = cx + rx * math.cos(a), cy + ry * math.sin(a)
        t = _dominant(p["by_type"])
        w = 1.5 + 7 * math.sqrt(p["n_stories"] / top)
        detail = ", ".join(f"{k} {v}" for k, v in p["by_type"].items())
        out.append(f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" '
                   f'stroke="{type_colour(t)}" stroke-width="{w:.1f}" class="edge">'
                   f'<title>{esc(p["name"])}: {p["n_stories"]} stories ({esc(detail)})</title>'
                   f'</line>')
        right = math.cos(a) >= -1e-9
        nodes.append(_node(x, y, 7, p, anchor="start" if right else "end",
                           dx=11 if right else -11, dy=4, href=href(p["id"])))
    out += nodes
    out.append(_node(cx, cy, 14, centre, anchor="middle", dx=0, dy=-20,
                     href=href(centre["id"])))
    types = sorted({_dominant(p["by_type"]) for p in partners})
    kinds = sorted({kind_group(p.get("kind")) for p in partners} | {kind_group(centre.get("kind"))})
    out += _graph_legends(types, kinds, W, H)
    out.append("</svg>")
    return Markup("".join(out))


def bipartite_svg(rows: list[dict[str, Any]], cols: list[dict[str, Any]],
                  cells: list[dict[str, Any]], *, href: Any, limit: int = 15) -> Markup:
    """States on the left, their foreign partners on the right, one line per pair:
    width = stories, colour = the type most of them have."""
    rows, cols = rows[:limit], cols[:limit]
    keep_r, keep_c = {r["id"] for r in rows}, {c["id"] for c in cols}
    cells = [c for c in cells if c["row"] in keep_r and c["col"] in keep_c]
    if not cells:
        return Markup('<p class="empty">No state shares a story with a foreign partner in '
                      'this period.</p>')
    W = 960
    gap = 26
    H = 70 + gap * max(len(rows), len(cols))
    xl, xr = 250, W - 250
    yr = {r["id"]: 40 + gap * i + gap * (max(len(rows), len(cols)) - len(rows)) / 2
          for i, r in enumerate(rows)}
    yc = {c["id"]: 40 + gap * i + gap * (max(len(rows), len(cols)) - len(cols)) / 2
          for i, c in enumerate(cols)}
    top = max(c["n_stories"] for c in cells)
    names = {e["id"]: e["name"] for e in rows + cols}
    out = [f'<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-label="Partner graph" '
           f'xmlns="http://www.w3.org/2000/svg"><title>Which states share stories with which '
           f'partners</title>',
           f'<text x="{xl}" y="20" class="axt" text-anchor="end">States</text>',
           f'<text x="{xr}" y="20" class="axt">Partners (countries, companies)</text>']
    for c in sorted(cells, key=lambda c: c["n_stories"]):
        t = _dominant(c["by_type"])
        w = 1 + 7 * math.sqrt(c["n_stories"] / top)
        out.append(f'<path d="M{xl + 8} {yr[c["row"]]:.1f} C{W / 2:.0f} {yr[c["row"]]:.1f} '
                   f'{W / 2:.0f} {yc[c["col"]]:.1f} {xr - 8} {yc[c["col"]]:.1f}" fill="none" '
                   f'stroke="{type_colour(t)}" stroke-width="{w:.1f}" class="edge">'
                   f'<title>{esc(names[c["row"]])} – {esc(names[c["col"]])}: '
                   f'{c["n_stories"]} stories</title></path>')
    for r in rows:
        out.append(_node(xl, yr[r["id"]], 6, r, anchor="end", dx=-12, dy=4, href=href(r["id"])))
    for c in cols:
        out.append(_node(xr, yc[c["id"]], 6, c, anchor="start", dx=12, dy=4,
                         href=href(c["id"])))
    types = sorted({_dominant(c["by_type"]) for c in cells})
    kinds = sorted({kind_group(e.get("kind")) for e in rows + cols})
    out += _graph_legends(types, kinds, W, H + 0)
    out.append("</svg>")
    return Markup("".join(out).replace(f'viewBox="0 0 {W} {H}"', f'viewBox="0 0 {W} {H + 10}"',
                                       1))
