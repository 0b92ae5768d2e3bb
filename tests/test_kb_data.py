"""Schema and coverage checks for the packaged knowledge-base files.

Why: the jsonl files are generated once and committed; the matcher trusts them at run
time.  These tests catch a bad rebuild or a hand edit that breaks ids, types, aliases or
the coverage the matcher relies on (every state/UT, all 47 prefectures, enough firms).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parent.parent / "src" / "pactwatch" / "kb" / "data"
FILES = [
    "countries.jsonl", "in_places.jsonl", "jp_places.jsonl", "government.jsonl",
    "companies.jsonl", "people.jsonl",
]
REQUIRED = {"id", "name", "type", "kind", "country", "parent", "aliases", "abbr",
            "demonyms", "source"}
ID_PREFIXES = ("country:", "in-state:", "in-city:", "in-district:", "jp-pref:", "jp-city:",
               "gov:", "co:", "person:", "zone:", "world-city:", "venue:")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
DEV = re.compile(r"[\u0900-\u097F]")
JA = re.compile(r"[\u3040-\u30FF\u3400-\u9FFF]")
IN_STATES_UTS = {
    "AN", "AP", "AR", "AS", "BR", "CG", "CH", "DH", "DL", "GA", "GJ", "HP", "HR", "JH",
    "JK", "KA", "KL", "LA", "LD", "MH", "ML", "MN", "MP", "MZ", "NL", "OD", "PB", "PY",
    "RJ", "SK", "TN", "TR", "TS", "UK", "UP", "WB",
}


def _load(name: str) -> list[dict[str, Any]]:
    with open(DATA / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="module")
def kb() -> dict[str, list[dict[str, Any]]]:
    return {name: _load(name) for name in FILES}


def _all(kb: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    return [e for es in kb.values() for e in es]


def test_files_exist_and_small() -> None:
    total = 0
    for name in FILES:
        path = DATA / name
        assert path.exists(), name
        total += path.stat().st_size
    assert total < 15_000_000


def test_required_keys_and_types(kb: dict[str, list[dict[str, Any]]]) -> None:
    for e in _all(kb):
        missing = REQUIRED - e.keys()
        assert not missing, (e.get("id"), missing)
        assert e["type"] in {"PERSON", "ORG", "PLACE"}, e["id"]
        assert e["id"].startswith(ID_PREFIXES), e["id"]
        assert isinstance(e["name"], str) and e["name"].strip(), e["id"]
        assert isinstance(e["kind"], str) and e["kind"], e["id"]
        assert set(e["aliases"]) <= {"en", "hi", "ja"}, e["id"]
        assert set(e["demonyms"]) <= {"en", "hi", "ja"}, e["id"]
        assert isinstance(e["abbr"], list)


def test_ids_unique_across_files(kb: dict[str, list[dict[str, Any]]]) -> None:
    seen: dict[str, str] = {}
    for name, entries in kb.items():
        for e in entries:
            assert e["id"] not in seen, f"{e['id']} in {name} and {seen.get(e['id'])}"
            seen[e["id"]] = name


def test_parents_and_offices_resolve(kb: dict[str, list[dict[str, Any]]]) -> None:
    ids = {e["id"] for e in _all(kb)}
    for e in _all(kb):
        assert e["parent"] is None or e["parent"] in ids, (e["id"], e["parent"])
        for o in e.get("offices", []):
            assert o["of"] is None or o["of"] in ids, (e["id"], o)
            assert o["office"] and o["title"], (e["id"], o)
            for key in ("from", "to"):
                assert o[key] is None or DATE_RE.match(o[key]), (e["id"], o)
            if o["from"] and o["to"]:
                assert o["from"] <= o["to"], (e["id"], o)


def test_aliases_clean(kb: dict[str, list[dict[str, Any]]]) -> None:
    for e in _all(kb):
        for lang, names in [*e["aliases"].items(), *e["demonyms"].items(),
                            ("abbr", e["abbr"])]:
            assert isinstance(names, list), e["id"]
            for a in names:
                assert isinstance(a, str) and a.strip(), (e["id"], lang, a)
                assert a == a.strip(), (e["id"], lang, a)
                assert any(ch.isalpha() for ch in a), (e["id"], lang, a)
                if lang == "en":
                    assert len(a) >= 3, (e["id"], a)
                    assert not DEV.search(a) and not JA.search(a), (e["id"], a)
                elif lang == "hi":
                    assert DEV.search(a), (e["id"], a)
                elif lang == "ja":
                    assert JA.search(a), (e["id"], a)


def test_common_words_not_aliases(kb: dict[str, list[dict[str, Any]]]) -> None:
    bad = {"of", "bus", "nice", "sale", "young", "mango", "mau", "the", "and"}
    for e in _all(kb):
        for a in e["aliases"]["en"]:
            assert a.lower() not in bad, (e["id"], a)


def test_all_states_and_uts_with_hindi(kb: dict[str, list[dict[str, Any]]]) -> None:
    states = {e["id"].split(":")[1]: e for e in kb["in_places.jsonl"]
              if e["id"].startswith("in-state:")}
    assert set(states) == IN_STATES_UTS
    kinds = [e["kind"] for e in states.values()]
    assert kinds.count("state") == 28 and kinds.count("union_territory") == 8
    for code, e in states.items():
        assert e["aliases"]["hi"], code
        assert e["aliases"]["ja"], code


def test_all_prefectures_with_japanese(kb: dict[str, list[dict[str, Any]]]) -> None:
    prefs = {e["id"]: e for e in kb["jp_places.jsonl"] if e["kind"] == "prefecture"}
    assert set(prefs) == {f"jp-pref:{i:02d}" for i in range(1, 48)}
    for pid, e in prefs.items():
        assert e["aliases"]["ja"], pid
        assert e["aliases"]["hi"], pid
    assert "山梨県" in prefs["jp-pref:19"]["aliases"]["ja"]
    assert prefs["jp-pref:19"]["name"] == "Yamanashi Prefecture"
    # "Osaka" alone is the city; the prefecture keeps the plain name as an alias
    assert prefs["jp-pref:27"]["name"] == "Osaka Prefecture"
    assert "Osaka" in prefs["jp-pref:27"]["aliases"]["en"]


def test_company_counts(kb: dict[str, list[dict[str, Any]]]) -> None:
    cos = kb["companies.jsonl"]
    jp = [e for e in cos if e["country"] == "JP"]
    jp_units = [e for e in cos if e["country"] == "IN" and (e["parent"] or "") in
                {x["id"] for x in jp}]
    indian = [e for e in cos if e["country"] == "IN" and e not in jp_units]
    assert len(jp) >= 200
    assert len(indian) >= 100
    by_id = {e["id"]: e for e in cos}
    assert by_id["co:maruti-suzuki"]["parent"] == "co:suzuki-motor"


def test_countries_complete(kb: dict[str, list[dict[str, Any]]]) -> None:
    countries = {e["id"]: e for e in kb["countries.jsonl"]}
    assert len(countries) >= 249
    assert "日本" in countries["country:JP"]["aliases"]["ja"]
    assert "भारत" in countries["country:IN"]["aliases"]["hi"]
    with_demonyms = [e for e in countries.values() if e["demonyms"]["en"]]
    assert len(with_demonyms) >= 60


def test_canonical_modern_names(kb: dict[str, list[dict[str, Any]]]) -> None:
    names = {e["name"] for e in kb["in_places.jsonl"]}
    for n in ("Bengaluru", "Mumbai", "Chennai", "Kolkata", "Gurugram", "Prayagraj",
              "Mysuru", "Kalaburagi", "Tumakuru", "Odisha"):
        assert n in names, n
    for old in ("Bangalore", "Bombay", "Gurgaon", "Tumkur", "Orissa"):
        assert old not in names, old


def test_people_have_offices(kb: dict[str, list[dict[str, Any]]]) -> None:
    people = kb["people.jsonl"]
    assert all(e["type"] == "PERSON" and e.get("offices") for e in people)
    cms = {o["of"] for e in people for o in e["offices"] if o["office"] == "Chief Minister"}
    assert len(cms & {f"in-state:{c}" for c in IN_STATES_UTS}) >= 28


def test_sorted_and_deterministic(kb: dict[str, list[dict[str, Any]]]) -> None:
    for name, entries in kb.items():
        ids = [e["id"] for e in entries]
        assert ids == sorted(ids), name


def test_kb_forums_and_groups_are_not_aliases_of_other_bodies() -> None:
    # a forum, a group or a campaign named in copy is its own entry, not another body's alias
    from pactwatch.kb.loader import load_kb

    kb = load_kb(include_config=False)
    owner: dict[str, str] = {}
    for e in kb.entries.values():
        for _lang, n in e.all_aliases():
            owner.setdefault(n, e.id)
    assert owner["India-Japan Business Leaders Forum"] == "gov:ijblf"
    assert owner["Karnataka Udyog Mitra"] == "gov:kum"
    assert owner["Tata Group"] == "co:tata-group"
    assert owner["Invest Rajasthan"] == "gov:invest-rajasthan"
    assert kb.get("co:tata-sons").parent == "co:tata-group"
