"""Stories: a trip announced months ahead is one story with the trip made.

State delegations to Japan are prepared over months: an article reports that the chief
minister *will* visit (no date yet), officials travel in between, and the minister's own
visit comes months later.  The announcement and the visit are one trip; the officials' visit in
between is not the minister's.  Invented articles written for these tests.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np

from pactwatch.store import open_store
from pactwatch.store.ingest import Ingestor
from pactwatch.store.stories import (
    PLAN_DAYS,
    StoryIndex,
    link_articles,
    mention_from_record,
    same_entity,
    same_trip,
)

ENTITIES = [
    {"id": "in-state:HR", "name": "Haryana"},
    {"id": "person:nayab-singh-saini", "name": "Nayab Singh Saini"},
    {"id": "jp-pref:19", "name": "Yamanashi Prefecture"},
    {"id": "country:JP", "name": "Japan"},
]


def ev(parts: list[str], text: str, *, place: str | None, date: str | None,
       status: str) -> dict:
    return {"type": "visit", "participants": parts, "place": place, "date": date,
            "status": status, "sectors": [], "jobs": None, "count": None, "amount": None,
            "evidence": [{"start": 0, "end": len(text), "text": text}]}


def rec(doc: str, lang: str, published: str | None, events: list[dict]) -> dict:
    return {"schema": "article/1", "doc": doc, "lang": lang, "published": published,
            "url": f"https://news.example/{doc}", "title": doc,
            "body": " ".join(e["evidence"][0]["text"] for e in events),
            "entities": [{**e, "type": None, "kind": None, "country": None, "titles": [],
                          "mentions": []} for e in ENTITIES],
            "events": events}


PLAN = rec("plan-ja", "ja", "2025-07-30", [ev(
    ["Saini", "Haryana", "Yamanashi Prefecture"],
    "サイニ首相は来年、山梨県を訪れる見通しだ。",
    place="Yamanashi Prefecture", date=None, status="planned")])
OFFICIALS = rec("officials-en", "en", "2025-10-20", [ev(
    ["Haryana", "Japan"], "A team of Haryana officials visited Yamanashi this week.",
    place="Japan", date="2025-10", status="completed")])
VISIT = rec("visit-hi", "hi", "2026-02-25", [ev(
    ["Nayab Singh Saini", "Haryana", "Japan"],
    "मुख्यमंत्री नायब सिंह सैनी का जापान दौरा सफल रहा।",
    place="Japan", date="2026-02", status="completed")])
TOO_EARLY = rec("old-plan-en", "en", "2025-03-01", [ev(
    ["Nayab Singh Saini", "Haryana", "Japan"], "Saini will visit Japan, officials said.",
    place="Japan", date=None, status="planned")])
ALL = [PLAN, OFFICIALS, VISIT, TOO_EARLY]


def mention(r: dict):
    return mention_from_record(r, 0, r["doc"])


def test_store_stories_one_name_of_a_known_office_holder_is_him() -> None:
    assert same_entity("name:saini", "person:nayab-singh-saini")
    assert same_entity("person:nayab-singh-saini", "name:saini")
    assert not same_entity("name:sai", "person:nayab-singh-saini")  # too short
    assert not same_entity("name:saini-ltd", "person:nayab-singh-saini")  # a company
    assert not same_entity("name:kumar", "person:nayab-singh-saini")


def test_store_stories_an_announced_visit_is_the_trip_made_months_later() -> None:
    plan, officials, visit, early = (mention(r) for r in ALL)
    assert same_trip(plan, visit, articles_linked=False)
    assert same_trip(visit, plan, articles_linked=False)
    # the officials' visit names no office holder: not the minister's trip
    assert not same_trip(plan, officials, articles_linked=False)
    assert not same_trip(officials, visit, articles_linked=False)
    # announced longer before than PLAN_DAYS: another trip
    assert (dt_days("2025-03-01", "2026-02-01")) > PLAN_DAYS
    assert not same_trip(early, visit, articles_linked=False)
    # a visit made is no announcement of a later one
    done = mention(rec("done", "en", "2025-07-30", [ev(
        ["Nayab Singh Saini", "Haryana", "Japan"], "Saini visited Japan.", place="Japan",
        date=None, status="completed")]))
    assert not same_trip(done, visit, articles_linked=False)


def dt_days(a: str, b: str) -> int:
    import datetime as dt

    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days


def partition(rows: list[tuple[str, int]]) -> set[frozenset[str]]:
    groups: dict[int, set[str]] = {}
    for doc, sid in rows:
        groups.setdefault(sid, set()).add(doc)
    return {frozenset(g) for g in groups.values()}


def stored(db: str, order: list[dict]) -> set[frozenset[str]]:
    store = open_store(db)
    try:
        ing = Ingestor(store, embedder=None, report=lambda _line: None)
        for r in order:
            assert ing.ingest_record(json.loads(json.dumps(r)), item=r["doc"]) == "stored"
        with store.read() as conn:
            rows = conn.exec_driver_sql(
                "select a.doc, m.story_id from events e join articles a on a.id = "
                "e.article_id join story_members m on m.event_id = e.id").all()
    finally:
        store.close()
    return partition([(d, s) for d, s in rows])


def expected_stories() -> set[frozenset[str]]:
    index = StoryIndex()
    for r in ALL:
        index.add_mentions([mention(r)], [None])
    return partition([(r["doc"], index.story_of(f"{r['doc']}#0")) for r in ALL])


def test_store_stories_the_store_finds_an_announcement_months_back(tmp_path: Path) -> None:
    """Through ingest, in any order: the store's candidate search reaches back far
    enough for a visit to find its announcement (and forward, for the other order)."""
    expected = expected_stories()
    assert frozenset({"plan-ja", "visit-hi"}) in expected
    assert frozenset({"officials-en"}) in expected and frozenset({"old-plan-en"}) in expected
    for seed in range(3):
        order = list(ALL)
        random.Random(seed).shuffle(order)
        assert stored(str(tmp_path / f"p{seed}.db"), order) == expected


def test_store_stories_postgres_finds_an_announcement_months_back(pg_url: str) -> None:
    """The same on PostgreSQL, the visit made first and its announcement last."""
    assert stored(pg_url, [VISIT, OFFICIALS, TOO_EARLY, PLAN]) == expected_stories()


def unit(cos: float) -> tuple[np.ndarray, np.ndarray]:
    """Two unit vectors whose dot product is ``cos``."""
    a = np.zeros(8, dtype=np.float32)
    b = np.zeros(8, dtype=np.float32)
    a[0] = 1.0
    b[0], b[1] = cos, float(np.sqrt(1 - cos * cos))
    return a, b


def trip_report(doc: str, published: str, dest: str, text: str) -> dict:
    r = rec(doc, "en", published, [
        ev(["Nayab Singh Saini", "Haryana", dest], f"Saini is on a visit to {dest}.",
           place=dest, date=published, status="completed")])
    r["events"].append({
        "type": "invitation", "participants": ["Nayab Singh Saini", "Haryana", dest],
        "place": None, "date": None, "status": "announced", "sectors": [], "jobs": None,
        "count": None, "amount": None,
        "evidence": [{"start": 0, "end": len(text), "text": text}]})
    return r


def test_store_stories_two_reports_of_one_trip_share_its_invitation() -> None:
    """The invitation a delegation repeats at every stop is one story per trip: two
    reports of one trip link their invitations on a close evidence text, while two
    reports of trips to different countries do not, however close the texts."""
    va, vb = unit(0.96)
    osaka = trip_report("osaka", "2025-10-06", "Japan",
                        "Saini invited Japanese firms to invest in Haryana.")
    tokyo = trip_report("tokyo", "2025-10-09", "Japan",
                        "Saini invited investors to the Haryana summit.")
    seoul = trip_report("seoul", "2025-10-09", "South Korea",
                        "Saini invited investors to the Haryana summit.")
    ENTITIES.append({"id": "country:KR", "name": "South Korea"})
    try:
        for other, linked in ((tokyo, True), (seoul, False)):
            a = [mention_from_record(osaka, i, "osaka") for i in range(2)]
            b = [mention_from_record(other, i, other["doc"]) for i in range(2)]
            links = link_articles(a, [va, va], b, [vb, vb])
            kinds = {(x.a, x.b): x.kind for x in links}
            assert ((1, 1) in kinds) is linked, (other["doc"], kinds)
            assert ((0, 0) in kinds) is linked
            # the same pair with a distant text stays apart even on one trip
            _, far = unit(-0.2)  # cosine 0.08 with vb
            links = link_articles(a, [va, far], b, [vb, vb])
            assert (1, 1) not in {(x.a, x.b) for x in links}
    finally:
        ENTITIES.pop()


def test_store_stories_an_undated_report_joins_a_trip_on_two_agreeing_happenings() -> None:
    """A report with no date at all (neither published nor event date) joins a trip
    only on specific evidence: its visit (one traveller, one destination) and its
    invitation (close text) agree with a dated report's.  The invitation alone, or a
    visit to another country, is not enough."""
    va, vb = unit(0.96)
    dated = trip_report("dated", "2025-10-06", "Japan",
                        "Saini invited Japanese firms to the Haryana investors' summit.")
    undated = trip_report("undated", "2025-10-06", "Japan",
                          "Saini asked Japanese carmakers to attend the summit.")
    undated["published"] = None
    undated["events"][0]["date"] = None
    a = [mention_from_record(dated, i, "dated") for i in range(2)]
    b = [mention_from_record(undated, i, "undated") for i in range(2)]
    got = {(x.a, x.b): x.kind for x in link_articles(a, [va, va], b, [vb, vb])}
    assert got == {(0, 0): "trip", (1, 1): "context"}
    assert link_articles(a[1:], [va], b[1:], [vb]) == []  # the invitation alone
    # a report placed in time a month later is another trip, whatever its invitation
    later = trip_report("later", "2025-11-06", "Japan",
                        "Saini asked Japanese carmakers to attend the summit.")
    c = [mention_from_record(later, i, "later") for i in range(2)]
    assert link_articles(a, [va, va], c, [vb, vb]) == []
    ENTITIES.append({"id": "country:KR", "name": "South Korea"})
    try:
        seoul = trip_report("seoul", "2025-10-06", "South Korea",
                            "Saini asked Korean carmakers to attend the summit.")
        seoul["published"] = None
        seoul["events"][0]["date"] = None
        c = [mention_from_record(seoul, i, "seoul") for i in range(2)]
        assert link_articles(a, [va, va], c, [vb, vb]) == []
    finally:
        ENTITIES.pop()


def test_store_stories_the_story_page_and_api_show_the_trip(tmp_path: Path) -> None:
    """A story reported on a trip names the trip's visit and its other happenings, in
    ``story_detail`` (the API's story) and on the story page; a story on no trip has
    no trip."""
    from fastapi.testclient import TestClient

    from pactwatch.serve import create_app
    from pactwatch.store import query

    trip = rec("trip-en", "en", "2025-10-06", [
        ev(["Nayab Singh Saini", "Haryana", "Japan"], "Saini began a visit to Japan.",
           place="Japan", date="2025-10-06", status="completed"),
        {**ev(["Haryana", "Nayab Singh Saini"], "Haryana signed an MoU in Tokyo.",
              place=None, date="2025-10-06", status="signed"), "type": "agreement"}])
    alone = rec("alone-en", "en", "2025-03-01", [
        {**ev(["Haryana"], "Haryana announced a new industrial policy.", place=None,
              date="2025-03", status="announced"), "type": "policy"}])
    store = open_store(str(tmp_path / "t.db"))
    ing = Ingestor(store, embedder=None, report=lambda _line: None)
    for r in (trip, alone):
        assert ing.ingest_record(json.loads(json.dumps(r)), item=r["doc"]) == "stored"
    with store.read() as conn:
        sid = {(d, i): s for d, i, s in conn.exec_driver_sql(
            "select a.doc, e.idx, m.story_id from events e join articles a on a.id = "
            "e.article_id join story_members m on m.event_id = e.id")}
        visit, mou, policy = sid["trip-en", 0], sid["trip-en", 1], sid["alone-en", 0]
        detail = query.story_detail(conn, mou)
        assert detail is not None and detail["trip"]["visit"]["story"] == visit
        assert [h["story"] for h in detail["trip"]["happenings"]] == [mou]
        assert query.story_detail(conn, visit)["trip"]["visit"]["story"] == visit
        assert query.story_detail(conn, policy)["trip"] is None
    client = TestClient(create_app(store, token=""))
    page = client.get(f"/stories/{mou}").text
    assert 'id="trip"' in page and f'href="/stories/{visit}"' in page
    assert client.get(f"/api/v1/stories/{mou}").json()["trip"]["visit"]["story"] == visit
    assert 'id="trip"' not in client.get(f"/stories/{policy}").text
    store.close()
