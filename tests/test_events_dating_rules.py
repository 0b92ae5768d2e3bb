"""The date pass over an article's finished events (ANNOTATION.md, Dates rules 1-4)."""

from __future__ import annotations

from pactwatch.events.dating import assign_dates
from pactwatch.normalise import Text, normalise
from pactwatch.read.base import Document
from pactwatch.record import Event, Span


def _text(body: str, published: str | None = "2025-10-05") -> Text:
    return normalise(Document(doc="t.txt", text=body, published=published))


def _ev(t: Text, typ: str, status: str, *sentences: int, date: str | None = None) -> Event:
    """An event whose evidence is the given sentences of ``t``."""
    ev = [Span(t.sentences[i].start, t.sentences[i].end, t.sentences[i].text) for i in sentences]
    return Event(type=typ, participants=["A", "B"], date=date, status=status, evidence=ev)


def test_dating_news_without_date_takes_publication_month() -> None:
    t = _text("The state signed an MoU with a Japanese maker. It announced a new policy.")
    signed, policy = _ev(t, "agreement", "signed", 0), _ev(t, "policy", "announced", 1)
    assign_dates(t, [signed, policy])
    assert (signed.date, policy.date) == ("2025-10", "2025-10")


def test_dating_planned_without_date_stays_null() -> None:
    t = _text("The company will invest Rs 500 crore. It plans a plant near Pune.")
    inv, plant = _ev(t, "investment", "planned", 0), _ev(t, "facility", "planned", 1)
    assign_dates(t, [inv, plant])
    assert (inv.date, plant.date) == (None, None)


def test_dating_own_date_is_kept() -> None:
    t = _text("The MoU was signed on Thursday.")
    e = _ev(t, "agreement", "signed", 0, date="2025-10-02")
    assign_dates(t, [e])
    assert e.date == "2025-10-02"


def test_dating_happenings_of_a_dated_trip_take_its_span() -> None:
    t = _text("The chief minister will visit Japan from October 6 to 8.\n\n"
              "He will meet the heads of twelve companies.\n\n"
              "He will invite them to the state.")
    visit = _ev(t, "visit", "planned", 0, date="2025-10-06")
    meeting = _ev(t, "meeting", "planned", 1)
    invite = _ev(t, "invitation", "planned", 2)
    assign_dates(t, [visit, meeting, invite])
    assert (visit.date, meeting.date, invite.date) == ("2025-10", "2025-10", "2025-10")


def test_dating_trip_over_gives_its_month_to_what_was_done_in_it() -> None:
    t = _text("The minister returned on Tuesday after his four-day visit to Japan.\n\n"
              "During the trip the state signed three MoUs.",
              published="2025-10-02")
    visit = _ev(t, "visit", "completed", 0, date="2025-09-30")
    mou = _ev(t, "agreement", "signed", 1)
    assign_dates(t, [visit, mou])
    assert visit.date == "2025-09"  # 27-30 September
    assert mou.date == "2025-09"


def test_dating_plans_are_not_put_inside_a_trip_that_is_over() -> None:
    t = _text("The minister returned on Tuesday after his four-day visit to Japan.\n\n"
              "The state will hold talks with the firms.",
              published="2025-10-02")
    talks = _ev(t, "meeting", "planned", 1)
    assign_dates(t, [_ev(t, "visit", "completed", 0), talks])
    assert talks.date is None


def test_dating_date_only_in_the_dateline_is_not_the_event_date() -> None:
    t = _text("Singapore, Oct 5 (PTI) The chief minister discussed trade with the president.")
    e = _ev(t, "meeting", "completed", 0, date="2025-10-05")
    assign_dates(t, [e])
    assert e.date == "2025-10"


def test_dating_dateline_and_sentence_agreeing_keep_the_day() -> None:
    t = _text("Chandigarh, Oct 5 (PTI) The delegation met the mayors in Osaka on Sunday.")
    e = _ev(t, "meeting", "completed", 0, date="2025-10-05")
    assign_dates(t, [e])
    assert e.date == "2025-10-05"


def test_dating_plan_carried_by_a_dated_mou_takes_its_date() -> None:
    t = _text("The carmaker signed an MoU with the state on Wednesday to invest Rs 900 crore.")
    mou = _ev(t, "agreement", "signed", 0, date="2025-10-01")
    inv = _ev(t, "investment", "planned", 0)
    assign_dates(t, [mou, inv])
    assert inv.date == "2025-10-01"


