"""Synthetic article records (with bodies) for the store's tests and benchmarks.

Extraction is slow and its output changes as the extractor improves; the store's
behaviour (idempotence, replacement, crash safety, concurrency, PostgreSQL/SQLite
agreement, query speed) is best measured on records whose content is known.  The
generator is deterministic for a seed and writes English, Hindi and Japanese bodies, so
full-text search is exercised in all three scripts.  Several articles from different
outlets report each underlying happening, with figures that sometimes disagree, so
stories gather more than one source.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

STATES = [("in-state:GJ", "Gujarat", "गुजरात"), ("in-state:TN", "Tamil Nadu", "तमिलनाडु"),
          ("in-state:UP", "Uttar Pradesh", "उत्तर प्रदेश"), ("in-state:KA", "Karnataka", "कर्नाटक"),
          ("in-state:HR", "Haryana", "हरियाणा"), ("in-state:MH", "Maharashtra", "महाराष्ट्र")]
STATES_JA = {"in-state:GJ": "グジャラート州", "in-state:TN": "タミル・ナドゥ州",
             "in-state:UP": "ウッタル・プラデシュ州", "in-state:KA": "カルナタカ州",
             "in-state:HR": "ハリヤナ州", "in-state:MH": "マハラシュトラ州"}
COMPANIES = [("co:hoshino-denki", "Hoshino Denki", "होशिनो देन्की", "星野電機"),
             ("co:aoba-motors", "Aoba Motors", "आओबा मोटर्स", "青葉自動車"),
             ("co:kawase-steel", "Kawase Steel", "कावासे स्टील", "川瀬製鉄"),
             ("name:mizuho-textiles", "Mizuho Textiles", "मिज़ुहो टेक्सटाइल्स", "瑞穂繊維"),
             ("name:sakura-batteries", "Sakura Batteries", "सकुरा बैटरीज़", "桜電池"),
             ("co:tanaka-chemicals", "Tanaka Chemicals", "तनाका केमिकल्स", "田中化学")]
SECTORS = ["automotive", "steel", "textiles", "batteries", "chemicals", "electronics"]
OUTLETS = ["dailyledger.example", "indiawire.example", "tokyoeconomy.example",
           "hindisamachar.example", "westcoastnews.example"]
TYPES = ["investment", "agreement", "facility", "meeting"]
STATUS = {"investment": "announced", "agreement": "signed", "facility": "planned",
          "meeting": "completed"}


def _happening(h: int) -> dict[str, Any]:
    state = STATES[h % len(STATES)]
    company = COMPANIES[(h // len(STATES)) % len(COMPANIES)]
    day = dt.date(1960, 1, 1) + dt.timedelta(days=h % 36500)  # one day per happening
    return {"state": state, "company": company, "type": TYPES[h % len(TYPES)],
            "date": day.isoformat(), "sector": SECTORS[h % len(SECTORS)],
            "crore": 100 * (1 + h % 40), "jobs": 50 * (1 + h % 30)}


def _body(lang: str, hp: dict, crore: int, i: int) -> tuple[str, str]:
    sid, s_en, s_hi = hp["state"]
    _, c_en, c_hi, c_ja = hp["company"]
    if lang == "hi":
        title = f"{c_hi} {s_hi} में {crore} करोड़ रुपये का निवेश करेगी"
        body = (f"{s_hi} सरकार ने बताया कि जापानी कंपनी {c_hi} राज्य में {crore} करोड़ रुपये "
                f"का निवेश करेगी। इससे {hp['jobs']} लोगों को रोज़गार मिलेगा। "
                f"मुख्यमंत्री ने कहा कि यह साझेदारी राज्य के उद्योग के लिए अहम है। (लेख {i})")
    elif lang == "ja":
        s_ja = STATES_JA[sid]
        title = f"{c_ja}、インド{s_ja}に{crore}クロールルピー投資"
        body = (f"{c_ja}は、インド{s_ja}政府と協力し、新工場に{crore}クロールルピーを投資すると"
                f"発表した。{hp['jobs']}人の雇用を見込む。日本とインドの経済協力の一環だ。"
                f"（記事{i}）")
    else:
        title = f"{c_en} to invest Rs {crore} crore in {s_en}"
        body = (f"The {s_en} government said on Monday that Japan's {c_en} will invest "
                f"Rs {crore} crore in a new plant, creating {hp['jobs']} jobs. Officials "
                f"called the partnership a milestone for the state's industry. (article {i})")
    return title, body


def synthetic_record(i: int, *, per_story: int = 3, events_per_article: int = 2,
                     seed: int = 0) -> dict[str, Any]:
    """Article ``i``: one of ``per_story`` articles (each from another outlet) that
    report the same ``events_per_article`` happenings."""
    lang = ("en", "hi", "ja")[i % 3]
    outlet = OUTLETS[i % len(OUTLETS)]
    h0 = i // per_story
    hps = [_happening(h0 if k == 0 else 1_000_000 + h0 * 16 + k)
           for k in range(events_per_article)]
    crore = hps[0]["crore"] + (25 if i % per_story == per_story - 1 else 0)  # sources differ
    title, body = _body(lang, hps[0], crore, i)
    entities: dict[str, dict] = {}
    events = []
    for k, hp in enumerate(hps):
        sid, s_en, s_hi = hp["state"]
        cid, c_en, c_hi, c_ja = hp["company"]
        s_local = {"hi": s_hi, "ja": STATES_JA[sid]}.get(lang, s_en)
        c_local = {"hi": c_hi, "ja": c_ja}.get(lang, c_en)
        entities.setdefault(sid, {"id": sid, "name": s_en, "type": "PLACE", "kind": "state",
                                  "country": "IN", "titles": [],
                                  "mentions": [{"start": 0, "end": len(s_local),
                                                "text": s_local}]})
        entities.setdefault(cid, {"id": cid, "name": c_en, "type": "ORG", "kind": "company",
                                  "country": "JP", "titles": [],
                                  "mentions": [{"start": 0, "end": len(c_local),
                                                "text": c_local}]})
        value = (crore if k == 0 else hp["crore"]) * 10_000_000
        events.append({
            "type": hp["type"], "participants": [c_en, s_en], "place": s_en,
            "date": hp["date"], "status": STATUS[hp["type"]], "sectors": [hp["sector"]],
            "amount": {"value": value, "currency": "INR"} if hp["type"] == "investment"
            else None,
            "jobs": hp["jobs"] if hp["type"] in ("investment", "facility") else None,
            "count": None,
            "evidence": [{"start": 0, "end": min(len(body), 120), "text": body[:120]}],
        })
    return {
        "schema": "article/1", "doc": f"synthetic-{i:07d}", "lang": lang,
        "published": hps[0]["date"], "dateline": None, "relevant": True, "title": title,
        "url": f"https://{outlet}/news/{i}", "entities": list(entities.values()),
        "events": events, "figures": [], "body": body,
    }


def synthetic_records(n: int, *, start: int = 0, **kw: Any) -> Iterator[dict[str, Any]]:
    for i in range(start, start + n):
        yield synthetic_record(i, **kw)


def write_jsonl(path: str, n: int, **kw: Any) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for rec in synthetic_records(n, **kw):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
