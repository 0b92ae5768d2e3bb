"""Entity gate on the Hindi probes (``tests/corpus/probes``): articles written blind to
test Hindi names the KB lacks (officials after titles, companies in other Devanagari
spellings, bodies with head nouns, Japanese, Korean and Arabic names; c77-c80: outlet
credit lines, UP and Rajasthan officialese, compound Punjabi given names; c93-c95: many
people after titles and श्री, Japanese and Korean officials, -वाल and Tamil family names;
c104-c106: many officials the KB lacks from every region, Marathi, Bengali, Tamil, Kannada
and Odia names, Japanese names with doubled vowels, names after श्री and before जी/ने;
c116-c118: a Rajasthan information-department note, a Mumbai agency story and a Telangana
ANI story, with officers after ranks (कर्नल) and secretariat titles, compound and one-word
-reddy family names, व after an anusvara, ee/oo spellings, dated trips and jobs).

They sit apart from ``corpus/articles`` because they were scored before any change was
made for them and their events are still far below the corpus floors (strict events
.53 when they were added): in the main corpus they would have forced every event floor
down.  Only their entities are gated here; the figure only rises."""

from __future__ import annotations

from pathlib import Path

from corpus_scoring import assert_floors, predict, score

from pactwatch.evaluate import evaluate, load_records

PROBES = Path(__file__).parent / "corpus" / "probes"
ENTITIES_FLOOR = 0.96  # c116-c118 added (blind: entities .853, PERSON P .844 R .818,
# events .885, dates .722 of 18, jobs .9 of 10; all Hindi probes .947): .913 (PERSON
# .954) with ranks as honorifics, more officers' titles, name spellings (ee/oo given
# names, Muslim, Marathi, Odia, Telugu, Punjabi and Jat family names), -प्रसाद/-रेड्डी
# endings, व after an anusvara and ढ़ as dh; all Hindi probes .961 (earlier history:)
# c66-c68: .918 when added (blind .731); with c77-c80 (blind .866): .938, then .954;
# with c93-c95 (blind .900): .944, .950 with the -वाल ending; with c104-c106 (blind .803,
# PERSON P .757 R .778 there; all probes .909): .943 with name spellings (PERSON .944), .951
# with family names known as KB places/companies and place nouns ending name lists; .953
# with a short name linked to the person named last before it; .962 with the KB's British
# "Organisation" spelling of JETRO added to the c93/c106 gold (the devset gold lists both);
# .968 with "<KB company> इंडिया" read as its Indian subsidiary; .976 with Gulf spellings of
# Arab names (c68)


def test_quality_hindi_probes_entities() -> None:
    gold, preds, out, misses = score([PROBES / "articles"], PROBES / "gold", "hi")
    assert set(gold) <= set(preds)
    assert_floors(out, misses, ENTITIES_FLOOR)


# c116-c118 alone, events too: the dates and jobs of state press notes and agency stories
# (blind with main 1d0344b: entities .853, strict events .885, dates .722 of 18, jobs .9
# of 10); events .885, jobs 1.0 with "उन्होंने कहा कि विस्तार से …" read as about the
# expansion just told, "संवाद किया" as a meeting on its own weekday and "बैठक के बाद" as
# no second meeting; entities .919 with schemes after titles and a family name after श्री
# read as no company; status 1.0 and dates .778 with a relative clause's own tense
NEW = ("c116_hi.txt", "c117_hi.txt", "c118_hi.txt")
NEW_ENTITIES_FLOOR = 0.91
NEW_EVENTS_FLOOR = 0.88
NEW_JOBS_FLOOR = 1.0


def test_quality_hindi_probes_session23() -> None:
    paths = [PROBES / "articles" / n for n in NEW]
    gold = {d: g for d, g in load_records(PROBES / "gold").items() if d in NEW}
    out, misses = evaluate(gold, predict(paths), "hi")
    assert out["predicted"] == out["articles"] == 3
    assert_floors(out, misses, NEW_ENTITIES_FLOOR, NEW_EVENTS_FLOOR)
    jobs = out["all"]["event_attributes"]["jobs"]["acc"]
    assert jobs + 1e-9 >= NEW_JOBS_FLOOR, "\n".join(m for m in misses if "jobs" in m)
