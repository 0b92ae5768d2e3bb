"""Helpers shared by the watch tests: feeds and pages we write, and a fake extractor.

The fake extractor turns our own test sentences ("Aoba Motors will invest 500 crore
rupees in Gujarat ...") into article records without loading language models, so the
polling, storing and alerting logic is tested quickly and deterministically; the real
extractor is exercised by the CLI tests.
"""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape

from pactwatch.read.base import Document

COMPANIES = {"Aoba Motors": ("co:aoba-motors", "JP"), "Kawase Steel": ("co:kawase-steel", "JP"),
             "Sakura Batteries": ("name:sakura-batteries", "JP")}
STATES = {"Gujarat": "in-state:GJ", "Tamil Nadu": "in-state:TN", "Karnataka": "in-state:KA"}


def rss(items: list[dict[str, str]], title: str = "Test wire") -> bytes:
    out = [f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
           f"<title>{escape(title)}</title><link>http://example.test/</link>"
           "<description>test</description><language>en</language>"]
    for it in items:
        out.append("<item>")
        for k in ("title", "link", "guid", "pubDate", "description"):
            if k in it:
                out.append(f"<{k}>{escape(it[k])}</{k}>")
        out.append("</item>")
    out.append("</channel></rss>")
    return "".join(out).encode("utf-8")


def page(title: str, text: str) -> bytes:
    paras = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
    return (f"<!doctype html><html lang='en'><head><title>{escape(title)}</title></head>"
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{escape(title)}</h1>"
            f"{paras}</article><footer>(c) Test wire</footer></body></html>").encode()


def story_text(company: str, state: str, crore: int, outlet: str, extra: str = "") -> str:
    return (f"{company} will invest {crore} crore rupees in {state}, the state government "
            f"said on Tuesday, as part of a semiconductor plant planned for 2025. "
            f"Officials said the project would create jobs in the region. {extra}\n\n"
            f"The announcement was reported by {outlet}. The company has operated in India "
            "for two decades and plans to expand its supplier network.")


_INVEST = re.compile(r"(Aoba Motors|Kawase Steel|Sakura Batteries) will invest (\d+) crore "
                     r"rupees in (Gujarat|Tamil Nadu|Karnataka)")


def fake_extract(docs: list[Document]) -> list[Any]:
    """Records for our test sentences: one investment event per matching sentence."""
    out: list[Any] = []
    for d in docs:
        if "BROKEN" in d.text:
            out.append("E402: extraction failed (a test article)")
            continue
        ents, evs = {}, []
        for m in _INVEST.finditer(d.text):
            company, crore, state = m.group(1), int(m.group(2)), m.group(3)
            cid, country = COMPANIES[company]
            ents[cid] = {"id": cid, "name": company, "type": "ORG", "kind": "company",
                         "country": country, "titles": [],
                         "mentions": [{"start": m.start(1), "end": m.end(1), "text": company}]}
            ents[STATES[state]] = {"id": STATES[state], "name": state, "type": "PLACE",
                                   "kind": "state", "country": "IN", "titles": [],
                                   "mentions": [{"start": m.start(3), "end": m.end(3),
                                                 "text": state}]}
            evs.append({"type": "investment", "participants": [company, state],
                        "place": state, "date": "2025-10-07", "status": "announced",
                        "sectors": ["semiconductors"],
                        "amount": {"value": crore * 10_000_000, "currency": "INR"},
                        "evidence": [{"start": m.start(), "end": m.end(), "text": m.group(0)}]})
        rec = {"doc": d.doc, "lang": d.lang or "en", "published": d.published or "2025-10-07",
               "title": d.title, "url": d.url, "entities": list(ents.values()), "events": evs,
               "figures": []}
        out.append((rec, d.text))
    return out
