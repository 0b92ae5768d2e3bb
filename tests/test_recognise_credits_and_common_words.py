"""Recognition gates that hold on unseen wire copy: credit lines and agency sign-offs
name no actors; common words capitalised by their position are no names; names the
small model splits rejoin; programmes and zones are named by their head word."""

from __future__ import annotations

import pactwatch
from pactwatch.recognise import common_word_as_name, in_credit


def _entities(text: str, published: str = "2025-11-18") -> dict[str, dict]:
    rec = pactwatch.extract(text, published=published).to_dict()
    return {e["name"]: e for e in rec["entities"]}


def test_recognise_credit_line_names_are_not_entities() -> None:
    names = _entities(
        "OSAKA, Nov 18 (Reuters) - Japanese valve maker Kitagawa Seiki will invest 4 billion "
        "yen in a plant in Tamil Nadu, the company said on Tuesday.\n\n"
        "(Reporting by Haruto Fujimura; Editing by Marcus Doyle)\nREUTERS MR")
    assert not set(names) & {"Haruto Fujimura", "Marcus Doyle", "Reuters", "REUTERS MR"}
    assert "Tamil Nadu" in names


def test_recognise_in_credit_reads_the_cue_on_the_same_line_only() -> None:
    body = "Photo: Anil Verma/PTI\nAnil Verma, the state's secretary, met the team."
    assert in_credit(body, 7, 17, "en")
    second = body.index("Anil Verma,")
    assert not in_credit(body, second, second + 10, "en")


def test_recognise_common_words_capitalised_by_position_are_no_names() -> None:
    body = "Understanding the market took years. They signed Memorandums of Understanding."
    assert common_word_as_name(body, 0, len("Understanding"))
    start = body.rindex("Understanding")
    assert common_word_as_name(body, start, start + len("Understanding"))
    # an acronym or a name-like word is untouched
    body2 = "The index Sensex rose while IAS officers watched."
    assert not common_word_as_name(body2, body2.index("IAS"), body2.index("IAS") + 3)


def test_recognise_split_person_rejoins_and_date_is_no_person() -> None:
    names = _entities(
        "Pune, Aug 21 (PTI) Among the guests were Daisuke Horikawa, plant head of the "
        "firm, and Consul General Mori Kenta.")
    assert "Aug 21" not in names
    assert "Daisuke" not in names and "Horikawa" not in names
    assert any("Horikawa" in n for n in names)


def test_recognise_programmes_and_zones_by_head_word() -> None:
    names = _entities(
        "Ahmedabad, Nov 18 (PTI) The firm will join the Japan India Startup Hub and apply "
        "under the Semicon India Programme, and build its plant at the Sanand Vendor Park, "
        "officials said.")
    assert "Semicon India Programme" in names
    assert names["Semicon India Programme"]["type"] == "ORG"
    assert "Japan-India Startup Hub" in names
    assert any(n.startswith("Sanand") and names[n]["type"] == "PLACE" for n in names)


def test_recognise_make_in_india_is_a_programme_not_make() -> None:
    names = _entities("New Delhi, Nov 18 (PTI) Make in India has drawn Japanese carmakers, "
                      "the minister said.")
    assert "Make" not in names
    assert names["Make in India"]["type"] == "ORG"
