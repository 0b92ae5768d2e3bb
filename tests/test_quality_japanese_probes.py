"""Gate on the Japanese probes (``tests/corpus/probes_ja``): four articles written blind
(issue 9, Japanese recall on unseen text) in styles the corpus lacked: an NHK-style report
of a ministers' meeting with several agreements, a Nikkei-style piece on a mid-sized
maker's plant and stake in India, a prefecture's press release on a governor's trip, and a
JETRO-style report listing several companies.  Names the KB lacks: companies of common
nouns, katakana Indian companies, officials after titles, Indian towns in katakana.

They sit apart from ``corpus/articles`` because they were scored before any change was
made for them (entities .853, strict events .615 then) and their events are still below
the corpus floors.  c89-c90 (a prefecture's release on a governor's mission, a JETRO-style
report of a state's seminar in Tokyo) were added later, also blind (strict .727 alone); with
them the folder stood at events .744 before the invitations by other people were split
(.759), .767 once a 商談会 one is invited to was no meeting.
c101-c103 (an NHK-style report of a chamber's mission meeting a state's chief minister, a
Nikkei-style piece on a mid-sized maker's plant in Tamil Nadu, a prefecture's press
release on a state's delegation) were added blind for names the KB lacks and meetings
and policies: entities .953, strict events .786 alone (.920 entities as first written:
Kansai, a region, is no entity in the devset's convention, and JETRO's KB spelling
"Organisation" was added as an alias); the folder then stood at entities .944, events
.787.  After 商議所, an existing scheme being no new policy, triggers inside an
organisation's name and IIT campus names: .950 / .800 (the three alone .977 / .846);
.816 once a travelling group's subject (一行は, 代表団は) brought its members, .832 once a
company officer named by title alone (山本健一社長は) acted for the story's company.
c113-c115 (an NHK-style report of a chief minister's stay in Japan with talks at Keidanren
and a 基本合意, a prefecture's 令和-dated release on its governor's trip, a JETRO-style
report of a cabinet-approved incentive, a MoU and an ambassador's 要請) were added blind
for Japanese events (issue 9): entities .950, strict events .830 alone (P .815 R .846);
the folder then stood at entities .950, events .831.  After a request that others invest
(…よう要請) counting as an invitation, incentives "to attract plants" being no invitation,
last year's inflow being background, "懇談で…" dating what was said at the talks, and a
plant's year to run told a sentence later: .950 / .847 (the three alone .885).
c110-c112 (a prefecture's release on a vice-governor's mission to Telangana, a
Nikkei-style piece on a mid-sized resin maker's plant in Nashik, an NHK-style report of
Yokohama's mayor in Karnataka) were added blind for kanji institutions and places the KB
lacked (a regional federation whose 中国 is no China, national universities, a state
university with no place, an agency's office, metro and transport bodies, RIKEN, CLAIR, a
park named after a KB town): entities .850, strict events .571 alone; the folder then
stood at entities .922, events .784 (with c113-c115: .926 / .810).  After the KB's
public bodies, the school and office rules and the park's town: .951 (the three alone
.952); .953 once named venues are KB places (c113's 経団連会館), .955 with the tech clusters
(c110's ゲノムバレー).
A headline with a date-and-time line under it (NHK's, Nikkei's) read as the title:
events .814 -> .818 (the folder with c110-c115; c113-c115 alone .885 -> .902).
A traveller left out as subject ("…州首相と会談し、覚書に署名しました") bringing the prefecture
or state he governs when his side is not there yet, and a programme with a budget set aside
(支援事業に…を計上) being a policy: .842 (c113-c115 alone .980).
The figures only rise (the events floor fell once, when c110-c112 joined the folder)."""

from __future__ import annotations

from pathlib import Path

from corpus_scoring import assert_floors, score

PROBES = Path(__file__).parent / "corpus" / "probes_ja"
ENTITIES_FLOOR = 0.95  # blind .853; .899 after the context names; .950 with c101-c103;
# .926 with c110-c112 blind (and c113-c115), .951 after the public bodies
EVENTS_FLOOR = 0.84  # blind .615; .708 after the context names, .719 after the chains;
# .800 with c101-c103 after their fixes, .816 with the group subject, .832 officers;
# .831 with c113-c115 blind, .847 after their fixes; .810 with c110-c112 (their events
# blind .571, not yet worked on); .818 with the timestamped title, .842 with the
# traveller's prefecture and the funded programme


def test_quality_japanese_probes() -> None:
    gold, preds, out, misses = score([PROBES / "articles"], PROBES / "gold")
    assert set(gold) <= set(preds)
    assert_floors(out, misses, ENTITIES_FLOOR, EVENTS_FLOOR)
