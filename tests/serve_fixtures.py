"""Records the serve tests share: a hostile article and a second report whose figures
disagree.  Written for these tests (no devset text)."""

from __future__ import annotations

import json
from typing import Any

SCRIPT = "<script>window.__pwned = 1; alert('script')</script>"
IMG = "<img src=x onerror=\"window.__pwned = 2; alert('img')\">"
SVG = "\"><svg onload=\"window.__pwned = 3; alert('svg')\">"
JS_URL = "javascript:window.__pwned=4;alert(document.domain)//"
HOSTILE_NAME = "Evil Corp " + SVG


def hostile_record() -> dict[str, Any]:
    """An article whose title, body, URL and a company name carry markup and a
    javascript: URL; its one event joins Gujarat and the hostile company."""
    body = (f"Gujarat said on Monday that Evil Corp will invest in a plant. {SCRIPT} "
            f"The company {IMG} promised 77 jobs. {SVG} Details at {JS_URL}")
    sent = body.split(". ")[0] + "."
    return {
        "schema": "article/1", "doc": "hostile-" + SCRIPT, "lang": "en",
        "published": "2026-06-02", "dateline": None, "relevant": True,
        "title": "Hostile " + SCRIPT + IMG, "url": JS_URL,
        "entities": [
            {"id": "in-state:GJ", "name": "Gujarat", "type": "PLACE", "kind": "state",
             "country": "IN", "titles": [], "mentions": [{"start": 0, "end": 7,
                                                          "text": "Gujarat"}]},
            {"id": "name:evil-corp", "name": HOSTILE_NAME, "type": "ORG", "kind": "company",
             "country": "JP", "titles": [IMG],
             "mentions": [{"start": body.index("Evil Corp"),
                           "end": body.index("Evil Corp") + 9, "text": "Evil Corp"}]},
        ],
        "events": [{"type": "investment", "participants": [HOSTILE_NAME, "Gujarat"],
                    "place": "Gujarat", "date": "2026-06-01", "status": "announced",
                    "sectors": ["automotive"], "amount": None, "jobs": 77, "count": None,
                    "evidence": [{"start": 0, "end": len(sent), "text": sent},
                                 {"start": body.index(SCRIPT), "end": body.index(SCRIPT)
                                  + len(SCRIPT), "text": SCRIPT}]}],
        "figures": [], "body": body,
    }


def jsonl(records: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