def test_dating_invitation_is_not_dated_by_the_summit() -> None:
    t = _text("The minister invited the firms to the summit to be held in January 2026.")
    e = _ev(t, "invitation", "announced", 0, date="2026-01")
    assign_dates(t, [e])
    assert e.date == "2025-10"


def test_dating_negated_and_unpublished_are_left_alone() -> None:
    t = _text("A seventh MoU was not signed. The firm signed a lease.", published=None)
    neg, lease = _ev(t, "agreement", "negated", 0), _ev(t, "agreement", "signed", 1)
    assign_dates(t, [neg, lease])
    assert (neg.date, lease.date) == (None, None)


def test_dating_hindi_and_japanese_trips() -> None:
    hi = _text("मुख्यमंत्री छह अक्टूबर को टोक्यो पहुंचेंगे और आठ अक्टूबर को दिल्ली लौटेंगे।\n\n"
               "वे जापानी कंपनियों से मुलाकात करेंगे।")
    meet = _ev(hi, "meeting", "planned", 1)
    assign_dates(hi, [_ev(hi, "visit", "planned", 0), meet])
    assert meet.date == "2025-10"
    ja = _text("州工業相が9月14～18日に訪日した。\n滞在中、大阪府と覚書を交わした。")
    mou = _ev(ja, "agreement", "signed", 1)
    visit = _ev(ja, "visit", "completed", 0, date="2025-09-18")
    assign_dates(ja, [visit, mou])
    assert (visit.date, mou.date) == ("2025-09", "2025-09")


def test_dating_plan_of_the_company_that_signed_on_a_day_takes_that_day() -> None:
    t = _text("Mumbai, Oct 1 (PTI) Yokohama Seiki signed an MoU with Maharashtra on Wednesday.\n\n"
              "The project will see an investment of Rs 900 crore, the chief minister said.",
              published="2025-10-02")
    deal = Event(type="agreement", participants=["Yokohama Seiki", "Maharashtra"],
                 date="2025-10-01", status="signed",
                 evidence=[Span(t.sentences[0].start, t.sentences[0].end, t.sentences[0].text)])
    plan = Event(type="investment", participants=["Maharashtra", "Yokohama Seiki"], date=None,
                 status="planned",
                 evidence=[Span(t.sentences[1].start, t.sentences[1].end, t.sentences[1].text)])
    other = Event(type="investment", participants=["Gujarat", "Denso"], date=None, status="planned",
                  evidence=[Span(t.sentences[1].start, t.sentences[1].end, t.sentences[1].text)])
    assign_dates(t, [deal, plan, other])
    assert (plan.date, other.date) == ("2025-10-01", None)


def test_dating_days_of_a_scheduled_summit_are_not_the_trip() -> None:
    t = _text("Sarma concluded his four-day visit to Singapore on Friday.\n\n"
              "He recalled the President's visit to Assam and invited him to Advantage Assam "
              "scheduled on March 25-26.\n\nHe met the President.", published="2025-03-02")
    visit = _ev(t, "visit", "completed", 0)
    meeting = _ev(t, "meeting", "completed", 2)
    assign_dates(t, [visit, meeting])
    # 25-28 February; the summit's days are no second trip that would void it
    assert (visit.date, meeting.date) == ("2025-02", "2025-02")


def test_dating_one_deal_of_a_counted_set_signed_on_a_day_takes_that_day() -> None:
    t = _text("The state on Thursday signed four MoUs with Japanese companies.\n\n"
              "The third MoU, with Kubota, provides for a tractor factory.",
              published="2026-02-12")
    four = _ev(t, "agreement", "signed", 0, date="2026-02-12")
    four.count = 4
    third = _ev(t, "agreement", "signed", 1)
    assign_dates(t, [four, third])
    assert third.date == "2026-02-12"


def test_dating_invitation_made_at_the_storys_dated_talks_takes_their_day() -> None:
    t = _text("The chief minister met the Consul General on Monday.\n\n"
              "According to a statement, he invited Japanese companies to invest in the state.",
              published="2025-11-18")
    talks = _ev(t, "meeting", "completed", 0, date="2025-11-17")
    talks.participants = ["Majhi", "Odisha", "Japan"]
    invite = _ev(t, "invitation", "announced", 1)
    invite.participants = ["Majhi", "Odisha", "Japan"]
    assign_dates(t, [talks, invite])
    assert invite.date == "2025-11-17"
