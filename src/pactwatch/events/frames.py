"""Frames: turn triggers in sentences into events with participants, place, date, status,
sectors, amount, jobs and count, then merge mentions of one happening.

The mechanism is the same for every language: a trigger (from ``data/triggers.yaml``)
opens a frame for its sentence; the linked entities of that sentence fill it by role
(people, the states, countries and companies they act for, the place where it happened);
the other finders (dates, amounts, quantities, sectors, status cues) fill the slots.  When
a sentence names nobody ("The MoU was signed in Osaka"), the article's protagonists fill
the frame: the state or company the story is about and the foreign side it deals with.
Precision before recall: a frame needs an actor from two countries, or a company and a
government, before it becomes an event (ANNOTATION.md: relevant means cross-border).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

import regex

from pactwatch.yamlload import safe_load as yaml_safe_load

from ..kb.loader import KB
from ..link import Linked
from ..normalise import Text
from ..record import Amount, Entity, Event, Figure, Sentence, Span
from .amounts import Money, find_amounts, find_counts, same_sum
from .dates import (
    find_dates,
    modifies_noun,
    names_weekday,
    schedules_other,
    told_as_done,
    trip_edge,
)
from .dating import assign_dates
from .memo import article, per_article
from .places import implied_place, names_venue, settle_places
from .sectors import company_sectors, find_sectors
from .status import sentence_status
from .triggers import Trigger, find_triggers

GOV_KINDS = {"state", "union_territory", "prefecture", "country"}
ZONE_KINDS = {"industrial_zone", "industrial_park", "industrial_township", "industrial_corridor",
              "special_investment_region"}
LOC_KINDS = {"city", "district", "town", "industrial_zone", "industrial_park",
             "industrial_township", "industrial_corridor", "place", "region", "village"}
DEFAULT_STATUS = {
    "visit": "completed", "meeting": "completed", "agreement": "signed",
    "investment": "planned", "invitation": "announced", "policy": "announced",
    "facility": "planned",
}
ALLOWED_STATUS = {
    "visit": {"planned", "intended", "completed", "negated"},
    "meeting": {"planned", "intended", "completed", "negated"},
    "agreement": {"planned", "intended", "signed", "approved", "negated", "announced"},
    "investment": {"planned", "intended", "announced", "completed", "negated", "approved"},
    "invitation": {"planned", "announced", "negated"},
    "policy": {"planned", "announced", "approved", "negated"},
    "facility": {"planned", "announced", "approved", "completed", "operational", "negated"},
}
POLICY_MAKER_KINDS = {"ministry", "government"}
COUNT_UNITS = {"agreement": {"MoUs", "agreements", "companies"}, "meeting": {"companies"},
               "investment": {"companies", "projects"}}
FIGURE_UNITS = {"companies", "people", "acres", "units", "sites", "jobs", "MoUs", "percent",
                "townships", "parks"}


# Company officers' titles in Japanese copy: a person so titled acts for a company
_JA_OFFICERS = frozenset({"社長", "会長", "副社長", "最高経営責任者", "CEO", "専務", "常務",
                          "取締役", "代表取締役社長", "社長兼最高経営責任者", "執行役員"})


@cache
def _frames_data() -> dict:  # type: ignore[type-arg]
    return yaml_safe_load(resources.files("pactwatch.events").joinpath("data/frames.yaml")
                          .read_text("utf-8")) or {}


@cache
def _cues(kind: str, lang: str) -> regex.Pattern[str] | None:
    """A compiled cue pattern from ``data/frames.yaml`` (None when the language has none)."""
    pat = (_frames_data().get(kind) or {}).get(lang)
    if not pat:
        return None
    if lang == "ja":
        return regex.compile(pat)
    b, e = r"(?<![\p{L}\p{M}\p{N}])", r"(?![\p{L}\p{M}\p{N}])"
    return regex.compile(b + pat + e, regex.I if lang == "en" else 0)


@cache
def _anchored(kind: str, lang: str) -> regex.Pattern[str] | None:
    """A context pattern used as is (anchored with ^ or $ by the data)."""
    pat = (_frames_data().get(kind) or {}).get(lang)
    return regex.compile(pat, regex.I) if pat else None


@cache
def _offtopic_rx(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern)


def _market_move(sentence: str, at: int, lang: str) -> bool:
    """Is the percentage at ``at`` a move of shares or an index ("Shares of X rose 2.3%",
    "the benchmark index gained 0.4%")?  A market report's figure, not one that describes
    the partnership (``market_move`` of frames.yaml: a movement word right before the
    number, and shares or an index in the sentence)."""
    pat = _anchored("market_move", lang)
    if pat is None:
        return False
    return pat.search(sentence[max(0, at - 40):at]) is not None and has_cue("market_words", lang, sentence)


@per_article
def has_cue(kind: str, lang: str, text: str) -> bool:
    """Does ``text`` hold a cue of ``kind`` (frames.yaml)?  Kept per article: the frame
    logic asks the same sentence the same question for every frame it fills (16 times
    on English news), and some cue patterns cost a long scan."""
    p = _cues(kind, lang)
    return bool(p and p.search(text))


def _is_jobs(q: object, sentence: str, lang: str) -> bool:
    """A stated count of jobs: "13,000 jobs", people after a hiring verb ("will employ
    about 600 people") or people the text gives work ("3500 से अधिक लोगों के लिए
    नौकरी", "600 people will get jobs")."""
    unit = getattr(q, "unit", None)
    if unit == "jobs":
        return True
    if unit != "people":
        return False
    cue = _anchored("employ_before", lang)
    after = _anchored("employ_after", lang)
    end = getattr(q, "end", 0)
    return bool(cue and cue.search(sentence[: getattr(q, "start", 0)])) or bool(
        after and after.match(sentence[end: end + 60]))


VERB_FINAL = {"hi", "ja"}


_HEADLINE_PARTS = regex.compile(r"\u3000|\s*;\s*|\s+[-–—|]\s+|\s*[：:]\s+")
_DEAL_TYPES = {"agreement", "investment", "facility"}


def _headline_foreign(headline: str, lang: str, typ: str) -> list[tuple[int, int]]:
    """Parts of a headline that tell another story: a headline often joins two
    ("グジャラート州、EV新政策を発表　パナソニックは水素で覚書", "State unveils EV policy;
    Panasonic signs hydrogen MoU"), and one story's sector words are not the other's.  A
    part is another story's when its event words are all of another kind (the deal
    words, agreement, investment and plant, are one kind: "…と覚書　EV部品工場を新設"
    is one deal)."""
    def kind(t: str) -> str:
        return "deal" if t in _DEAL_TYPES else t

    cuts = [0]
    for m in _HEADLINE_PARTS.finditer(headline):
        cuts += [m.start(), m.end()]
    cuts.append(len(headline))
    parts = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]
    if len(parts) < 2:
        return []
    trig = find_triggers(headline, lang)
    out = []
    for a, b in parts:
        kinds = {kind(t.type) for t in trig if a <= t.start < b}
        if kinds and kind(typ) not in kinds:
            out.append((a, b))
    return out


# The words of an envoy's title before the town of the office ("Consul General of Japan
# in Mumbai", "Consulate General of India in Osaka"; English diplomatic usage).
_ENVOY_SEAT = regex.compile(r"\b(?:Consul(?:ate)?[- ]General|Consul|Consulate|Deputy Consul General)"
                            r"(?:\s+of\s+(?:the\s+)?\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?)?\s+(?:in|at)\s+$")


# The words before a body that only hears or sources the news (English wire usage).
_LISTENER = regex.compile(r"\b(?:told|tells|telling|(?:an )?interview (?:with|to)|speaking to|talking to"
                          r"|according to(?: (?:a|an|the) (?:report|statement|survey|study) (?:by|of|from))?)"
                          r"\s+(?:(?:[Aa]|[Aa]n|[Tt]he)\s+)?$")


def _home_in_brackets(ent: Entity, before: str, lang: str) -> bool:
    """"関西熱交工業（大阪府東大阪市）", "カネヨ食品（静岡県焼津市）": a Japanese place in
    brackets right after a name is the company's seat, which Japanese business copy gives
    so on first mention; it is no side of a deal in India and no plant site."""
    return lang == "ja" and ent.country == "JP" and ent.type == "PLACE" \
        and regex.search(r"[\p{Han}\p{Katakana}ーA-Za-z][（(](?:本社[:：・]?)?(?:\p{Han}{1,3}[都道府県])?$",
                         before) is not None


def _dates_differ(a: str | None, b: str | None) -> bool:
    """Do two dates name different months ("2025-11-21" and "2025-12": a second trip
    "next week", not the same one)?  Days of one month may be days of one trip."""
    if not (a and b):
        return False
    a, b = a[:7], b[:7]
    return not (a.startswith(b) or b.startswith(a))


def _bounded(gap: str, lang: str) -> bool:
    """Does ``gap`` cross a clause boundary of the language?"""
    bound = _anchored("clause_boundary", lang)
    return bool(bound is not None and bound.search(gap))


@per_article
def deal_sum(sentence: str, lang: str, trigger: int) -> Money | None:
    """The sum a trigger's own clause states, in a sentence that may list several deals.

    "Toyota will invest Rs 2,000 crore and Suzuki Rs 1,500 crore": each deal takes the
    sum nearest its trigger, and a sum across a clause boundary (";", "while", "और",
    "、また") counts as farther than any in the trigger's own clause.  A sum right after
    another in brackets ("3500億ルピー（約6662億円）") is a conversion, never a sum of its own.
    """
    money = find_amounts(sentence, lang)
    kept: list[Money] = []
    for m in money:
        if kept and regex.fullmatch(r"\s*[(（\[]\s*", sentence[kept[-1].end: m.start]):
            continue
        kept.append(m)
    if not kept:
        return None
    back = _cues("sum_background", lang)
    if len(kept) > 1 and back is not None:
        # "proposals of 3.5 lakh crore so far, and a firm has committed 800 crore": the
        # record so far is no sum of the news
        n = int(_frames_data().get("sum_background_window") or 40)
        fresh = [m for m in kept if not back.search(sentence[max(0, m.start - n): m.end + n])]
        kept = fresh or kept
    if len(kept) == 1:
        return kept[0]
    bound = _anchored("clause_boundary", lang)

    def cost(m: Money) -> tuple[int, int]:
        lo, hi = sorted((trigger, m.start if m.start >= trigger else m.end))
        gap = sentence[lo:hi]
        crossed = len(bound.findall(gap)) if bound is not None else 0
        return crossed, hi - lo

    return min(kept, key=cost)


# Kinds of public bodies whose names hold sector words that say nothing of a deal
_BODY_KINDS = frozenset({"agency", "state_agency", "ministry", "department", "embassy",
                         "consulate", "government"})


@dataclass(slots=True)
class Frame:
    type: str
    sentence: Sentence
    trigger: Span
    strong: bool
    participants: list[str] = field(default_factory=list)  # entity ids
    place: str | None = None
    headline: bool = False  # the frame of the article's title: a summary of the body
    sentence_lang: str = "en"
    date: str | None = None
    # a plant's target ("稼働は2027年の予定", "to start production by 2027"): kept apart
    # from ``date`` while frames merge, then the date of a plant still planned
    target: str | None = None
    status: str | None = None
    sectors: list[str] = field(default_factory=list)
    amount: Amount | None = None
    jobs: int | None = None
    count: int | None = None
    evidence: list[Span] = field(default_factory=list)
    used_quantities: list[tuple[int, int]] = field(default_factory=list)


@lru_cache(maxsize=64)
def _story_kind(body: str, lang: str) -> str | None:
    """``EventExtractor.offtopic`` of one body.  Kept for the last bodies of a batch (64,
    ``Extractor.extract_documents``' default) because the cascade's frame test
    (scale/prefilter.could_frame) asks it of each passing article's normalised body, and
    the extractor the same question of the same body when the batch is extracted; each
    asking reads the whole body once for every kind of story (~0.2 ms on 600 words)."""
    data = _frames_data()
    need = int(data.get("offtopic_min") or 4)
    for kind, by_lang in (data.get("offtopic") or {}).items():
        pat = (by_lang or {}).get(lang)
        if not pat:
            continue
        words = {m.group(0).casefold() for m in _offtopic_rx(pat).finditer(body)}
        if len(words) >= need:
            return str(kind)
    return None


