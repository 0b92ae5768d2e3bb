"""Link: decide which entity each mention is, and give it a canonical English name.

KB mentions pick one candidate using the article as context (a city name shared by two
countries goes to the country the article is about).  Names the KB lacks get a stable id
from their folded Latin name, so "Nakane Tsutomu" from a Hindi article and from an English
one are the same row in the store.  Short forms join the full name they abbreviate within
the article ("Saini" → "Nayab Singh Saini", "Mitsui Kinzoku" → "Mitsui Kinzoku Components
India").  Adjectives ("Japanese", "जापानी", "日系") link to their country but only make an
entity when an event needs it as a participant.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from . import rx
from .kb.fold import fold
from .kb.loader import KB, KBEntry
from .kb.matcher import HOW_DEMONYM
from .normalise import Text
from .recognise import Mention, title_before
from .record import Entity, Span

# the fold of an entity's name, kept: ``_short_form_target`` compares each short form
# with every entity of the article (~18k folds of the same few names per 40 articles,
# a tenth of the rules' time in a profile); names are short, so the memo stays small
_fold_name = lru_cache(maxsize=8192)(fold)

KIND_RANK = {
    # a city beats the union territory of the same name (Chandigarh, Delhi): datelines and
    # venues name the city
    "country": 10, "state": 9, "union_territory": 6.5, "prefecture": 9, "city": 7,
    "district": 6, "company": 5, "ministry": 5, "agency": 5, "government": 5, "town": 4,
}


@dataclass(slots=True)
class Linked:
    """Entities of one article with, for each, whether only adjectives named it."""

    entities: list[Entity] = field(default_factory=list)
    demonym_only: set[str] = field(default_factory=set)  # entity ids
    by_id: dict[str, Entity] = field(default_factory=dict)
    spans: list[tuple[int, int, str, bool]] = field(default_factory=list)  # start,end,id,demonym
    # in_range's index of ``spans`` by start: the list it was built for (held, so that
    # its identity cannot pass to a new list), its length then, positions by start
    _indexed: list[tuple[int, int, str, bool]] | None = field(default=None, repr=False,
                                                             compare=False)
    _indexed_len: int = field(default=-1, repr=False, compare=False)
    _by_start: list[int] = field(default_factory=list, repr=False, compare=False)
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def add_mention(self, ent: Entity, m: Mention, demonym: bool) -> None:
        if ent.id not in self.by_id:
            self.by_id[ent.id] = ent
            self.entities.append(ent)
            self.demonym_only.add(ent.id)
        if not demonym:
            self.demonym_only.discard(ent.id)
        if not any(s.start == m.start and s.end == m.end for s in ent.mentions):
            ent.mentions.append(Span(m.start, m.end, m.text))
        self.spans.append((m.start, m.end, ent.id, demonym))

    def in_range(self, start: int, end: int) -> list[tuple[int, int, str, bool]]:
        """The mentions inside ``[start, end)``, in the order they were added.

        The frames ask this of every sentence and clause many times; a scan of all the
        article's mentions per call was ~8 % of the event stage on a 600-word article, so
        the mentions are indexed by start once per state of ``spans`` (a new list, or
        one that grew) and a call bisects to the starts that can qualify."""
        spans = self.spans
        if self._indexed is not spans or self._indexed_len != len(spans):
            self._by_start = sorted(range(len(spans)), key=lambda i: spans[i][0])
            self._starts = [spans[i][0] for i in self._by_start]
            self._indexed, self._indexed_len = spans, len(spans)
        # a mention inside the range starts in [start, end] (it ends after it starts)
        lo, hi = bisect_left(self._starts, start), bisect_right(self._starts, end)
        return [spans[i] for i in sorted(i for i in self._by_start[lo:hi] if spans[i][1] <= end)]

    def final(self, used: set[str]) -> list[Entity]:
        """Entities to output: named ones, and adjective-only ones that an event uses."""
        return [e for e in self.entities if e.id not in self.demonym_only or e.id in used]


_PREF_MARK = regex.compile(r"[県府都]|[Pp]refectur|प्रान्त|प्रांत|प्रीफेक्चर")


def slug(name: str) -> str:
    return rx.sub(r"[^\p{L}\p{N}]+", "-", fold(name)).strip("-")


_FIRM_AFTER = regex.compile(
    r"['’]s\s+(?:(?:Indian|India|local|Japanese|Korean|German|domestic|overseas|wholly[- ]owned|"
    r"new|listed|chief|top)\s+)*(?:arm|unit|subsidiary|affiliate|plants?|factory|factories|"
    r"CEO|president|chairman|chairperson|shares|stake|board|management|spokes\w+|executives?|"
    r"venture|dealers?|vehicles?|cars?|models?|sales|revenue|profit)\b")
_FIRM_BEFORE = regex.compile(r"\b(?:shares\s+(?:of|in)|stake\s+in|subsidiary\s+of|unit\s+of|"
                             r"arm\s+of|carmaker|automaker|company|firm|maker|group|"
                             r"executives?\s+(?:of|from)|companies\s+(?:like|such\s+as|including))\s+$", regex.I)
_LIST_JOINT = regex.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s)\s*")


def company_context(body: str, start: int, end: int) -> bool:
    """Does the text around a name speak of a company ("Toyota's Indian arm", "shares of
    Toyota", "carmaker Toyota")?  A city of the same name has no arm, shares or CEO."""
    return bool(_FIRM_AFTER.match(body, end) or _FIRM_BEFORE.search(body[max(0, start - 30):start]))


def _person_office_ok(e: KBEntry, day: str | None) -> bool:
    return not e.offices or any(o.covers(day) for o in e.offices)


class Linker:
    def __init__(self, kb: KB) -> None:
        self.kb = kb

    def choose(self, m: Mention, context: Counter[str], day: str | None,
               sure: Counter[str] | None = None, firm: bool = False) -> tuple[KBEntry, bool] | None:
        """The KB entry ``m`` names.  ``firm``: the text around it speaks of a company
        ("Toyota's Indian arm", "shares of Toyota"), so a company beats a city of the
        same name."""
        best: tuple[float, KBEntry, bool] | None = None
        kinds = {e.kind for e in (self.kb.get(c) for c, _ in m.cands) if e is not None}
        # "Osaka", "Hiroshima" alone name the city; the prefecture is "大阪府",
        # "Hiroshima Prefecture", "ओसाका प्रान्त"
        bare_city = "city" in kinds and "prefecture" in kinds and not _PREF_MARK.search(m.text)
        for cid, how in m.cands:
            e = self.kb.get(cid)
            if e is None:
                continue
            score = 0.0
            if how != HOW_DEMONYM:
                score += 100
            if e.country and context[e.country]:
                score += 20 + min(context[e.country], 10)
            score += KIND_RANK.get(e.kind, 3)
            if sure and sure[e.id]:
                score += 50
            if e.type == "ORG" and e.parent and sure and sure[e.parent]:
                score += 10
            # "Kochi" in an article that names Kerala is Kerala's city, not the Japanese
            # prefecture: the state or prefecture a place lies in, named in the article
            if e.type == "PLACE" and e.parent and not e.parent.startswith("country:") \
                    and sure and sure[e.parent]:
                score += 15
            if bare_city and e.kind == "prefecture":
                score -= 3
            if firm and e.type == "ORG":
                score += 60
            if e.type == "PERSON":
                score += 5 if _person_office_ok(e, day) else -5
                # "静岡県の鈴木知事": of the namesakes, the one holding office in a place
                # the article names
                if sure and any(o.of and sure[o.of] and o.covers(day) for o in e.offices):
                    score += 15
            score -= e.rank * 0.01
            if best is None or score > best[0]:
                best = (score, e, how == HOW_DEMONYM)
        return (best[1], best[2]) if best else None

    def _listed_with_companies(self, text: Text, mentions: list[Mention]) -> set[int]:
        """Mentions (by ``id``) in a list with a name that is only a company ("executives
        of Nidec, Toyota and Hitachi"): a name the KB knows both as a company and as a city
        is the company there, as its neighbours are."""
        kb = sorted((m for m in mentions if m.source == "kb"), key=lambda m: m.start)

        def only_company(m: Mention) -> bool:
            es = [self.kb.get(c) for c, _ in m.cands]
            return bool(es) and all(e is not None and e.type == "ORG" and e.kind == "company" for e in es)

        def joined(a: Mention, b: Mention) -> bool:
            return a.end <= b.start and _LIST_JOINT.fullmatch(text.body[a.end:b.start]) is not None

        out: set[int] = set()
        changed = True
        while changed:  # "Nidec, Toyota and Hitachi": the firm spreads along the list
            changed = False
            for i, m in enumerate(kb):
                if id(m) in out or only_company(m) or not any(
                        (e := self.kb.get(c)) is not None and e.kind == "company" for c, _ in m.cands):
                    continue
                near = [kb[j] for j in (i - 1, i + 1) if 0 <= j < len(kb)]
                if any((only_company(n) or id(n) in out) and (joined(n, m) or joined(m, n)) for n in near):
                    out.add(id(m))
                    changed = True
        return out

    def link(self, text: Text, mentions: list[Mention]) -> Linked:
        out = Linked()
        day = text.published
        # context: countries of mentions with a single candidate
        context: Counter[str] = Counter()
        for m in mentions:
            if m.source == "kb" and len({c for c, _ in m.cands}) == 1:
                e = self.kb.get(m.cands[0][0])
                if e and e.country:
                    context[e.country] += 1
        # ids named unambiguously: "Toyota Motor Corp" earlier makes a later bare "Toyota"
        # the company, not the city of that name
        sure = Counter(m.cands[0][0] for m in mentions
                       if m.source == "kb" and len({c for c, _ in m.cands}) == 1)
        chosen: list[tuple[Mention, KBEntry, bool]] = []
        listed = self._listed_with_companies(text, mentions) if text.lang == "en" else set()
        for m in mentions:
            if m.source != "kb":
                continue
            pick = self.choose(m, context, day, sure,
                               firm=text.lang == "en" and (
                                   company_context(text.body, m.start, m.end) or id(m) in listed))
            if pick:
                chosen.append((m, pick[0], pick[1]))
        full_ids = {e.id for m, e, _ in chosen if not m.short}
        for m, e, demonym in chosen:
            if e.kind == "government" and e.parent and e.parent.startswith("country:"):
                # "the Government of India" is coded as India, as "the Haryana government"
                # is Haryana (ANNOTATION.md)
                e = self.kb.get(e.parent) or e
            if m.short and e.id not in full_ids and not self._titled(text, m):
                # a bare surname is only trusted when the full name or a title supports it
                if e.type == "PERSON":
                    name = m.text
                    if rx.search(r"\p{Devanagari}", name):
                        from .kb.translit import deva_to_latin

                        name = deva_to_latin(name, person=True)  # in Latin letters, always
                    m.source, m.cands, m.name, m.type, m.kind = "ner", [], name, "PERSON", "person"
                continue
            ent = out.by_id.get(e.id) or Entity(e.id, e.name, e.type, e.kind, e.country)  # type: ignore[arg-type]
            out.add_mention(ent, m, demonym)
            if m.title and m.title not in ent.titles:
                ent.titles.append(m.title)
        # names the KB lacks: longest first, so short forms find their full name
        rest = sorted((m for m in mentions if m.source != "kb"),
                      key=lambda m: -len((m.name or m.text).split()))
        for m in rest:
            name = self._canonical(m)
            if not name:
                continue
            # "北陸電装" ends in its head noun: a company of its own, not a short form of
            # "Hokuriku Denso India", its subsidiary named in the same article
            target = None if m.full else self._short_form_target(name, m.type, out, m.start)
            if target is None and text.lang == "en":
                target = self._acronym_target(text.body, m, name, out)
            if target is None and text.lang == "en" and m.type in {"ORG", "PLACE"} \
                    and m.source == "ner" and " " not in name.strip():
                target = _family_name_of(name, out)
            if target is None:
                eid = f"name:{slug(name)}"
                target = out.by_id.get(eid) or Entity(eid, name, m.type or "ORG",  # type: ignore[arg-type]
                                                      m.kind or _default_kind(m.type), m.country)
            out.add_mention(target, m, False)
            if m.title and m.title not in target.titles:
                target.titles.append(m.title)
        if text.lang in {"hi", "en"}:
            self._subsidiary_short_forms(out, text.body)
        # titles of KB people from the text before their mentions
        if text.lang == "en":
            for ent in out.entities:
                if ent.type == "PERSON" and not ent.titles:
                    for s in sorted(ent.mentions, key=lambda s: s.start):
                        t = title_before(text.body, s.start)
                        if t:
                            ent.titles.append(t)
                            break
        elif text.lang == "ja":
            # Japanese puts the title after the name: "武藤容治経済産業相"
            from .recognise import _words

            titles = [t for t in _words("ja", "person_titles") if len(t) >= 2]
            for ent in out.entities:
                if ent.type == "PERSON" and not ent.titles:
                    for s in sorted(ent.mentions, key=lambda s: s.start):
                        t = next((t for t in titles if text.body.startswith(t, s.end)), None)
                        if t:
                            ent.titles.append(t)
                            break
        return out

    def _subsidiary_short_forms(self, out: Linked, body: str = "") -> None:
        """Hindi copy names a subsidiary in full once and then by its parent's words
        ("मित्सुई किन्ज़ोकू कंपोनेंट्स इंडिया प्राइवेट लिमिटेड" … "मित्सुई किन्ज़ोकू", "होंडा
        मोटरसाइकिल एंड स्कूटर इंडिया" … "होंडा"): a KB company each of whose mentions is
        the opening words of a mention of its own subsidiary (the KB's parent link, or a
        company the KB lacks) is that subsidiary, not the parent.  English copy does the
        same ("JFE Steel" … "JFE, which already has a joint venture"): the gold counts the
        parent's short name as an alias of the company the story is about (ANNOTATION.md
        aliases: "the parent company")."""
        for parent in [e for e in out.entities if e.type == "ORG" and e.id.startswith("co:")]:
            if not parent.mentions:
                continue
            if any(rx.match(_parent_legal_form(), body[sp.end:sp.end + 20]) for sp in parent.mentions):
                continue  # "आइसिन कॉरपोरेशन": the parent named with its legal form is itself
            subs = []
            for ent in out.entities:
                if ent is parent or ent.type != "ORG":
                    continue
                entry = self.kb.get(ent.id)
                if entry is not None and entry.parent != parent.id:
                    continue
                if entry is None and not ent.id.startswith("name:"):
                    continue
                texts = [sp.text for sp in ent.mentions]
                if all(any(t.startswith(pm.text + " ") for t in texts) for pm in parent.mentions):
                    subs.append(ent)
            if len(subs) != 1:
                continue
            sub = subs[0]
            for sp in parent.mentions:
                if not any(o.start == sp.start and o.end == sp.end for o in sub.mentions):
                    sub.mentions.append(sp)
            out.spans = [(a, b, sub.id if i == parent.id else i, d) for a, b, i, d in out.spans]
            if parent.id not in out.demonym_only:
                out.demonym_only.discard(sub.id)
            out.entities.remove(parent)
            out.demonym_only.discard(parent.id)
            del out.by_id[parent.id]

    def _titled(self, text: Text, m: Mention) -> bool:
        before = text.body[max(0, m.start - 40):m.start]
        after = text.body[m.end:m.end + 8]
        if text.lang == "ja":
            from .recognise import _words

            return any(after.startswith(t) for t in _words("ja", "person_titles"))
        if text.lang == "en":
            return title_before(text.body, m.start) is not None or bool(
                rx.search(r"(?:Mr|Mrs|Ms|Dr|Shri)\.?\s*$", before))
        from .recognise import _words

        return any(before.rstrip().endswith(t) for t in _words("hi", "person_titles"))

    @staticmethod
    def _canonical(m: Mention) -> str | None:
        name = (m.name or m.text).strip()
        name = rx.sub(r"\s+", " ", name)
        # an honorific, not the start of a name ("Shriniwas", "Srinivasan", "Mrinal")
        name = rx.sub(r"^(?:Mr|Mrs|Ms|Dr|Shri|Smt|Sri)(?:\.\s*|\s+)", "", name)
        if not rx.search(r"\p{L}", name) or len(name) < 2:
            return None
        return name

    @staticmethod
    def _acronym_target(body: str, m: Mention, name: str, out: Linked) -> Entity | None:
        """The organisation an acronym stands for: the one named right before it in
        brackets ("Korea Trade-Investment Promotion Agency (KOTRA)") or the one whose
        words' initials spell it ("IGCC" of "Indo-German Chamber of Commerce").  One body,
        one entity (CONTRACT.md: short forms are aliases)."""
        if not rx.fullmatch(r"[A-Z][A-Za-z&]*[A-Z][A-Za-z&]*", name) or sum(c.isupper() for c in name) < 2 \
                or m.type not in {"ORG", None}:
            return None
        orgs = [e for e in out.entities if e.type == "ORG" and fold(e.name) != fold(name)]
        if body[max(0, m.start - 1):m.start] == "(":
            before = body[:m.start - 1].rstrip()
            for e in orgs:
                if any(sp.end == len(before) for sp in e.mentions):
                    return e
        letters = name.replace("&", "").upper()
        hits = []
        for e in orgs:
            words = [w for w in rx.split(r"[\s\-–]+", e.name) if w]
            content = [w for w in words if w.casefold() not in {"of", "and", "for", "the", "in", "&"}]
            if letters in {"".join(w[0] for w in content).upper(), "".join(w[0] for w in words).upper()}:
                hits.append(e)
        return hits[0] if len(hits) == 1 else None

    @staticmethod
    def _short_form_target(name: str, typ: str | None, out: Linked,
                           start: int | None = None) -> Entity | None:
        """The entity a short form names: the one whose name it is, else the one longer
        name that holds its words.  Of two people who share a family name ("अरविंद कुमार
        शर्मा" and "कौशल राज शर्मा"), "श्री शर्मा" is the one named last before it, as a
        reader takes it."""
        toks = _fold_name(name).split()
        if not toks:
            return None
        hits = []
        for ent in out.entities:
            etoks = _fold_name(ent.name).split()
            if etoks == toks:
                return ent
            if len(etoks) <= len(toks):
                continue
            if typ == "PERSON" and ent.type == "PERSON" and set(toks) <= set(etoks):
                hits.append(ent)
            elif typ in {"ORG", None} and ent.type == "ORG" and (
                    etoks[: len(toks)] == toks
                    or (len(toks) >= 2 and any(etoks[i:i + len(toks)] == toks
                                               for i in range(len(etoks) - len(toks) + 1)))):
                hits.append(ent)
        if len(hits) > 1 and typ == "PERSON" and start is not None:
            before = [(max(sp.start for sp in e.mentions if sp.start < start), e) for e in hits
                      if any(sp.start < start for sp in e.mentions)]
            if before:
                return max(before, key=lambda b: b[0])[1]
        return hits[0] if len(hits) == 1 else None


def _family_name_of(word: str, out: Linked) -> Entity | None:
    """The one person of the story whose family name ``word`` is ("Ishiguro said ...",
    read by the model as a body or a place, after "JETRO Chairman Norihiko Ishiguro"): a
    wire story names a person in full once, then by the family name alone."""
    key = _fold_name(word)
    hits = [e for e in out.entities if e.type == "PERSON" and len(_fold_name(e.name).split()) >= 2
            and _fold_name(e.name).split()[-1] == key]
    return hits[0] if len(hits) == 1 else None


@lru_cache(maxsize=1)
def _parent_legal_form() -> str:
    """A Hindi company suffix right after a mention ("… कॉरपोरेशन", "… लिमिटेड")."""
    from .recognise import _alt, _words

    return rf"\s*(?:{_alt(_words('hi', 'company_suffixes'))})(?![\p{{L}}\p{{M}}])"


def _default_kind(typ: str | None) -> str:
    return {"PERSON": "person", "PLACE": "place"}.get(typ or "", "organisation")