class EventExtractor:
    def __init__(self, kb: KB) -> None:
        self.kb = kb
        self._day: str | None = None  # the publication day of the article being read

    # -------------------------------------------------------------- helpers

    def _country_of(self, ent: Entity) -> str | None:
        if ent.kind == "country":
            e = self.kb.get(ent.id)
            return (e.country if e else None) or ent.country
        return ent.country

    def _office_places(self, ent: Entity) -> list[str]:
        """Ids of the states/countries a KB person acts for (dated offices)."""
        e = self.kb.get(ent.id)
        if not e:
            return []
        # Modi acts for India, no longer for Gujarat, whose Chief Minister he was: the
        # offices held on the publication day, when the KB knows one
        held = [o.of for o in e.offices if o.of and o.covers(self._day)]
        return held or [o.of for o in e.offices if o.of]

    def _kb_place(self, eid: str, linked: Linked) -> Entity | None:
        """The article's entity for a KB place the text implies without naming it; "@kind"
        is the place of that kind the story names most ("県庁で": its prefecture)."""
        if eid.startswith("@"):
            named = [e for e in linked.entities if e.type == "PLACE" and e.kind == eid[1:]
                     and e.id not in linked.demonym_only]
            return max(named, key=lambda e: len(e.mentions)) if named else None
        if eid in linked.by_id:
            return linked.by_id[eid]
        e = self.kb.get(eid)
        if e is None or e.type != "PLACE":
            return None
        ent = Entity(e.id, e.name, e.type, e.kind, e.country)  # type: ignore[arg-type]
        linked.entities.append(ent)
        linked.by_id[ent.id] = ent
        linked.demonym_only.add(ent.id)  # output only if an event uses it
        return ent

    def _country_entity(self, code: str, linked: Linked) -> Entity | None:
        for ent in linked.entities:
            if ent.kind == "country" and self._country_of(ent) == code:
                return ent
        e = self.kb.get(f"country:{code}")
        if e is None:
            return None
        ent = Entity(e.id, e.name, e.type, e.kind, e.country)  # type: ignore[arg-type]
        linked.entities.append(ent)
        linked.by_id[ent.id] = ent
        linked.demonym_only.add(ent.id)
        return ent

    def _protagonists(self, text: Text, linked: Linked) -> dict[str, Entity | None]:
        counts: Counter[str] = Counter()
        for s, _e, eid, _d in linked.spans:
            if not text.in_skip(s, _e):
                counts[eid] += 1
        by = linked.by_id

        def top(pred) -> Entity | None:  # type: ignore[no-untyped-def]
            best = [eid for eid, _ in counts.most_common() if pred(by[eid])]
            return by[best[0]] if best else None

        home = top(lambda e: e.kind in {"state", "union_territory"})
        person = top(lambda e: e.type == "PERSON")
        if home is None and (person is None or not self._office_places(person)):
            # "भुवनेश्वर। राज्य में ...": a story filed from a state's city that names no
            # state is about that state
            dl = self._dateline_entity(text, linked)
            if dl is not None and dl.kind not in GOV_KINDS:
                st = self._state_of(dl, linked)
                if st is not None and st.kind == "state":
                    home = st
        home_country = (home.country if home else None) or (person.country if person else None)
        foreign = top(lambda e: e.kind == "country" and self._country_of(e) != home_country)
        if foreign is None and home_country:
            # a prefecture's press release names its own prefecture, never "Japan": the
            # other side is the most named state or prefecture of another country
            foreign = top(lambda e: e.kind in GOV_KINDS and e.kind != "country"
                          and e.country is not None and e.country != home_country
                          and not self._only_headquarters(e, text))
        company = top(lambda e: e.type == "ORG" and e.kind == "company")
        return {"home": home, "person": person, "foreign": foreign, "company": company}

    # -------------------------------------------------------------- main

    @staticmethod
    def offtopic(text: Text) -> str | None:
        """The kind of story (crime, sport, military) when the article is one, else None:
        such stories borrow the words of partnerships but report none."""
        return _story_kind(text.body, text.lang)

    def _group_members(self, s: Sentence, text: Text, linked: Linked) -> list[Entity]:
        """The people and bodies a travelling group's subject stands for ("一行は23日、…と
        意見交換する", "訪問団は…と面会した"): those named in the first sentences that tell
        the group ("…会頭を団長とする経済ミッション", "代表団には…が加わる"), of its leader's
        country, with the states and prefectures of that country, not its towns.  Japanese drops the names once the group is told."""
        subj = _anchored("group_subject", text.lang)
        if subj is None or not subj.search(s.text):
            return []
        word = regex.compile(str((_frames_data().get("group_words") or {}).get(text.lang) or r"(?!)"))
        found: list[Entity] = []
        told = [prev for prev in text.sentences[:s.index] if word.search(prev.text)]
        for prev in told[:3]:  # where the group was told, and what was said of it next
            for _st, _en, eid, d in sorted(linked.in_range(prev.start, prev.end)):
                e = linked.by_id[eid]
                if not d and e not in found and (e.type in {"PERSON", "ORG"} or (
                        e.type == "PLACE" and e.kind in GOV_KINDS and e.kind != "country")):
                    found.append(e)
        # the group is its leader's side: the first named, "…を団長とする" (the hosts the
        # same sentence names are the other side)
        side = next((c for e in found if e.type != "PLACE"
                     and (c := self._country_of(e) or e.country)), None)
        return [e for e in found if (self._country_of(e) or e.country) in {side, None}]

    @staticmethod
    def _outside_org_names(s: Sentence, trig: list[Trigger], linked: Linked) -> list[Trigger]:
        """Japanese triggers that are not a word of an organisation's name: "政策" of
        日本政策金融公庫 (Japan Finance Corporation), "投資" of インド投資促進庁 name the
        body, not a policy or an investment (Japanese compounds have no spaces to keep the
        word apart).  A desk ("…ジャパンデスク") or a named programme ("生産連動型優遇策"
        PLI) is the policy itself and stays."""
        orgs = [(a - s.start, b - s.start) for a, b, eid, _d in linked.in_range(s.start, s.end)
                if (e := linked.by_id.get(eid)) is not None and e.type == "ORG"
                and e.kind not in {"programme", "platform", "desk"}]
        if not orgs:
            return trig
        return [t for t in trig if t.text.endswith("デスク") or not any(
            a <= t.start and t.end <= b and (b - a) > (t.end - t.start) for a, b in orgs)]

    def extract(self, text: Text, linked: Linked) -> tuple[list[Event], list[Figure], set[str]]:
        with article():  # repeated questions about a sentence are answered once (memo.py)
            return self._extract(text, linked)

    def _extract(self, text: Text, linked: Linked
                 ) -> tuple[list[Event], list[Figure], set[str]]:
        if self.offtopic(text):
            return [], [], set()
        pub = text.published_date
        self._day = text.published
        prot = self._protagonists(text, linked)
        frames: list[Frame] = []
        all_quantities = []
        units = [u for s in text.sentences if not text.in_skip(s.start, s.end)
                 for u in self._deal_clauses(s, text.lang, linked)]
        clauses: dict[int, list[Sentence]] = {}  # a sentence's index -> its clauses
        for u in units:
            clauses.setdefault(u.index, []).append(u)
        for s in units:
            trig = find_triggers(s.text, text.lang)
            if text.lang == "ja":
                trig = self._outside_org_names(s, trig, linked)
            quantities = find_counts(s.text, text.lang)
            if not any(t.type == "investment" for t in trig):
                trig = trig + self._gapped_investment(s, clauses[s.index], text.lang, linked)
            all_quantities.extend((s, q) for q in quantities)
            if not trig:
                continue
            by_type: dict[str, list] = {}
            for t in trig:
                by_type.setdefault(t.type, []).append(t)
            for typ, ts in by_type.items():
                # two triggers of one type in a sentence ("agreement ... was not signed")
                # name the happening as surely as one strong trigger
                strong = any(t.strength == "strong" for t in ts) or (
                    typ in {"agreement", "investment"} and len({t.text for t in ts}) >= 2)
                if (typ == "investment" and not strong and any(
                        t.type == "agreement" and t.strength == "strong" for t in trig)
                        and find_amounts(s.text, text.lang)):
                    # "MoUs for investments of Rs 1,185 crore", "निवेश से जुड़े एमओयू": the
                    # sum the MoUs carry is an investment of its own (ANNOTATION.md)
                    strong = True
                if typ == "policy" and not strong:
                    strong = any(self._adopted(s.text, text.lang, t) for t in ts)
                if typ == "investment" and not any(t.strength == "strong" for t in ts) and any(
                        t.type == "policy" and (t.strength == "strong"
                                                or self._adopted(s.text, text.lang, t))
                        for t in trig):
                    # "approved the programme with an outlay of Rs 76,000 crore": the
                    # government's money is the policy's, no investor's
                    continue
                t0 = self._news_trigger(s.text, text.lang, ts)
                f = Frame(typ, s, Span(s.start + t0.start, s.start + t0.end, t0.text), strong,
                          sentence_lang=text.lang)
                if self._fill(f, text, linked, prot, pub, quantities):
                    frames.append(f)
        frames = self._listed_deals(frames, text.lang, linked)
        # money stated in a sentence that reports both an investment (or the MoUs that
        # carry it) and the plant it pays for is the investment's ("will invest Rs 350
        # billion to build a plant", "MoUs worth Rs 11,000 crore for new factories")
        invest_sents = {f.sentence.start for f in frames
                        if f.type in {"investment", "agreement"} and f.amount}
        for f in frames:
            if f.type == "facility" and f.sentence.start in invest_sents:
                f.amount = None
        # the headline summarises the body: merge it last so the body's details win
        def is_title(f: Frame) -> bool:
            # the title, and the copies of it that scraped pages repeat under it
            return bool(text.title) and f.sentence.text.strip() == text.title.strip()
        for f in frames:
            f.headline = is_title(f)
        frames.sort(key=lambda f: (f.headline, f.sentence.start))
        events_frames = self._rejoin_visits(
            self._split_visits(self._merge(frames, linked), linked), linked)
        for f in events_frames:
            f.evidence.sort(key=lambda e: e.start)
        self._tour_places(events_frames, linked)
        self._share_deal_sums(events_frames, linked)
        self._deal_sites(events_frames, linked)
        self._anaphoric_jobs(text, events_frames, all_quantities)
        self._headline_jobs(text, events_frames, all_quantities, linked)
        self._plant_investments(text, events_frames, linked)
        events_frames = self._plant_money(events_frames, linked)
        self._deal_parties(text, events_frames, linked)
        self._investments_in_states(events_frames, linked)
        self._total_sums(text, events_frames)
        for f in events_frames:
            if f.date and pub and (f.status or DEFAULT_STATUS[f.type]) in {
                    "completed", "signed", "announced", "approved", "operational"} \
                    and f.date[:7] > pub.isoformat()[:7]:
                f.date = None  # merged from a sentence about what is still to come
        # (before the same-day pass: "懇談で…4月から始めると説明した" is the talks' day, not
        # April's)
        # "at the same meeting", "इस अवसर पर", "同日": the day of the event reported last
        # before that sentence
        dated = sorted((e.start, f.date, f.type) for f in events_frames
                       if f.date and len(f.date) == 10 for e in f.evidence)
        for f in events_frames:
            if f.date:
                continue
            for e in f.evidence:
                if not has_cue("same_day", text.lang, e.text):
                    continue
                talks = has_cue("same_meeting", text.lang, e.text)
                before = [d for st, d, typ in dated
                          if st <= e.start and (typ == "meeting" or not talks)]
                if before:
                    f.date = before[-1]
                    break
        # where talks, signings and invitations were held: venues, the journey's cities,
        # the dateline (events/places.py)
        settle_places(text, linked, events_frames, self._country_of, self._ancestors,
                      self._dateline_entity(text, linked))
        for f in events_frames:
            if f.type == "facility" and f.target is None and pub:
                f.target = self._later_target(f, text.lang, pub)
            if f.date is None and f.target and (f.status or DEFAULT_STATUS[f.type]) in {
                    "planned", "intended"}:
                f.date = f.target  # "the plant is to start production in 2027": 2027
        self._company_sectors(events_frames, linked)
        self._share_within_deals(events_frames, linked)
        subsumed = _frames_data().get("sector_subsumed") or {}
        for f in events_frames:
            f.sectors = [x for x in f.sectors
                         if not any(y in f.sectors for y in subsumed.get(x, []))]
        used: set[str] = set()
        events: list[Event] = []
        for f in events_frames:
            names = []
            for eid in f.participants:
                ent = linked.by_id.get(eid)
                if ent and ent.name not in names:
                    names.append(ent.name)
                    used.add(eid)
            place = linked.by_id[f.place].name if f.place and f.place in linked.by_id else None
            if f.place:
                used.add(f.place)
            events.append(Event(
                type=f.type, participants=names, place=place, date=f.date,
                status=f.status or DEFAULT_STATUS[f.type], sectors=f.sectors, amount=f.amount,
                jobs=f.jobs, count=f.count, evidence=f.evidence))
        assign_dates(text, events)  # trip spans, publication month (events/dating.py)
        figures = self._figures(text, all_quantities, events_frames)
        return events, figures, used

    # -------------------------------------------------------------- filling a frame

    def _fill(self, f: Frame, text: Text, linked: Linked, prot: dict[str, Entity | None],
              pub: dt.date | None, quantities: list) -> bool:  # type: ignore[type-arg]
        s = f.sentence
        lang = text.lang
        ents: list[Entity] = []
        dl = text.dateline.span if text.dateline else None
        for st, _en, eid, _dem in sorted(linked.in_range(s.start, s.end)):
            if dl and dl.start <= st < dl.end:
                continue  # "Chandigarh, Oct 7 (PTI)": where the story was filed, not an actor
            ent = linked.by_id[eid]
            if ent not in ents and ent.kind not in {"political_party", "airport", "mountain"}:
                ents.append(ent)
        ents = self._full_persons(ents, linked)
        # "in the presence of Consul General of Japan in Mumbai Koji Yagi": a town named
        # inside an envoy's title is the seat of the office, no side or site of the event
        ents = [e for e in ents if e.type != "PLACE" or e.kind in {"country"} or not all(
            _ENVOY_SEAT.search(text.body, max(0, m.start - 60), m.start)
            for m in e.mentions if s.start <= m.start < s.end)]
        if f.type not in {"meeting", "invitation"}:
            # "its India head told The Economic Times", "according to JETRO": a body the
            # news was told to or is sourced from listens or reports; it does not invest,
            # sign or build (at a meeting or an invitation the listener may be a side)
            ents = [e for e in ents if e.type != "ORG" or not all(
                _LISTENER.search(text.body, max(0, m.start - 40), m.start)
                for m in e.mentions if s.start <= m.start < s.end)]
        # "カネヨ食品（静岡県焼津市）": the company's seat takes no part in what it does
        ents = [e for e in ents if not all(
            _home_in_brackets(e, text.body[max(0, m.start - 12):m.start], lang)
            for m in e.mentions if s.start <= m.start < s.end)]
        persons = [e for e in ents if e.type == "PERSON"]
        orgs = [e for e in ents if e.type == "ORG"]
        govs = [e for e in ents if e.type == "PLACE" and e.kind in GOV_KINDS]
        locs = [e for e in ents if e.type == "PLACE" and e.kind not in GOV_KINDS | {"building"}]
        # the states and countries a person acts for
        acting_for: list[Entity] = []
        for p in persons:
            for of in self._office_places(p):
                ent = linked.by_id.get(of)
                if ent is None:
                    kbe = self.kb.get(of)
                    if kbe and kbe.type == "PLACE":
                        ent = Entity(kbe.id, kbe.name, "PLACE", kbe.kind, kbe.country)
                        linked.entities.append(ent)
                        linked.by_id[ent.id] = ent
                        linked.demonym_only.add(ent.id)
                if ent is not None and ent not in govs and ent not in acting_for:
                    acting_for.append(ent)
        if lang == "ja" and any(
                text.body[max(0, m.start - 3):m.start] == "同社の"
                for p in persons for m in p.mentions if s.start <= m.start < s.end):
            # "同社の小林誠社長は…と面会し": the president acts for the company just told
            comp = self._company_before(s, text, linked)
            if comp is not None and comp not in orgs:
                orgs.append(comp)
                ents.append(comp)
        elif lang == "ja" and f.type in {"meeting", "agreement", "invitation"} and not any(
                o.kind == "company" for o in orgs) and any(
                t in _JA_OFFICERS for p in persons for t in (p.titles or [])):
            # "山本健一社長は20日、…と面談し": a company's officer named by the title
            # alone acts for the company the story is about
            comp = self._company_before(s, text, linked)
            if comp is not None and comp not in orgs:
                orgs.append(comp)
                ents.append(comp)
        typ = f.type
        if has_cue("background", lang, s.text):
            return False
        asset = _anchored("existing_asset", lang) if f.type == "facility" else None
        if asset is not None and asset.search(s.text[:f.trigger.start - s.start]):
            return False  # "Daikin, which has a research centre in Neemrana, ...": a plant it has
        hyp = _anchored("hypothetical", lang)
        if hyp is not None and hyp.search(s.text):
            return False  # "If any firm picks Noida for its factory, ...": supposed, not reported
        if typ == "meeting" and has_cue("meeting_experience", lang, s.text):
            return False  # "I have met many investors in Dubai and Tokyo": a history
        cond = _cues("condition_opener", lang)
        if cond is not None and any(m.start() < f.trigger.start - s.start
                                    for m in cond.finditer(s.text)):
            return False  # "said that if the talks succeed, suppliers could invest": supposed
        q = _anchored("question", lang)
        if q is not None and q.search(s.text):
            return False  # an interviewer's question ("——…どんな優遇制度を設けたのか。") reports nothing
        if typ == "facility" and not has_cue("facility_actions", lang, s.text):
            return False
        if (typ == "facility" or (typ == "investment" and lang == "en")) \
                and not any(o.kind == "company" for o in orgs) and regex.search(
                (_frames_data().get("policy_beneficiary") or {}).get(lang) or r"(?!)", s.text):
            return False  # "companies setting up units will get a subsidy": whom a policy serves
        rel = f.trigger.start - s.start
        if typ in {"facility", "investment"} and any(
                t.type == "invitation" and (t.start < rel or (
                    # Hindi and Japanese put the inviting verb after what is urged:
                    # "निवेश करने के लिए निमंत्रण दिया", "投資を呼びかけた"
                    lang in VERB_FINAL and 0 < t.start - rel <= 100
                    and not _bounded(s.text[rel: t.start], lang)))
                for t in find_triggers(s.text, lang)):
            return False  # "invited companies to set up units" is the invitation, not a plant
        st_cue = sentence_status(s.text, lang, f.trigger.start - s.start)
        if st_cue != "negated" and any(
                t.type == typ and sentence_status(s.text, lang, t.start) == "negated"
                for t in find_triggers(s.text, lang)):
            # "सातवां समझौता ज्ञापन प्रस्तावित था, लेकिन ... हस्ताक्षर नहीं हुआ": another
            # trigger of the same happening carries the negation
            st_cue = "negated"
        if typ == "policy" and not (has_cue("policy_actions", lang, s.text)
                                    or st_cue in {"planned", "approved"}):
            return False
        if typ == "investment":
            money_here = bool(find_amounts(s.text, lang))
            rel = f.trigger.start - s.start
            window = s.text[max(0, rel - 60): rel + 60]
            goal = has_cue("investment_goals", lang, window)
            commit = has_cue("investment_commitments", lang, s.text)
            if not money_here and (goal or not commit):
                return False
        parts: list[Entity] = []
        place: Entity | None = None
        if typ == "policy":
            # the government that acts: a state or country, or one of its ministries
            # ("METI will extend support of 12 billion yen"), with the country it serves
            offices = [o for o in orgs if o.kind in POLICY_MAKER_KINDS]
            # "a scheme for Japanese investors": a country named only by its adjective
            # is whom the policy serves, not a partner that adopts it
            named = [g for g in govs if not all(
                d for st, en, eid, d in linked.in_range(s.start, s.end) if eid == g.id)]
            union = _anchored("union_government", lang)
            if not (named or offices or acting_for) and union is not None and union.search(s.text):
                # "The Union Cabinet approved ...", "केंद्र सरकार": India's government
                india = self._country_entity("IN", linked)
                named = [india] if india is not None else []
            parts = named[:2] + offices[:1] + acting_for[:1] or (
                [prot["home"]] if prot["home"] else [])
            maker = _anchored("policy_maker_after", lang)
            for p in persons if maker is not None else []:
                if any(s.start <= m.start < s.end and maker.match(text.body[m.end: m.end + 200])
                       and m.end <= f.trigger.start + 80 for m in p.mentions) and p not in parts:
                    # "Chief Minister X announced a scheme": he adopts it himself
                    parts.insert(0, p)
                    break
            # "Rs 80 crore sanctioned for a road ... in Pune district": where the measure
            # applies, when the sentence names a town for it
            place = self._event_place(s, [e for e in locs if e.kind not in ZONE_KINDS], lang)
            for o in offices[:1]:
                c = self._country_entity(o.country, linked) if o.country else None
                if c is not None and c not in parts:
                    parts.append(c)
        elif typ == "facility":
            named = [g for g in govs if not all(
                d for st, en, eid, d in linked.in_range(s.start, s.end) if eid == g.id)]
            parts = orgs + named + locs
            sites = [e for e in locs if not self._is_headquarters(e, s, lang)]
            named = [g for g in named if not self._is_headquarters(g, s, lang)]
            parts = [e for e in parts if e in orgs or e in named or e in sites]
            # a named park, zone or township is where a plant goes, before its state
            zones = [e for e in sites if e.kind in ZONE_KINDS]
            place = (zones[0] if zones else None) or self._site_after(s, f.trigger, sites, lang) \
                or self._event_place(s, sites + named, lang) \
                or (sites or [g for g in named if g.kind != "country"] or [None])[0]
        elif typ == "visit":
            if not f.strong:
                return False  # "a delegation" alone is who met, not a journey
            dest = self._destination(s, govs + locs, lang)
            if dest is None:
                code = next((c for w, c in ((_frames_data().get("implied_destination") or {})
                                            .get(lang) or {}).items() if w in s.text), None)
                if code:
                    dest = self._country_entity(code, linked)
            local = ((_frames_data().get("local_destination") or {}).get(lang) or "")
            if lang == "hi" and local and regex.search(local, s.text):
                dest = None  # "जापान से आए": the country named is where they came from
            if dest is None and local and regex.search(local, s.text):
                # "訪問団が来県した": the prefecture whose release this is, the one named most;
                # "जापान से आए प्रतिनिधिमंडल": the Indian state of the story
                home_kind = "state" if lang == "hi" else "prefecture"
                prefs = [e for e in linked.entities if e.kind == home_kind
                         and (lang != "hi" or e.country == "IN")]
                if prefs:
                    dest = max(prefs, key=lambda e: len(e.mentions))
            actors = persons + acting_for + orgs + [g for g in govs if g is not dest]
            if dest is None:
                home_c = {self._country_of(p) or p.country for p in persons + acting_for} - {None}
                if not home_c and prot["home"]:
                    home_c = {prot["home"].country}
                foreign = [g for g in govs if g.kind == "country" and self._country_of(g) not in home_c]
                dest = foreign[0] if foreign and f.strong else None
            if dest is None:
                return False
            dest_c = self._country_of(dest) or dest.country
            visitors = [a for a in actors if (self._country_of(a) or a.country) != dest_c
                        and a.kind not in LOC_KINDS]
            if not visitors:
                visitors = [p for k in ("person", "home", "company")
                            if (p := prot.get(k)) is not None
                            and (self._country_of(p) or p.country) != dest_c]
            if not visitors:
                # "大村知事は…インドを訪れている": a title and a surname; the traveller is
                # the story's most named person from outside the destination, with the
                # state or prefecture they act for
                guest = self._top_person(text, linked, lambda e: bool(
                    self._acts_for_countries(e)) and dest_c not in self._acts_for_countries(e))
                if guest is not None:
                    visitors = [guest] + [linked.by_id[o] for o in self._office_places(guest)
                                          if o in linked.by_id]
            if not visitors:
                return False
            parts = visitors + [dest]
            place = dest
            if dest.kind != "country" and dest_c:
                c = self._country_entity(dest_c, linked)
                if c and c not in parts:
                    parts.append(c)
        else:
            parts = persons + acting_for + govs + orgs
            place = self._event_place(s, locs + [g for g in govs if g.kind == "prefecture"], lang,
                                      held=typ != "investment")
            if place is None and (pid := implied_place(s.text, lang)) is not None:
                place = self._kb_place(pid, linked)  # "都内で": in Tokyo
            if place is None and has_cue("here", lang, s.text):
                place = self._dateline_entity(text, linked) or self._place_before(s, text, linked)
            if typ == "investment" and place is not None and place.kind not in GOV_KINDS \
                    and place not in parts and not self._is_headquarters(place, s, lang) \
                    and (self._country_of(place) or place.country) not in {
                        self._country_of(o) or o.country for o in orgs if o.kind == "company"}:
                # "Suzuki will invest Rs 3,000 crore at Kharkhoda": the site is a party of
                # the investment (ANNOTATION.md: the investor and the destination), and
                # through it the state it lies in
                parts.append(place)
            if place in parts and place is not None and place.kind not in GOV_KINDS \
                    and typ != "investment":
                parts.remove(place)
            elif (place is not None and place in parts and place.kind == "prefecture"
                  and sum(1 for st, _e, eid, _d in linked.in_range(s.start, s.end)
                          if eid == place.id) == 1 and not any(
                      self._office_places(p) and place.id in self._office_places(p)
                      for p in persons)):
                # "talks in Tokyo": the prefecture named as the venue is where, not who;
                # its country takes its seat at the table
                parts.remove(place)
                c = self._country_entity(place.country, linked) if place.country else None
                if c is not None and c not in parts:
                    parts.append(c)
        # "州内で建設中", "同州への投資": the state (prefecture) the story is about, named
        # before and pointed back to; the one the story names most
        back_to = (_frames_data().get("anaphoric_place") or {}).get(lang) or {}
        for kind, pat in back_to.items():
            if typ == "visit" or any(e.kind == kind for e in parts) or not regex.search(pat, s.text):
                continue
            named_kind = [e for e in linked.entities if e.kind == kind and e.type == "PLACE"]
            if named_kind:
                it = max(named_kind, key=lambda e: len(e.mentions))
                parts.append(it)
                if typ == "facility" and place is None:
                    place = it
        if typ in {"meeting", "agreement", "invitation"} or (typ == "visit" and lang == "en"):
            # (an English group's journey: "The delegation, which arrived in Vijayawada,
            # also visited ..." travels for the people and bodies that made it up)
            members = self._group_members(s, text, linked)
            for p in [e for e in members if e.type == "PERSON"]:
                # and the state or country each member acts for
                members += [g for o in self._office_places(p)
                            if (g := linked.by_id.get(o)) is not None and g not in members]
            for e in reversed(members):
                if e not in parts:
                    parts.insert(0, e)
        # protagonists fill what the sentence leaves out
        countries = {self._country_of(e) or e.country for e in parts} - {None}
        # "同社は同日、クールテックに出資すると発表した": the topic pronoun is the actor,
        # whichever other company the sentence names
        topic_pron = lang == "ja" and typ in {"investment", "facility", "agreement"} and bool(
            regex.match(r"\s*(?:[^、。]{0,8}、)?同社(?:は|が)", s.text))
        if typ in {"investment", "facility", "agreement"} and (topic_pron or not any(
                e.type == "ORG" and e.kind == "company" for e in parts)):
            pron = _anchored("company_pronoun", lang)
            back = _anchored("event_anaphor", lang) if typ in {"investment", "facility"} else None
            back_m = back.search(s.text) if back is not None else None
            if (pron is not None and pron.search(s.text)) or (
                    back_m is not None and s.index > 0 and (
                        text.sentences[s.index - 1].paragraph == s.paragraph
                        # "新工場は…": the plant just told, as the topic of a new paragraph
                        or (lang == "ja" and back_m.start() <= 1))):
                # "The plant will cost Rs 500 crore", "投資額は約80億円で": the project
                # just told in this paragraph, and so its company
                one = self._company_before(s, text, linked)
                if one is not None:
                    # "बैठक के बाद कंपनी ने … संयंत्र लगाने": the company just named
                    parts = [e for e in parts if not (e.kind == "country" and e.country == one.country)
                             ] + [one]
                    ents = ents + [one]
        if typ in {"investment", "facility"} and not any(e.type == "ORG" for e in parts):
            named = self._companies_before(s, text, linked)
            if named:
                # "the Japanese companies voiced their intention to invest": the ones
                # just named, in place of their country
                parts = [e for e in parts if not (e.kind == "country" and any(
                    d for st, en, eid, d in linked.in_range(s.start, s.end) if eid == e.id))] + named
        # a plant or an investment whose sentence names both the company and the place
        # is complete: "Maruti Suzuki will set up a plant in Haryana" needs no protagonist
        complete = typ in {"facility", "investment"} and any(e.type == "ORG" for e in parts) \
            and any(e.type == "PLACE" and e.kind != "country" for e in parts)
        if complete:
            # the plant's town lies in a state: "near Chhatrapati Sambhajinagar" is in
            # Maharashtra, whichever protagonist the article has
            home_c = prot["home"].country if prot.get("home") else None
            for e in list(parts):
                if e.type == "PLACE" and e.kind not in GOV_KINDS:
                    st = self._state_of(e, linked)
                    # only in the host country: "Nagoya-headquartered" is no plant site
                    if st is not None and st not in parts and (
                            st.country == home_c if home_c else not self._is_headquarters(e, s, lang)):
                        parts.append(st)
        if typ == "facility" and not f.strong and any(
                e.type == "ORG" and e.kind == "company" for e in parts) and self._built(f, lang):
            # "will set up a battery pack unit at Mandideep", "इकाई बनाएगी", "倉庫を設け":
            # a company building it makes the weak plant word a plant
            f.strong = True
        if not complete and (len(parts) < 2 or len(countries) < 2):
            sides = set(countries)
            for k in ("home", "person", "foreign", "company"):
                p = prot.get(k)
                if p is None or p in parts:
                    continue
                if typ == "policy" and k != "home":
                    continue
                if k == "person" and typ in {"investment", "facility"}:
                    continue
                if k == "company" and typ not in {"investment", "facility", "agreement"}:
                    continue
                if k in {"foreign", "company"} and len(countries) >= 2:
                    continue
                parts.append(p)
                if k == "person" and typ in {"meeting", "agreement", "invitation"} \
                        and (self._country_of(p) or p.country) not in sides:
                    # "（知事は）…州首相と会談し、…覚書に署名しました": the story's traveller,
                    # left out as Japanese leaves a known subject out, signs for the
                    # prefecture or state he governs, as he would if named (not when his
                    # side is already there: "北九州商工会議所と懇談" has its host)
                    for of in self._office_places(p):
                        g = linked.by_id.get(of)
                        if g is not None and g not in parts and g.kind in GOV_KINDS - {"country"}:
                            parts.append(g)
                countries = {self._country_of(e) or e.country for e in parts} - {None}
        if not f.strong and len([p for p in ents if p.type != "PLACE" or p.kind in GOV_KINDS]) == 0:
            return False
        if typ != "policy":
            kinds_ok = len(countries) >= 2 or (
                any(e.type == "ORG" for e in parts) and any(e.kind in GOV_KINDS for e in parts))
            if not kinds_ok:
                return False
        if not parts:
            return False
        f.participants = [e.id for e in parts]
        f.place = place.id if place else None
        f.evidence = [Span(s.start, s.end, s.text)]
        # date
        weekday = False
        # "AMARAVATI, Dec 11 (Reuters) - … signed late on Wednesday": the dateline's day
        # is when the story was filed, not a candidate for the happening's
        dates = [d for d in find_dates(s.text, lang, pub) if d.iso
                 and not (dl and dl.start <= s.start + d.start < dl.end)]
        # "will lead a delegation on May 23 to invite them to the meet to be hosted in
        # January 2024": a date that schedules another happening is that happening's,
        # unless nothing else dates this one ("the talks to be held on Tuesday")
        dates = [d for d in dates if not schedules_other(s.text, d, lang)] or dates
        qualifier = _anchored("dated_qualifier", lang) if typ in {"meeting", "visit", "invitation"} \
            else None
        if qualifier is not None:
            # "exchanged views on the target ... announced in 2022": the year of what the
            # talks were about, not of the talks (the talks then take the story's month)
            dates = [d for d in dates if not qualifier.search(s.text, max(0, d.start - 40), d.start)]
        if typ != "visit":
            # "…, the minister said before ending his Korea tour on Friday": the day a journey
            # ends or begins is the journey's, not the talks' the sentence reports
            journey = any(t.type == "visit" for t in find_triggers(s.text, lang))
            dates = [d for d in dates if not trip_edge(s.text, d, lang, pub, journey)]
        if dates:
            years = [int(d.iso[:4]) for d in dates]
            if pub and all(y < pub.year - 1 for y in years):
                return False  # an earlier happening recalled as background
            bound = _anchored("clause_boundary", lang)
            if pub and bound is not None and len(dates) > 1:
                # "Japan pledged 5 trillion yen in 2022, and the two leaders agreed in
                # August to double it": the years of the trigger's own clause date it
                rel = f.trigger.start - s.start
                cuts = [0] + [m.start() for m in bound.finditer(s.text)] + [len(s.text)]
                lo = max(c for c in cuts if c <= rel)
                hi = min((c for c in cuts if c > rel), default=len(s.text))
                own = [int(d.iso[:4]) for d in dates if lo <= d.start < hi]
                if own and all(y < pub.year - 1 for y in own):
                    return False
            if f.type in {"facility", "investment"} and pub:
                # "to begin operations by March 2029" is a target, not when it happened;
                # for a plant it is when the plant is to be (ANNOTATION.md, Dates rule 1)
                ahead = [d for d in dates if not (d.precision == "day" or d.iso[:7] <= pub.isoformat()[:7])]
                dates = [d for d in dates if d.precision == "day" or d.iso[:7] <= pub.isoformat()[:7]]
                if f.type == "facility" and ahead:
                    f.target = min(ahead, key=lambda d: abs(d.start - (f.trigger.start - s.start))).iso
            if dates:
                # a date in a clause that describes a noun after the trigger is that
                # clause's ("展示会に出展したほか、…3月に…発表した山田精機が")
                at = f.trigger.start - s.start
                dates = [d for d in dates if d.start < at or not modifies_noun(s.text, d, lang)]
            if dates:
                # a year is no date of talks, a signing or a policy: a day or month of the
                # sentence is ("17日、…を2030年まで延長することを閣議決定")
                best = min(dates, key=lambda d: (
                    f.type not in {"facility", "investment"} and d.precision == "year",
                    abs(d.start - (f.trigger.start - s.start))))
                # a plant or investment may be dated by its year alone ("2024年末までに生産
                # を始める", "वर्ष 2025 में निवेश करेगी"): a plan's year is better than none
                if best.precision in {"day", "month"} or (
                        best.precision == "year" and f.type in {"facility", "investment"}):
                    f.date = best.iso
                    weekday = best.relative and best.precision == "day" and names_weekday(
                        best.text, lang) and not told_as_done(s.text, best, lang)
        # status
        st = st_cue
        if st in ALLOWED_STATUS[typ]:
            f.status = st
        if f.date and pub and f.status in {"completed", "signed", "announced", "approved",
                                           "operational"} and f.date[:len(pub.isoformat()[:7])] \
                > pub.isoformat()[:7]:
            f.date = None  # a month still to come is no date of a thing already done
        if (f.date and len(f.date) == 4 and f.status not in {"planned", "intended"}
                and (pub is None or f.date == f"{pub.year:04d}")):
            f.date = None  # done this year: the publication month says more (rule 3)
        if (weekday and f.status in {"planned", "intended"} and pub and f.date
                and f.date < pub.isoformat()):
            # "is scheduled to call on him on Tuesday": the coming Tuesday
            f.date = (dt.date.fromisoformat(f.date) + dt.timedelta(days=7)).isoformat()
        elif st == "signed" and typ in {"visit", "meeting"}:
            f.status = "completed"
        elif st in {"completed", "operational"} and typ == "agreement":
            f.status = "signed"
        # sectors: a journey has none of its own (the deals made on it carry them), and
        # talks in a sentence that reports a deal leave the deal's sectors to the deal
        # ("MoUs in farm machinery and electronics were signed during the meeting")
        deal_here = typ == "meeting" and any(
            t.type in {"agreement", "investment", "facility"} and t.strength == "strong"
            for t in find_triggers(s.text, lang))
        title = bool(text.title) and s.text.strip() == text.title.strip()
        foreign = _headline_foreign(s.text, lang, typ) if title else []
        # a public body's name is no deal's topic: "Odisha Industrial Infrastructure
        # Development Corporation", "Ministry of Electronics and IT" sign and meet on
        # anything (a company's name keeps its words: "Tata Steel" makes steel)
        bodies = [(st - s.start, en - s.start) for st, en, eid, d in linked.in_range(s.start, s.end)
                  if not d and eid in linked.by_id and linked.by_id[eid].kind in _BODY_KINDS]
        for h in (find_sectors(s.text, lang) if typ != "visit" and not deal_here else []):
            if any(a <= h.start < b for a, b in foreign) or any(a <= h.start < b for a, b in bodies):
                continue
            if h.slug not in f.sectors:
                f.sectors.append(h.slug)
        if typ in {"facility", "investment", "agreement"}:
            # "The company makes ...", "The project, meant for electric and
            # hybrid cars, ...": the next sentence tells what the deal is about
            follow = _anchored("company_anaphor", lang)
            about = _anchored("event_anaphor", lang)
            nxt = text.sentences[s.index + 1] if s.index + 1 < len(text.sentences) else None
            told = nxt is not None and nxt.paragraph == s.paragraph and (
                (follow is not None and typ != "agreement" and bool(follow.search(nxt.text)))
                or (about is not None and (m := about.search(nxt.text)) is not None
                    and m.start() <= 2))
            if told and nxt is not None:
                for h in find_sectors(nxt.text, lang):
                    if h.slug not in f.sectors:
                        f.sectors.append(h.slug)
        if typ == "meeting":
            # "The two sides discussed cooperation in food processing and logistics": the
            # sentence after the talks tells their topics (``meeting_topics``), unless it
            # reports a deal of its own, whose sectors are the deal's
            topics = _anchored("meeting_topics", lang)
            nxt = text.sentences[s.index + 1] if s.index + 1 < len(text.sentences) else None
            if topics is not None and nxt is not None and topics.search(nxt.text) and not any(
                    t.type in {"agreement", "investment", "facility"} and t.strength == "strong"
                    for t in find_triggers(nxt.text, lang)):
                for h in find_sectors(nxt.text, lang):
                    if h.slug not in f.sectors:
                        f.sectors.append(h.slug)
        # amount, jobs, count
        if typ in {"agreement", "investment", "facility", "policy"}:
            m = deal_sum(s.text, lang, f.trigger.start - s.start)
            rel = f.trigger.start - s.start
            if m is not None and typ == "policy" and any(
                    (t.type == "agreement" or (t.type == "investment" and t.strength == "strong"))
                    and abs(t.start - m.start) < abs(rel - m.start)
                    for t in find_triggers(s.text, lang)):
                # "notifies chip policy, signs two deals worth Rs 6,300 crore": the sum
                # is the deals', nearer their word than the policy's (a weak money word
                # such as "outlay" stays the programme's)
                m = None
            if m is not None:
                f.amount = Amount(m.value, m.currency)
        for q in quantities:
            if _is_jobs(q, s.text, lang) and typ in {"agreement", "investment", "facility"}:
                f.jobs = int(q.value)
                f.used_quantities.append((s.start + q.start, s.start + q.end))
            elif q.unit in COUNT_UNITS.get(typ, set()):
                if f.count is None or (q.unit in {"MoUs", "agreements"} and typ == "agreement"):
                    f.count = int(q.value)
                    f.used_quantities.append((s.start + q.start, s.start + q.end))
        return True

    @staticmethod
    def _later_target(f: Frame, lang: str, pub: dt.date) -> str | None:
        """The year or month a plant is to run, from a later sentence of its story that
        says so ("デンソーは…工場を新設する。2027年度中の稼働を目指し"): the frame's own
        sentence gave none, and the plant's date is when it is to be, not the day the
        deal that named it was told (ANNOTATION.md, Dates rule 1)."""
        cue = _cues("facility_start", lang)
        if cue is None:
            return None
        for e in f.evidence[1:]:
            if not cue.search(e.text):
                continue
            ahead = [d for d in find_dates(e.text, lang, pub) if d.iso and d.precision != "day"
                     and d.iso[:7] > pub.isoformat()[:7]]
            if len(ahead) == 1:
                return ahead[0].iso
        return None

    @staticmethod
    def _built(f: Frame, lang: str) -> bool:
        """Does a building verb govern the frame's plant word right there (the words
        before it in English, after it in Hindi and Japanese: ``facility_built_*``)?"""
        s, t = f.sentence, f.trigger
        before = _anchored("facility_built_before", lang)
        after = _anchored("facility_built_after", lang)
        rel_s, rel_e = t.start - s.start, t.end - s.start
        return bool(before is not None and before.search(s.text[max(0, rel_s - 120): rel_s])) \
            or bool(after is not None and after.match(s.text[rel_e: rel_e + 40]))

    def _acts_for_countries(self, person: Entity) -> set[str]:
        """The countries a person belongs to: their own, or those of their offices."""
        out = {c for c in [self._country_of(person) or person.country] if c}
        for o in self._office_places(person):
            k = self.kb.get(o)
            if k is not None and k.country:
                out.add(k.country)
        return out

    @staticmethod
    def _top_person(text: Text, linked: Linked, pred) -> Entity | None:  # type: ignore[no-untyped-def]
        """The person the story names most often among those ``pred`` accepts."""
        counts: Counter[str] = Counter(
            eid for s, e, eid, _d in linked.spans
            if not text.in_skip(s, e) and linked.by_id[eid].type == "PERSON")
        for eid, _n in counts.most_common():
            if pred(linked.by_id[eid]):
                return linked.by_id[eid]
        return None

    @staticmethod
    def _full_persons(ents: list[Entity], linked: Linked) -> list[Entity]:
        """"Koji met Pawar": a surname alone is the one person of the article whose full
        name ends with it ("Ajit Pawar"), so the talks it reports keep one cast.  When
        two people share the surname nothing is merged."""
        out: list[Entity] = []
        for e in ents:
            if e.type == "PERSON":
                toks = e.name.casefold().replace(".", " ").split()
                fuller = [x for x in linked.entities if x.type == "PERSON" and x is not e
                          and len(x.name.split()) > len(toks)
                          and x.name.casefold().replace(".", " ").split()[-len(toks):] == toks]
                if len(fuller) == 1:
                    e = fuller[0]
            if e not in out:
                out.append(e)
        return out

    def _place_before(self, s: Sentence, text: Text, linked: Linked) -> Entity | None:
        """"नीमराणा में … कार्यक्रम में भाग लिया। … यहां … एमओयू साइन किए": with no dateline,
        "here" is where the sentence before, in the same paragraph, placed its happening."""
        if s.index == 0:
            return None
        prev = text.sentences[s.index - 1]
        if prev.paragraph != s.paragraph:
            return None
        cands = [linked.by_id[eid] for st, en, eid, dem in sorted(linked.in_range(prev.start, prev.end))
                 if not dem and linked.by_id[eid].type == "PLACE"
                 and linked.by_id[eid].kind in LOC_KINDS | {"prefecture"}]
        return self._event_place(prev, cands, text.lang, held=True)

    @staticmethod
    def _dateline_entity(text: Text, linked: Linked) -> Entity | None:
        dl = text.dateline
        if not dl or not dl.place_span:
            return None
        for st, en, eid, _d in linked.spans:
            if st <= dl.place_span.start < en:
                ent = linked.by_id[eid]
                return ent if ent.type == "PLACE" else None
        return None

    @staticmethod
    def _destination(s: Sentence, cands: list[Entity], lang: str) -> Entity | None:
        """The place a visit goes to: "to Japan", "जापान के दौरे", "インドを訪問"."""
        before, after = _anchored("destination_before", lang), _anchored("destination_after", lang)
        strong = _anchored("destination_strong_before", lang)
        # "his official visit to Osaka" beats "invested ... in Tamil Nadu"
        for tier in ([strong] if strong else []) + [before]:
            for ent in cands:
                for m in ent.mentions:
                    if not (s.start <= m.start < s.end):
                        continue
                    b = s.text[: m.start - s.start]
                    a = s.text[m.end - s.start:]
                    if (tier and tier.search(b)) or (tier is before and after and after.match(a)):
                        return ent
        return None

    @staticmethod
    def _site_after(s: Sentence, trigger: Span, sites: list[Entity], lang: str) -> Entity | None:
        """"In Nagoya, he signed an MoU to enlarge the gearbox plant at Hosur in Krishnagiri
        district": in English the site follows the plant word, so the town
        named next after it (within its phrase) is the site, not the signing's city.
        Japanese names the site before what is built there ("ザヒラバードの工業団地に建設
        し"), and a town placed by another ("ハイデラバードの西約100キロ") is no site."""
        if lang == "ja":
            built = _anchored("site_built_after", lang)
            for ent in sites:
                for m in ent.mentions:
                    if s.start <= m.start < s.end and built is not None \
                            and built.match(s.text[m.end - s.start:]):
                        return ent
            return None
        if lang != "en":
            return None
        best: tuple[int, Entity] | None = None
        for ent in sites:
            for m in ent.mentions:
                gap = m.start - trigger.end
                if s.start <= m.start < s.end and 0 <= gap <= 60 and regex.search(
                        r"(?i)^\s+(?:(?:to )?be )?(?:in|at|near|on the outskirts of|close to)\b",
                        s.text[trigger.end - s.start: m.start - s.start]) \
                        and not regex.search(r"[.;]", s.text[trigger.end - s.start: m.start - s.start]):
                    if best is None or gap < best[0]:
                        best = (gap, ent)
        return best[1] if best else None

    @staticmethod
    def _event_place(s: Sentence, cands: list[Entity], lang: str, held: bool = False) -> Entity | None:
        """Where it happened: a place introduced by "in"/"at", "में", "で".  For talks and
        signings (``held``) a place that is the site of the project the sentence tells
        ("to invest ... in a project in X") is not where they were held."""
        not_venue = _anchored("not_venue_before", lang)
        site_b = _anchored("site_before", lang) if held else None
        site_a = _anchored("site_after", lang) if held else None
        for ent in cands:
            for m in ent.mentions:
                if not (s.start <= m.start < s.end):
                    continue
                before = s.text[: m.start - s.start]
                after = s.text[m.end - s.start:]
                if (site_b is not None and site_b.search(before)) or (
                        site_a is not None and site_a.match(after)):
                    continue
                if lang == "en" and regex.search(
                        r"(?i)(?:\bin|\bat)\s+(?:the\s+)?(?:(?:north|south|east|west|central)"
                        r"(?:ern)?\s+)?$", before):
                    if not_venue is not None and not_venue.search(before):
                        continue  # "issues of Japanese companies in Pune": theirs, not the talks'
                    return ent
                if lang == "hi" and regex.match(r"\s*(?:में|के(?:\s+\S+){1,3}\s+में)", after):
                    return ent
                if lang == "ja" and regex.match(
                        r"(?:市|県|州|都|府)?(?:内|市内|都内|近郊|郊外)?(?:で|において|にて)", after):
                    return ent
                v = regex.match(r"(?:市|県|州|都|府)?(?:内|市内|都内)?の?(?P<v>[^、。はがを]{1,20}?)"
                                r"(?:で|において|にて)", after) if lang == "ja" else None
                if v and names_venue(v.group("v"), lang):
                    return ent  # "東京都内のホテルニューオータニで", "東京事務所で": the venue's city
        return None

    @staticmethod
    def _is_headquarters(ent: Entity, s: Sentence, lang: str) -> bool:
        """"Nagoya-headquartered", "नागोया स्थित कंपनी", "名古屋市に本社": where the company
        is from, not where the plant goes."""
        cue = _anchored("headquarters_after", lang)
        before = _anchored("headquarters_before", lang)
        for m in ent.mentions:
            if not s.start <= m.start < s.end:
                continue
            if _home_in_brackets(ent, s.text[: m.start - s.start], lang):
                return True
            if cue and cue.match(s.text[m.end - s.start:]):
                return True
            if before and before.search(s.text[: m.start - s.start]):
                return True
        return False

    # -------------------------------------------------------------- merging

    def _same(self, f: Frame, g: Frame, linked: Linked) -> bool:
        """Do two frames of one type report the same happening?"""
        if f.type != g.type or (f.date and g.date and f.date != g.date):
            return False
        if (f.status == "negated") != (g.status == "negated"):
            return False  # "a seventh MoU was not signed" is not the six that were
        a, b = set(f.participants), set(g.participants)

        def orgs(ids: set[str]) -> set[str]:
            return {i for i in ids if i in linked.by_id and linked.by_id[i].type == "ORG"}

        if f.type == "visit":
            pf = linked.by_id.get(f.place or "")
            pg = linked.by_id.get(g.place or "")
            places_ok = (pf is None or pg is None or pf is pg
                         or (pf.country is not None and pf.country == pg.country))
            return places_ok and bool(a & b)
        if f.type == "invitation":
            if f.place and g.place and not self._places_agree({f.place}, {g.place}, linked):
                return False  # a call made in Chennai, then one made in Bengaluru
            pa = {i for i in a if i in linked.by_id and linked.by_id[i].type == "PERSON"}
            pb = {i for i in b if i in linked.by_id and linked.by_id[i].type == "PERSON"}
            if pa - pb and pb - pa:
                # Stalin's call to Shizuoka's firms and the governor's invitation to
                # Patil share Shizuoka, but other people make and take them: two calls
                return False
            return bool(a & b)
        if f.type == "policy":
            # a government announces many measures: two policy sentences are one policy
            # only when they are next to each other or the later one points back at it
            # ("the policy", "इस नीति", "同制度"), or they share a sector
            if not (a & b):
                return False
            near = any(abs(e.start - x.end) <= 2 or abs(x.start - e.end) <= 2
                       for e in f.evidence for x in g.evidence)
            also = _anchored("policy_also", f.sentence_lang)
            if near and also is not None and any(also.search(e.text) for e in f.evidence):
                near = False  # "It also amended the labour law": one more measure
            back = _anchored("policy_anaphor", f.sentence_lang)
            told_back = back is not None and any(back.search(e.text) for e in f.evidence)
            shared = bool(set(f.sectors) & set(g.sectors))
            return near or told_back or shared or f.headline or g.headline
        if f.type == "meeting":
            if f.place and g.place and not self._places_agree({f.place}, {g.place}, linked):
                return False  # talks in Dehradun, then talks to come in Tokyo: two meetings
            later = {"planned", "intended"}
            if (f.status in later) != (g.status in later):
                # the talks held and a call still to come on someone not yet met
                plan, held = (a, b) if f.status in later else (b, a)
                new = {i for i in plan - held if i in linked.by_id
                       and linked.by_id[i].type in {"PERSON", "ORG"}}
                if new:
                    return False
            pa = {i for i in a if i in linked.by_id and linked.by_id[i].type == "PERSON"}
            pb = {i for i in b if i in linked.by_id and linked.by_id[i].type == "PERSON"}
            if pa - pb and pb - pa:
                return False  # Saini met Miyaji, then Koga: two meetings
            ca = {i for i in a if i in linked.by_id and linked.by_id[i].kind == "company"}
            cb = {i for i in b if i in linked.by_id and linked.by_id[i].kind == "company"}
            if (ca and not cb and (g.count or 0) > 1) or (cb and not ca and (f.count or 0) > 1):
                return False  # talks with Nidec, then a roundtable of nine companies
            # "Japan" on one side is implied by Aichi or METI on the other
            xa = a | {f"country:{c}" for c in self._countries(a, linked)}
            xb = b | {f"country:{c}" for c in self._countries(b, linked)}
            return a <= b or b <= a or (len(a & b) >= 2 and (a <= xb or b <= xa))
        of, og = orgs(a), orgs(b)
        if of and og and not (of & og) and not (
                f.type in {"facility", "investment"} and self._groups(of) & self._groups(og)):
            return False  # a separately named counterpart is its own agreement
        if f.amount and g.amount and not same_sum(f.amount, g.amount):
            return False  # two sums, two deals ("Rs 1,600 crore" and "$194 million" are one)
        if f.count and g.count and f.count != g.count:
            return False
        # "an MoU with Daicel" and "four MoUs with Seoul-based firms": a named
        # counterpart against several unnamed ones, or counterparts of different countries
        cf = {i for i in of if linked.by_id[i].kind == "company"}
        cg = {i for i in og if linked.by_id[i].kind == "company"}
        if f.type == "agreement" and ((cf and not cg and (g.count or 0) > 1)
                                      or (cg and not cf and (f.count or 0) > 1)):
            return False
        if f.type == "investment" and f.sentence_lang == "ja" and cf and cg and (cf ^ cg) \
                and not (self._groups(cf ^ cg) <= self._groups(cf & cg)) \
                and (st := _anchored("stake", "ja")) is not None \
                and len({bool(st.search(x.sentence.text)) or "出資" in x.sentence.text
                         for x in (f, g)}) == 2:
            # "builds a plant for ¥15bn" and "takes 26% of Cooltech": the company a stake
            # is taken in makes it a deal of its own, not more of the other
            return False
        if f.type == "agreement":
            home = self._home_country(a | b, linked)
            fa, fb = self._countries(a, linked) - {home}, self._countries(b, linked) - {home}
            if home and fa and fb and not (fa & fb):
                return False
        if a <= b or b <= a or len(a & b) >= 2:
            return True
        # "Invest Punjab signed three MoUs" and "Punjab signs MoUs": a state's agency
        # signs for its state
        if len((a | self._agency_states(a)) & (b | self._agency_states(b))) >= 2:
            return True
        # "Japan" on one side is implied by METI or Tokyo on the other
        xa = a | {f"country:{c}" for c in self._countries(a, linked)}
        xb = b | {f"country:{c}" for c in self._countries(b, linked)}
        if a & b and (a <= xb or b <= xa):
            return True
        # "Suzuki will build a plant in India" ... "the new plant in Gujarat, through its
        # subsidiary Maruti Suzuki": one group, places that contain each other
        if f.type in {"facility", "investment"} and of and og:
            if not self._groups(of) & self._groups(og):
                return False
            if self._places_agree(a, b, linked):
                return True
            # "Honda Motorcycle & Scooter India, the local unit of Japan's Honda Motor Co,
            # will invest ..." beside "Honda to invest ... at Gujarat plant": the country a
            # company is from is no site; a frame left with no site then names none
            sites = {x for i in a | b if i in linked.by_id and linked.by_id[i].type == "PLACE"
                     and linked.by_id[i].kind != "country" for x in [linked.by_id[i].country] if x}
            homes = {linked.by_id[i].country for i in of | og
                     if linked.by_id[i].kind == "company" and linked.by_id[i].country} - sites

            def bare(ids: set[str]) -> bool:
                ps = [linked.by_id[i] for i in ids if i in linked.by_id
                      and linked.by_id[i].type == "PLACE"]
                return bool(ps) and all(p.kind == "country" and p.country in homes for p in ps)

            return bare(a) or bare(b)
        return False

    @staticmethod
    def _only_headquarters(ent: Entity, text: Text) -> bool:
        """Is every mention of ``ent`` a company's seat ("スズキ（本社：静岡県浜松市）",
        "Nagoya-headquartered")?  Such a place is where a company is from, not a side."""
        after = _anchored("headquarters_after", text.lang)
        before = _anchored("headquarters_before", text.lang)
        if not ent.mentions:
            return False
        for m in ent.mentions:
            a = text.body[m.end: m.end + 40]
            b = text.body[max(0, m.start - 40): m.start]
            if _home_in_brackets(ent, b, text.lang):
                continue
            if not ((after and after.match(a)) or (before and before.search(b))):
                return False
        return True

    @staticmethod
    def _deal_clauses(s: Sentence, lang: str, linked: Linked) -> list[Sentence]:
        """"Toyota Tsusho will invest Rs 1,500 crore in a park, while Daikin will put in
        Rs 900 crore for a plant": one sentence, two deals.  A sentence is cut at its
        clause boundaries when at least two clauses each name a company and a deal of
        their own (a sum, an investment or a plant); each clause is then read as a
        sentence, so every deal keeps its own investor, sum and site.  Any other
        sentence is read whole."""
        bound = _anchored("clause_boundary", lang)
        if bound is None:
            return [s]
        found = [m.start() for m in bound.finditer(s.text) if m.start() > 0]
        conj = _anchored("company_conjunction", lang)
        if conj is not None:
            # "… at Kharkhoda and Honda's Rs 2,000 crore …": a conjunction right before
            # a company opens its deal
            gap = _anchored("company_sum_gap", lang)
            starts = {x.start for x in find_amounts(s.text, lang)}
            for st, en, eid, d in linked.in_range(s.start, s.end):
                if d or linked.by_id[eid].kind != "company" or st <= s.start:
                    continue
                g = gap.match(s.text, en - s.start) if gap is not None else None
                if g is not None and g.end() in starts:
                    continue  # "Toyota Tsusho (Rs 1,200 crore) and Daikin (Rs 800 crore)": a list
                m = conj.search(s.text[max(0, st - s.start - 40): st - s.start])
                if m is not None:
                    at = max(0, st - s.start - 40) + m.start()
                    if at > 0:
                        found.append(at)
        contrast = _anchored("contrast_boundary", lang)
        if contrast is not None and contrast.search(s.text):
            # "a delegation from Hyundai Steel visited Gujarat and met its Chief Minister,
            # while Vietnam signed a deal with a Japanese consortium": two happenings set
            # side by side, each with its own sides; read apart when each clause has a
            # trigger and a name of its own (the parties of one do not join the other)
            ccuts = [0] + [m.start() for m in contrast.finditer(s.text) if m.start() > 0] \
                + [len(s.text)]
            cparts = list(zip(ccuts, ccuts[1:], strict=False))
            if len(cparts) >= 2 and all(
                    find_triggers(s.text[a:b], lang) and linked.in_range(s.start + a, s.start + b)
                    for a, b in cparts):
                return [Sentence(s.start + a, s.start + b, s.text[a:b], index=s.index,
                                 paragraph=s.paragraph) for a, b in cparts]
        cuts = [0] + sorted(set(found)) + [len(s.text)]
        if len(cuts) < 3:
            return [s]
        pieces = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if s.text[a:b].strip()]

        def deal(a: int, b: int) -> bool:
            part = s.text[a:b]
            has_company = any(linked.by_id[eid].kind == "company" and not d
                              for _st, _en, eid, d in linked.in_range(s.start + a, s.start + b))
            has_deal = bool(find_amounts(part, lang)) or any(
                t.type in {"investment", "facility"} for t in find_triggers(part, lang))
            return has_company and has_deal

        if sum(1 for a, b in pieces if deal(a, b)) < 2:
            return [s]
        # a clause without a deal of its own ("Under the agreements,") stays with the next
        out: list[Sentence] = []
        start = pieces[0][0]
        for a, b in pieces:
            if deal(a, b) or b == pieces[-1][1]:
                out.append(Sentence(s.start + start, s.start + b, s.text[start:b],
                                    index=s.index, paragraph=s.paragraph))
                start = b
        return out

    @staticmethod
    def _gapped_investment(u: Sentence, clauses: list[Sentence], lang: str,
                           linked: Linked) -> list[Trigger]:
        """"デンソーは約300億円、アイシンは約200億円をそれぞれ投じ", "सुजुकी खरखौदा में 3,000
        करोड़ रुपये और होंडा … का निवेश करेगी": a clause cut from a sentence of several
        deals that names a company and a sum but no verb shares the investing verb of
        a sibling clause; its sum stands for the investment (a trigger at the sum).
        ``clauses``: the clauses of ``u``'s sentence, ``u`` among them."""
        siblings = [v for v in clauses if v.start != u.start]
        if not siblings or not any(
                t.type == "investment" and t.strength == "strong"
                for v in siblings for t in find_triggers(v.text, lang)):
            return []
        if not any(linked.by_id[eid].kind == "company" and not d
                   for _st, _en, eid, d in linked.in_range(u.start, u.end)):
            return []
        money = find_amounts(u.text, lang)
        if len(money) != 1:
            return []
        m = money[0]
        return [Trigger(m.start, m.end, "investment", u.text[m.start:m.end], "strong")]

    @staticmethod
    def _is_country(eid: str | None, linked: Linked) -> bool:
        ent = linked.by_id.get(eid or "")
        return ent is not None and ent.kind == "country"

    def _journey_to(self, f: Frame, country: Entity) -> bool:
        """Does the visit's own wording name ``country`` as where it went ("visit to
        Japan", "जापान के दौरे", "インドを訪問", "訪日")?  "Ambassador to India" does not."""
        lang = f.sentence_lang
        implied = (_frames_data().get("implied_destination") or {}).get(lang) or {}
        strong = _anchored("destination_strong_before", lang)
        for e in f.evidence:
            if any(w in e.text and c == country.country for w, c in implied.items()):
                return True
            sent = Sentence(e.start, e.end, e.text)
            if lang == "en":
                for m in country.mentions:
                    if e.start <= m.start < e.end and strong is not None and strong.search(
                            e.text[: m.start - e.start]):
                        return True
            elif self._destination(sent, [country], lang) is not None:
                return True
        return False

    def _tour_places(self, frames: list[Frame], linked: Linked) -> None:
        """A journey that takes in several places of one country ("went to Tokyo, Osaka and
        other cities", "大阪府、愛媛県、広島県を訪問") took place in that country: the place of
        the visit is the country, not whichever city a sentence named last."""
        for f in frames:
            if f.type != "visit" or f.place not in linked.by_id:
                continue
            here = linked.by_id[f.place]
            code = self._country_of(here) or here.country
            if not code or here.kind == "country":
                continue
            named: list[Entity] = []
            for e in f.evidence:
                for _st, _en, eid, dem in linked.in_range(e.start, e.end):
                    ent = linked.by_id.get(eid)
                    if (ent is None or dem or ent.type != "PLACE" or ent.kind == "country"
                            or ent.kind not in LOC_KINDS | GOV_KINDS
                            or (self._country_of(ent) or ent.country) != code):
                        continue
                    if all(x.id != ent.id for x in named):
                        named.append(ent)
            # a town and the state it lies in are one stop
            stops = [x for x in named if not any(
                y is not x and y.id in self._ancestors(x.id)[1:] for y in named)]
            stops = [x for x in stops if not any(
                y is not x and x.id in self._ancestors(y.id)[1:] for y in named)]
            c = self._country_entity(code, linked)
            if len(stops) >= 2 and c is not None and self._journey_to(f, c):
                f.place = c.id

    def _deal_sites(self, frames: list[Frame], linked: Linked) -> None:
        """"ミナト電装は…マネサールに新工場を建設…投資額は約80億円": a company's investment
        that names no place is made where its one plant of the story goes."""
        def company(f: Frame) -> str | None:
            groups = {self._ancestors(i)[-1] for i in f.participants
                      if (k := linked.by_id.get(i)) is not None and k.kind == "company"}
            return next(iter(groups)) if len(groups) == 1 else None

        plants: dict[str, list[Frame]] = {}
        for f in frames:
            if f.type == "facility" and f.place and (c := company(f)):
                plants.setdefault(c, []).append(f)
        for f in frames:
            if f.type != "investment" or f.place or not (c := company(f)):
                continue
            sites = plants.get(c, [])
            if len(sites) == 1 and sites[0].place in linked.by_id \
                    and linked.by_id[sites[0].place].kind != "country":
                f.place = sites[0].place

    def _share_deal_sums(self, frames: list[Frame], linked: Linked) -> None:
        """"signed an MoU with the state ... the project will cost Rs 3,500 crore": the MoU is
        the instrument of that investment, so its sum is the MoU's too (ANNOTATION.md,
        Amounts).  Only one to one: one agreement without a sum, one investment with a
        sum, the same investor at both tables; with several deals in the story nothing
        is guessed."""
        def investors(f: Frame) -> set[str]:
            out = set()
            for i in f.participants:
                e = linked.by_id.get(i)
                if e is not None and (e.type == "ORG" and e.kind == "company"):
                    out.add(self._ancestors(i)[-1])
            return out

        def foreign(f: Frame) -> set[str]:
            home = self._home_country(set(f.participants), linked)
            return {c for c in self._countries(set(f.participants), linked) if c != home}

        def _says_what_for(a: Frame) -> bool:
            """An MoU says what it is for: it names an investment or a plant, or points
            back at the one just told ("इसके लिए समझौता ज्ञापन", "an MoU to this effect")."""
            return any(t.type in {"investment", "facility"}
                       for e in a.evidence for t in find_triggers(e.text, a.sentence_lang)) or any(
                has_cue("agreement_for_it", a.sentence_lang, e.text) for e in a.evidence)

        agreements = [f for f in frames if f.type == "agreement" and f.status != "negated"]
        investments = [f for f in frames if f.type == "investment" and f.status != "negated"]
        if len(agreements) > 1:
            # several deals: an MoU with one company and the one investment of that
            # company with a sum are one deal ("the third MoU, with Kubota" ... "Kubota
            # will invest Rs 1,400 crore"); anything less certain is left alone
            for a in agreements:
                ia = investors(a)
                if a.amount is not None or len(ia) != 1 or not _says_what_for(a):
                    continue  # the MoU must say what it is for, as below
                mine = [g for g in investments if investors(g) == ia]
                if len(mine) == 1 and mine[0].amount is not None and not any(
                        investors(b) == ia for b in agreements if b is not a):
                    a.amount = mine[0].amount
            return
        if len(agreements) != 1 or agreements[0].amount is not None:
            return
        a = agreements[0]
        sums = [g for g in investments if g.amount is not None]
        if len(sums) != 1 or len(investments) != 1:
            return
        g = sums[0]
        # the MoU must say what it is for: an investment or the plant it pays for
        if not _says_what_for(a):
            return
        ia, ig = investors(a), investors(g)
        same = bool(ia & ig) if (ia or ig) else bool(foreign(a) & foreign(g))
        if same and (a.count is None or g.count is None or a.count == g.count):
            a.amount = g.amount

    def _share_within_deals(self, frames: list[Frame], linked: Linked) -> None:
        """The MoU and the investment of one company's deal are one deal told twice: the
        jobs stated for one ("the project is expected to create 16,000 jobs") are the
        deal's.  A deal is the agreements, investments and plants with the same company
        (its group); with two sums or two job counts among them nothing is shared, as
        they may be two deals.  The plant is the deal's too ("新工場を建設する計画 …
        投資額は約80億円で、雇用2000人を見込む": the jobs the investment's sentence gives
        are the new plant's; "新工場の稼働を開始した。投資額は約200億円で、約1,000人を
        雇用する": the plant just opened employs them).  Sectors are not shared: measured
        on the devset, sharing them across a deal's events lowered sector precision more
        than it found."""
        def companies(f: Frame) -> set[str]:
            return {self._ancestors(i)[-1] for i in f.participants
                    if (e := linked.by_id.get(i)) is not None and e.kind == "company"}

        deals = [f for f in frames if f.type in {"agreement", "investment", "facility"}
                 and f.status != "negated"]
        for f in deals:
            mine = companies(f)
            if not mine or f.jobs is not None:
                continue
            group = [g for g in deals if companies(g) & mine]
            if len({(g.amount.value, g.amount.currency) for g in group if g.amount}) > 1:
                continue
            jobs = {g.jobs for g in group if g.jobs is not None}
            if len(jobs) == 1:
                f.jobs = jobs.pop()

    @staticmethod
    def _listed_deals(frames: list[Frame], lang: str, linked: Linked) -> list[Frame]:
        """"MoUs with Denso (Rs 1,200 crore), Daikin (Rs 600 crore) and Yamaha (Rs 800
        crore)": a list of companies, each with its own sum, is one deal per company,
        each with its sum (ANNOTATION.md: in articles listing several deals with sums,
        each sum on its own deal).  A sum of the sentence that no company claims ("MoUs
        worth Rs 2,600 crore with ...") is the total and stays on the MoUs as one act."""
        gap = _anchored("company_sum_gap", lang)
        rgap = _anchored("sum_company_gap", lang)
        if gap is None:
            return frames
        out: list[Frame] = []
        for f in frames:
            if f.type not in {"agreement", "investment"}:
                out.append(f)
                continue
            s = f.sentence
            money = find_amounts(s.text, lang)
            pairs: list[tuple[str, Money]] = []
            taken: set[int] = set()
            for cst, en, eid, dem in sorted(linked.in_range(s.start, s.end)):
                ent = linked.by_id[eid]
                if dem or ent.kind != "company" or any(p == eid for p, _m in pairs):
                    continue
                m = gap.match(s.text, en - s.start)
                hit = None if m is None else next(
                    (x for x in money if x.start == m.end() and x.start not in taken), None)
                if hit is None and rgap is not None:
                    # "Rs 1,500 crore from Denso": the sum just before, joined by from/by
                    hit = next((x for x in money if x.start not in taken and x.end <= cst - s.start
                                and rgap.fullmatch(s.text[x.end: cst - s.start]) is not None), None)
                if hit is not None:
                    taken.add(hit.start)
                    pairs.append((eid, hit))
            if len(pairs) < 2:
                out.append(f)
                continue
            listed = {eid for eid, _m in pairs}
            rest = [p for p in f.participants if p not in listed]
            for eid, m in pairs:
                out.append(Frame(f.type, s, f.trigger, f.strong, rest + [eid], f.place,
                                 sentence_lang=f.sentence_lang, date=f.date, status=f.status,
                                 sectors=list(f.sectors), amount=Amount(m.value, m.currency),
                                 evidence=list(f.evidence)))
            total = [x for x in money if x.start not in taken]
            if total:
                f.amount = Amount(total[0].value, total[0].currency)
                out.append(f)
        return out

    @staticmethod
    def _news_trigger(sentence: str, lang: str, ts: list[Trigger]) -> Trigger:
        """Of several triggers of one type, the one that reports the news: "Suzuki, which
        has already invested Rs 18,000 crore, will invest another Rs 3,200 crore" is the
        second; the first tells the record so far.  The frame's sum and status are read
        at this trigger."""
        if len(ts) < 2:
            return ts[0]
        pat = _cues("sum_background", lang)
        if pat is None:
            return ts[0]
        n = int(_frames_data().get("sum_background_window") or 40)
        fresh = [t for t in ts if not pat.search(sentence[max(0, t.start - n): t.end + n])]
        return fresh[0] if fresh else ts[0]

    @staticmethod
    def _adopted(sentence: str, lang: str, t: Trigger) -> bool:
        """Is the scheme word ``t`` adopted right there ("launched a new incentive
        scheme", "योजना की घोषणा की", "補助金制度を創設")?  Then it is a policy event
        however weak the word is alone.  English puts the verb before the scheme, Hindi
        and Japanese after it."""
        pat = _cues("policy_adoption", lang)
        if pat is None:
            return False
        n = int(_frames_data().get("policy_adoption_window") or 60)
        if lang in VERB_FINAL:
            return bool(pat.search(sentence[t.end: t.end + n]))
        return bool(pat.search(sentence[max(0, t.start - n): t.start]))

    @staticmethod
    def _company_sectors(frames: list[Frame], linked: Linked) -> None:
        """A deal is also in the sectors of what its companies make: "Suzuki will invest
        350 billion rupees" is an automotive deal (company_sectors.json).  Only deals:
        talks and invitations with a company range over anything (measured: adding them
        lowered sector precision on the devset)."""
        for f in frames:
            if f.type not in {"agreement", "investment", "facility"}:
                continue
            for eid in f.participants:
                ent = linked.by_id.get(eid)
                if ent is None or ent.kind != "company":
                    continue
                for slug in company_sectors(eid):
                    if slug not in f.sectors:
                        f.sectors.append(slug)

    def _plant_investments(self, text: Text, frames: list[Frame], linked: Linked) -> None:
        """"村田製作所は11月27日、…新工場の稼働を開始した。投資額は約200億円で…", "Denso
        will build a plant at Sanand. The plant will need an investment of Rs 900 crore":
        an investment told in a sentence that points back at the plant reported in the
        sentence right before (``event_anaphor``), by the same company, is that plant's:
        it takes the plant's day when it has none, and is made (completed) when the plant
        already runs and its own sentence tells no status."""
        cue = _anchored("event_anaphor", text.lang)
        if cue is None:
            return
        starts = [x.start for x in text.sentences]

        def companies(f: Frame) -> set[str]:
            return {self._ancestors(i)[-1] for i in f.participants
                    if (e := linked.by_id.get(i)) is not None and e.kind == "company"}

        for f in frames:
            if f.type != "investment" or not f.evidence or f.status == "negated":
                continue
            plants = []
            for e in f.evidence:
                i = bisect_right(starts, e.start) - 1
                if i < 1 or starts[i] != e.start or not cue.search(e.text):
                    continue
                prev = text.sentences[i - 1]
                plants += [g for g in frames if g.type == "facility" and g not in plants
                           and companies(g) & companies(f)
                           and any(x.start == prev.start for x in g.evidence)
                           and all(x.start != e.start for x in g.evidence)]
            if len(plants) != 1:
                continue
            plant = plants[0]
            if f.date is None and plant.date:
                f.date = plant.date
            if f.status is None and plant.status == "operational":
                f.status = "completed"

    def _deal_parties(self, text: Text, frames: list[Frame], linked: Linked) -> None:
        """"Three Japanese companies signed MoUs …  Daikin will invest …  Panasonic will
        set up …", "तीन कंपनियों के साथ समझौता ज्ञापनों पर हस्ताक्षर किए। जेएफई स्टील …",
        "日系企業3社が…覚書を締結した。NTTデータは…": MoUs counted with companies left
        unnamed, then told deal by deal in the sentences right after, are signed by the
        companies of those deals (ANNOTATION.md: the signing parties).  Taken only when
        the next deals name exactly as many companies as the MoUs count, so a story that
        goes on to other news lends none."""
        starts = [x.start for x in text.sentences]

        def companies(f: Frame) -> list[str]:
            return [i for i in f.participants
                    if (e := linked.by_id.get(i)) is not None and e.kind == "company"]

        for f in frames:
            if f.type != "agreement" or not f.count or f.count < 2 or f.headline \
                    or f.status == "negated" or companies(f) or not f.evidence:
                continue
            for ev in f.evidence:
                i = bisect_right(starts, ev.start) - 1
                found: list[str] = []
                for s in text.sentences[i + 1: i + 1 + f.count + 1]:
                    deals = [g for g in frames if g.type in {"investment", "facility"}
                             and any(e.start == s.start for e in g.evidence)]
                    if not deals:
                        break  # the run of deals ends where a sentence tells none
                    for g in deals:
                        for c in companies(g):
                            if c not in found:
                                found.append(c)
                if len(found) == f.count:
                    f.participants += found
                    break

    def _plant_money(self, frames: list[Frame], linked: Linked) -> list[Frame]:
        """"will set up a Rs 900 crore unit at X", "X में 1,300 करोड़ रुपये से इकाई
        बनाएगी", "約150億円で物流倉庫を設け": a company's money for a plant it is still to
        build is its investment (ANNOTATION.md: a sum goes on the events the text ties it
        to, never on the facility event).  The plant keeps its site and jobs; an investment
        event of the same company, site, sum, jobs and sectors carries the sum, unless the
        story tells an investment of that company already."""
        out = list(frames)
        for f in frames:
            if f.type != "facility" or f.amount is None or (
                    f.status or DEFAULT_STATUS["facility"]) not in {"planned", "intended"}:
                continue
            comps = {i for i in f.participants
                     if (e := linked.by_id.get(i)) is not None and e.kind == "company"}
            if not comps:
                continue
            if any(g.type == "investment" and comps & set(g.participants) for g in out):
                continue  # the company's investment is told: its sum is settled there
            inv = Frame("investment", f.sentence, f.trigger, True, list(f.participants), f.place,
                        sentence_lang=f.sentence_lang, status="planned",
                        sectors=list(f.sectors), amount=f.amount, jobs=f.jobs,
                        evidence=list(f.evidence))
            f.amount = None
            out.insert(out.index(f), inv)
        return out

    @staticmethod
    def _anaphoric_jobs(text: Text, frames: list[Frame], quantities: list) -> None:  # type: ignore[type-arg]
        """"इस निवेश से 1,200 लोगों को रोजगार मिलेगा", "The plant will employ 600 people",
        "It is expected to create 3,000 jobs", "これにより約3000人の雇用": jobs stated about
        the event just reported go to it, with the sentence as evidence.  About it: the
        sentence points back at it, or comes right after the sentence that reports it
        with no actor of its own (``jobs_followup``) and is no record so far ("already
        employs 5,000 people")."""
        cue = _anchored("event_anaphor", text.lang)
        total = _anchored("deals_total", text.lang)
        back = _cues("sum_background", text.lang)
        if cue is None:
            return
        starts = [x.start for x in text.sentences]
        follow = _anchored("jobs_followup", text.lang)
        lead = _anchored("attribution_lead", text.lang)

        def said(sentence: str) -> str:
            """The sentence without the one who says it ("मंत्री ने बताया कि इससे …",
            "州政府によると、…", "Officials said the plant …"): what is said is what points back."""
            return lead.sub("", sentence, count=1) if lead is not None else sentence

        def right_after_deal(s: Sentence) -> bool:
            i = bisect_right(starts, s.start) - 1
            if i < 1 or follow is None or not follow.search(said(text.sentences[i].text)):
                return False
            prev = text.sentences[i - 1]
            return any(prev.start <= e.start < prev.end for f in frames
                       if f.type in {"investment", "agreement", "facility"} for e in f.evidence)

        for s, q in quantities:
            if not _is_jobs(q, s.text, text.lang) or not (
                    cue.search(s.text) or (total is not None and total.search(s.text))
                    or (right_after_deal(s) and not (back is not None and back.search(s.text)))):
                continue
            totals = total is not None and bool(total.search(s.text))
            if not totals and any(e.start == s.start for f in frames for e in f.evidence if f.jobs):
                continue
            prior = [f for f in frames if f.type in {"investment", "facility", "agreement"}
                     and any(e.start < s.start for e in f.evidence)]
            if totals:
                # "Together the projects will bring 4,200 jobs": the deals counted as
                # one (six MoUs), not the deal told last, and the investment told with
                # them ("six MoUs for investments of Rs 1,185 crore")
                counted = [f for f in prior if f.count is not None and f.count > 1]
                told = {e.start for f in counted for e in f.evidence}
                # with no counted deals, "These investments will create 5,000 jobs" is
                # about the deals just told, as any sentence pointing back
                prior = counted + [f for f in prior if f.type == "investment" and f not in counted
                                   and any(e.start in told for e in f.evidence)] or prior
            if not prior:
                continue
            # "新工場では約600人を雇用", "the plant will employ": the event the sentence's
            # own word names, when one was reported ("this investment will give jobs");
            # a weak word names none ("विस्तार से 1,000 नौकरियां": the expansion just told,
            # a plant's, though विस्तार may also be an investment's)
            named = {t.type for t in find_triggers(s.text, text.lang) if t.strength == "strong"}
            prior = [f for f in prior if f.type in named] or prior
            # the events of the nearest sentence before: the deal told there, as its
            # investment, MoU and plant (each is what the jobs come with)
            last = max(max(e.start for e in f.evidence if e.start < s.start) for f in prior)
            for f in prior:
                if f.jobs is None and any(e.start == last for e in f.evidence):
                    f.jobs = int(q.value)
                    f.used_quantities.append((s.start + q.start, s.start + q.end))
                    if all(e.start != s.start for e in f.evidence):
                        f.evidence.append(Span(s.start, s.end, s.text))

    def _headline_jobs(self, text: Text, frames: list[Frame], quantities: list,  # type: ignore[type-arg]
                       linked: Linked) -> None:
        """"ダイキン工業、インドで新工場　1000人雇用", "Denso to invest Rs 500 crore, create
        1,000 jobs": jobs a headline states, when no event of the headline took them, are
        the jobs of the one deal the body tells (one company's investment and plant);
        with several deals the headline's count is left to the figures."""
        if not text.title:
            return
        used = {u for f in frames for u in f.used_quantities}
        title = text.title.strip()
        deals = [f for f in frames if f.type in {"investment", "facility"} and not f.headline]
        firms = {self._ancestors(i)[-1] for f in deals for i in f.participants
                 if (e := linked.by_id.get(i)) is not None and e.kind == "company"}
        if len(firms) != 1:
            return
        for s, q in quantities:
            span = (s.start + q.start, s.start + q.end)
            if s.text.strip() != title or span in used or not _is_jobs(q, s.text, text.lang):
                continue
            for f in deals:
                if f.jobs is None:
                    f.jobs = int(q.value)
                    f.used_quantities.append(span)
            return

    @staticmethod
    def _total_sums(text: Text, frames: list[Frame]) -> None:
        """"3社の投資は合わせて約870億円", "Together the MoUs are worth Rs 6,300 crore":
        a sum stated for all the deals together, in a sentence of its own, is the sum of
        the event that counts them (the three MoUs), when that event has none yet."""
        total = _anchored("deals_total", text.lang)
        if total is None:
            return
        counted = [f for f in frames if f.type in {"agreement", "investment"}
                   and f.count is not None and f.count > 1 and f.amount is None]
        for s in text.sentences:
            if not counted or not total.search(s.text):
                continue
            if any(e.start == s.start and f.amount is not None for f in frames for e in f.evidence):
                continue  # the sentence's own deal took its sum
            money = find_amounts(s.text, text.lang)
            if len(money) != 1:
                continue
            before = [f for f in counted if any(e.start < s.start for e in f.evidence)]
            if not before:
                continue
            f = before[-1]
            f.amount = Amount(money[0].value, money[0].currency)
            if all(e.start != s.start for e in f.evidence):
                f.evidence.append(Span(s.start, s.end, s.text))
            counted.remove(f)

    def _split_visits(self, frames: list[Frame], linked: Linked) -> list[Frame]:
        """"Her trip to Japan and Vietnam" is two visits, one per country visited."""
        out: list[Frame] = []
        for f in frames:
            ents = [linked.by_id[i] for i in f.participants if i in linked.by_id]
            # the visitors come first: their country is home
            home = next((self._country_of(e) or e.country for e in ents
                         if e.kind != "country" and (self._country_of(e) or e.country)), None) \
                or self._home_country(set(f.participants), linked)
            dests = [e for e in ents if e.kind == "country" and e.country != home]
            if f.type != "visit" or home is None or len(dests) < 2:
                out.append(f)
                continue
            for d in dests:
                part = [e.id for e in ents if e is d or (
                    e.kind != "country" and (self._country_of(e) or e.country) in {home, d.country, None})]
                place = f.place if f.place and linked.by_id[f.place].country == d.country else d.id
                out.append(Frame(f.type, f.sentence, f.trigger, f.strong, part, place,
                                 f.headline, date=f.date, status=f.status, sectors=list(f.sectors),
                                 evidence=list(f.evidence)))
        return out

    def _rejoin_visits(self, frames: list[Frame], linked: Linked) -> list[Frame]:
        """After a two-country trip is split, its Japan leg and another report of the same
        Japan visit are one visit: same destination country, a shared visitor."""
        out: list[Frame] = []
        for f in frames:
            target = None
            if f.type == "visit" and f.place in linked.by_id:
                fc = linked.by_id[f.place].country
                mine = {i for i in f.participants if i in linked.by_id
                        and linked.by_id[i].kind != "country"
                        and linked.by_id[i].country != fc}
                target = next((g for g in out if g.type == "visit" and g.place in linked.by_id
                               and linked.by_id[g.place].country == fc
                               and (g.status == "negated") == (f.status == "negated")
                               and not _dates_differ(f.date, g.date)
                               and mine & set(g.participants)), None)
            if target is None:
                out.append(f)
                continue
            for p in f.participants:
                if p not in target.participants:
                    target.participants.append(p)
            for e in f.evidence:
                if all(e.start != x.start for x in target.evidence):
                    target.evidence.append(e)
            target.date = target.date or f.date
            target.target = target.target or f.target
        return out

    @staticmethod
    def _companies_in(s: Sentence, linked: Linked) -> list[Entity]:
        """The companies ``s`` names (not by adjective), in order, once each."""
        found: list[Entity] = []
        for _st, _en, eid, d in sorted(linked.in_range(s.start, s.end)):
            e = linked.by_id.get(eid)
            if e is not None and e.type == "ORG" and e.kind == "company" and not d \
                    and e not in found:
                found.append(e)
        return found

    def _company_before(self, s: Sentence, text: Text, linked: Linked) -> Entity | None:
        """The company named last in the six sentences before ``s``, when only one is.

        Japanese "同社" points back at the company the story is about: the last company
        that was a sentence's topic or subject ("東洋ブレーキ工業（本社…）は…"), even when
        a sentence between names its customers ("…ヒーロー・モトコープやホンダに供給する")."""
        if text.lang == "ja":
            # the topic (は) first: "子会社のXが運営し" names a subsidiary, not the topic
            for marker in ("は", "が"):
                topic = regex.compile(rf"(?:[（(][^）)]{{0,40}}[）)])?{marker}")
                for prev in reversed(text.sentences[max(0, s.index - 6): s.index]):
                    subj = [e for st, en, eid, d in sorted(linked.in_range(prev.start, prev.end))
                            if not d and (e := linked.by_id.get(eid)) is not None
                            and e.type == "ORG" and e.kind == "company"
                            and topic.match(text.body, en)]
                    if subj:
                        return subj[-1]
        for prev in reversed(text.sentences[max(0, s.index - 6): s.index]):
            found = self._companies_in(prev, linked)
            groups = {self._ancestors(e.id)[-1] for e in found}
            if len(groups) == 1:
                # "スズキの子会社、マルチ・スズキが運営": the group named beside its
                # subsidiary is the one that acts
                root = [e for e in found if e.id in groups]
                return root[0] if root else found[-1]
            if found:
                return None  # several companies: "the company" is ambiguous
        return None

    def _companies_before(self, s: Sentence, text: Text, linked: Linked) -> list[Entity]:
        """Companies named in the six sentences before ``s`` when ``s`` speaks of them
        as a group ("the Japanese companies"), of the country its demonym names."""
        cue = _anchored("definite_collective", text.lang)
        if cue is None or not cue.search(s.text):
            return []
        demonyms = {linked.by_id[eid].country for st, en, eid, d in linked.in_range(s.start, s.end)
                    if d and eid in linked.by_id}

        def of_country(e: Entity) -> bool:
            group = self.kb.get(self._ancestors(e.id)[-1])
            home = {e.country, group.country if group else None}
            return not demonyms or bool(home & demonyms) or e.country is None

        for prev in reversed(text.sentences[max(0, s.index - 6): s.index]):
            out = [e for e in self._companies_in(prev, linked) if of_country(e)]
            if len(out) >= 2:  # the nearest sentence that names the group
                return out
        return []

    def _state_of(self, place: Entity, linked: Linked) -> Entity | None:
        """The state or prefecture a town lies in, as an entity of this article."""
        for aid in self._ancestors(place.id)[1:]:
            kbe = self.kb.get(aid)
            if kbe is None or kbe.kind not in GOV_KINDS or kbe.kind == "country":
                continue
            ent = linked.by_id.get(aid)
            if ent is None:
                ent = Entity(kbe.id, kbe.name, "PLACE", kbe.kind, kbe.country)
                linked.entities.append(ent)
                linked.by_id[ent.id] = ent
                linked.demonym_only.add(ent.id)  # output only if an event uses it
            return ent
        return None

    def _countries(self, ids: set[str], linked: Linked) -> set[str]:
        return {c for i in ids if i in linked.by_id
                for c in [self._country_of(linked.by_id[i]) or linked.by_id[i].country] if c}

    def _home_country(self, ids: set[str], linked: Linked) -> str | None:
        """The country most participants belong to, or None on a tie: the home side,
        against which the counterpart countries are told apart."""
        cs = Counter(c for i in ids if i in linked.by_id
                     for c in [self._country_of(linked.by_id[i]) or linked.by_id[i].country] if c)
        top = cs.most_common(2)
        if not top or (len(top) == 2 and top[0][1] == top[1][1]):
            return None
        return top[0][0]

    def _ancestors(self, eid: str) -> list[str]:
        """``eid`` and its KB parents, nearest first (a subsidiary's group, a city's state)."""
        out = [eid]
        e = self.kb.get(eid)
        while e is not None and e.parent and e.parent not in out and len(out) < 6:
            out.append(e.parent)
            e = self.kb.get(e.parent)
        return out

    def _agency_states(self, ids: set[str]) -> set[str]:
        """The states whose agencies (KB kind ``state_agency``: Invest Punjab, YEIDA,
        Guidance Tamil Nadu) are among ``ids``."""
        out = set()
        for i in ids:
            e = self.kb.get(i)
            if e is not None and e.kind == "state_agency" and e.parent \
                    and e.parent.startswith(("in-state:", "jp-pref:")):
                out.add(e.parent)
        return out

    def _investments_in_states(self, frames: list[Frame], linked: Linked) -> None:
        """An investment goes into a state, not into the state's agency that signed for
        it: "Invest Punjab signed MoUs … for a total investment of Rs 2,350 crore" is an
        investment in Punjab (ANNOTATION.md: the investor and the destination)."""
        for f in frames:
            if f.type != "investment":
                continue
            for st in sorted(self._agency_states(set(f.participants))):
                ent = self._kb_place(st, linked)
                if ent is None:
                    continue
                f.participants = [p for p in f.participants
                                  if not (self.kb.get(p) is not None
                                          and self.kb.get(p).kind == "state_agency"  # type: ignore[union-attr]
                                          and self.kb.get(p).parent == st)]  # type: ignore[union-attr]
                if ent.id not in f.participants:
                    f.participants.append(ent.id)

    def _groups(self, ids: set[str]) -> set[str]:
        return {self._ancestors(i)[-1] for i in ids}

    def _places_agree(self, a: set[str], b: set[str], linked: Linked) -> bool:
        """Some place of one frame contains or equals some place of the other, and no
        specific place (a state, a city) of one is foreign to every place of the other."""
        def places(ids: set[str]) -> list[Entity]:
            return [linked.by_id[i] for i in ids if i in linked.by_id
                    and linked.by_id[i].type == "PLACE"]

        def within(x: Entity, y: Entity) -> bool:  # x lies in y
            return y.id in self._ancestors(x.id) or (
                y.kind == "country" and x.country is not None and x.country == y.country)

        pa, pb = places(a), places(b)
        if not pa or not pb:
            return not pa and not pb
        agree = [(x, y) for x in pa for y in pb if within(x, y) or within(y, x)]
        if not agree:
            return False
        spec_a = [x for x in pa if x.kind != "country"]
        spec_b = [y for y in pb if y.kind != "country"]
        return all(any(within(x, y) or within(y, x) for y in pb) for x in spec_a) and all(
            any(within(x, y) or within(y, x) for x in pa) for y in spec_b)

    def _merge(self, frames: list[Frame], linked: Linked) -> list[Frame]:
        """One event per happening: frames of one type that report the same thing."""
        out: list[Frame] = []
        for f in frames:
            target = next((g for g in out if self._same(f, g, linked)), None)
            after = _anchored("meeting_aftermath", f.sentence_lang)
            aftermath = f.type == "meeting" and not f.headline and after is not None \
                and bool(after.search(f.sentence.text))
            if target is None and f.type == "meeting" and not f.headline and (aftermath or _anchored(
                    "meeting_anaphor", f.sentence_lang) is not None and _anchored(
                    "meeting_anaphor", f.sentence_lang).search(f.sentence.text)):
                # "During the meeting, the mayors gave presentations": the meeting just told
                earlier = [g for g in out if g.type == "meeting" and not g.headline
                           and g.sentence.start < f.sentence.start
                           and (f.status is None or g.status is None or g.status == f.status)]
                target = earlier[-1] if earlier else None
            agr = _anchored("agreement_anaphor", f.sentence_lang)
            if target is None and f.type == "agreement" and not f.headline and agr is not None \
                    and agr.search(f.sentence.text):
                # "The agreement was signed in Seoul by ...", "Under the MoUs, X will build
                # a plant": the signing just told, not a second one
                earlier = [g for g in out if g.type == "agreement" and not g.headline
                           and g.sentence.start < f.sentence.start
                           and (g.status == "negated") == (f.status == "negated")]
                target = earlier[-1] if earlier else None
            if target is None and f.type == "visit" and not f.headline and _anchored(
                    "visit_anaphor", f.sentence_lang) is not None and _anchored(
                    "visit_anaphor", f.sentence_lang).search(f.sentence.text):
                # "The visit marked a milestone": the one journey told before it
                earlier = [g for g in out if g.type == "visit" and not g.headline
                           and g.sentence.start < f.sentence.start
                           and (g.status == "negated") == (f.status == "negated")]
                target = earlier[0] if len(earlier) == 1 else None
            if target is None and f.headline:
                # "日本とグジャラート州、…協力覚書": the headline names the sides by country;
                # it summarises the body's event of that type between those countries
                cf = self._countries(set(f.participants), linked)
                target = next((g for g in out if g.type == f.type and not g.headline
                               and (g.status == "negated") == (f.status == "negated")
                               and cf and cf <= self._countries(set(g.participants), linked)),
                              None)
            if target is None:
                out.append(f)
                continue
            present = _anchored("meeting_presence", f.sentence_lang)
            if not (f.type == "meeting" and present is not None and present.search(f.sentence.text)) \
                    and not aftermath:
                # those "present at the meeting" are no sides of it, nor the parties of
                # what came "after the meeting"
                for p in f.participants:
                    if p not in target.participants:
                        target.participants.append(p)
            told_again = f.type == "visit" and _anchored("visit_anaphor", f.sentence_lang) is not None \
                and bool(_anchored("visit_anaphor", f.sentence_lang).search(f.sentence.text))
            tp = linked.by_id.get(target.place or "")
            fp = linked.by_id.get(f.place or "")
            # a plant's town the KB lacks ("ザヒラバード") has no ancestors to tell it lies
            # in the state: a town of the same country beats a state or a country
            unknown_town = f.type in {"facility", "investment"} and tp is not None \
                and fp is not None and tp.kind in {"state", "country"} \
                and fp.kind in {"town", "city", "district"} | ZONE_KINDS \
                and not self._ancestors(fp.id)[1:] and fp.country == tp.country
            if (target.place is None or unknown_town or (
                    f.place and target.place in self._ancestors(f.place)[1:]
                    and not (f.type == "visit" and self._is_country(target.place, linked)))) \
                    and not (told_again and target.place is not None):
                # a town in the state beats the state; but a journey "to Japan" stays in
                # Japan when a later sentence names a city on the way ("in Tokyo, he met"),
                # and a journey told again ("During the tour, ... a park at Chakan") keeps
                # where it went
                target.place = f.place
            if not target.date or (f.date and len(f.date) > len(target.date)):
                target.date = f.date or target.date  # a day beats a month
            target.target = target.target or f.target
            if target.status is None or (f.status and target.status in {"announced"}):
                target.status = target.status or f.status
            for sct in f.sectors:
                if sct not in target.sectors:
                    target.sectors.append(sct)
            if target.amount and f.amount and target.amount.currency != f.amount.currency \
                    and target.amount.currency == "USD":
                # one sum told in two currencies ("$194 million" and "Rs 1,600 crore"):
                # the dollar figure is the press's conversion, the other is the deal's own
                target.amount = f.amount
            target.amount = target.amount or f.amount
            target.jobs = target.jobs or f.jobs
            target.count = target.count or f.count
            target.strong = target.strong or f.strong
            target.used_quantities += f.used_quantities
            for e in f.evidence:
                if all(e.start != x.start for x in target.evidence):
                    target.evidence.append(e)
        # a weak trigger counts when a second sentence supports it, or when money is
        # stated for it ("900 करोड़ रुपये के निवेश")
        return [f for f in out if f.strong or len(f.evidence) > 1
                or (f.type == "investment" and f.amount is not None)]

    # -------------------------------------------------------------- figures

    @staticmethod
    def _figures(text: Text, quantities: list, frames: list[Frame]) -> list[Figure]:  # type: ignore[type-arg]
        used = {u for f in frames for u in f.used_quantities}
        out: list[Figure] = []
        seen: set[float] = set()
        for s, q in quantities:
            span = (s.start + q.start, s.start + q.end)
            if span in used or q.unit not in FIGURE_UNITS or q.value in seen:
                continue
            if q.unit == "MoUs":
                continue
            if q.unit in {"jobs", "people"} and any(f.jobs == q.value for f in frames):
                continue  # "The investment will create about 1,100 jobs": the event's jobs told again (ANNOTATION.md Figures)
            if q.unit == "percent" and _market_move(s.text, q.start, text.lang):
                continue  # "shares rose 2.3%": the day's market, not the partnership
            if q.unit == "units" and _cues("units_figure", text.lang) is not None \
                    and not has_cue("units_figure", text.lang, s.text):
                continue  # "sold 5.8 million two-wheelers": sales, not what a plant makes
            seen.add(q.value)
            about = s.text.strip()
            if len(about) > 160:  # a window of whole words around the number
                lo = s.text.rfind(" ", 0, max(0, q.start - 60)) + 1
                hi = s.text.find(" ", min(len(s.text), q.end + 80))
                about = s.text[lo: hi if hi > 0 else len(s.text)].strip()
            out.append(Figure(q.value, q.unit or "", about))
        # money that no event carries, stated as a record of the partnership ("FDI of
        # 5,442億ルピー in FY2023/24", "bilateral trade of $22 billion"): a figure in its
        # currency (the devset's gold counts such statistics)
        cue = _cues("money_figure", text.lang)
        carried = [f.amount.value for f in frames if f.amount is not None]
        for sent in text.sentences:
            if cue is None or text.in_skip(sent.start, sent.end) or not cue.search(sent.text):
                continue
            for m in find_amounts(sent.text, text.lang):
                if m.value in seen or any(abs(m.value - v) <= 0.01 * v for v in carried):
                    continue
                seen.add(m.value)
                out.append(Figure(m.value, m.currency, sent.text.strip()[:160]))
        return out
