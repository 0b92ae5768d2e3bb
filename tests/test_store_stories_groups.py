"""Stories: a company named only by its group's name is any company of the group.

"Mitsubishi's new factory" names the group; the linker has to pick one of its companies
(Mitsubishi Corporation, Mitsubishi Electric), and two reports of one plant must not
end apart because one of them wrote only "Mitsubishi".  Invented records for these tests.
"""

from __future__ import annotations

from pactwatch.store.stories import (
    THRESHOLD,
    link_articles,
    mention_from_record,
    pair_evidence,
    related,
    same_entity,
)


def company(eid: str, name: str, *written: str) -> dict:
    return {"id": eid, "name": name, "type": "ORG", "kind": "company",
            "mentions": [{"start": 0, "end": len(w), "text": w} for w in written]}


PLACES = [{"id": "in-state:TN", "name": "Tamil Nadu", "mentions": []},
          {"id": "in-city:1264527", "name": "Chennai", "mentions": []}]


def plant(doc: str, firm: dict, text: str, published: str = "2023-05-09") -> dict:
    return {"schema": "article/1", "doc": doc, "lang": "en", "published": published,
            "entities": [firm, *PLACES],
            "events": [{"type": "facility", "participants": [firm["name"], "Chennai",
                                                              "Tamil Nadu"],
                        "place": "Chennai", "date": None, "status": "planned",
                        "sectors": [], "amount": None, "jobs": None, "count": None,
                        "evidence": [{"start": 0, "end": len(text), "text": text}]}]}


BARE = plant("bare", company("co:mitsubishi-corporation", "Mitsubishi Corporation",
                             "Mitsubishi", "Mitsubishi"),
             "Work began on Mitsubishi's new elevator factory outside Sriperumbudur.")
FULL = plant("full", company("co:mitsubishi-electric", "Mitsubishi Electric Corporation",
                             "Mitsubishi Electric"),
             "Mitsubishi Electric will make elevators at Sriperumbudur from next year.")
OTHER = plant("other", company("co:daikin", "Daikin Industries", "Daikin Industries", "Daikin"),
              "Daikin will make heat pumps at Sriperumbudur from next year.")


def test_store_stories_a_bare_group_name_is_kept_as_the_group() -> None:
    assert "group:mitsubishi" in mention_from_record(BARE, 0, "bare").participants
    full = mention_from_record(FULL, 0, "full").participants
    assert "co:mitsubishi-electric" in full and not any(p.startswith("group:") for p in full)
    # written in full once, the company is known, whatever the short mentions
    assert "co:daikin" in mention_from_record(OTHER, 0, "other").participants


def test_store_stories_a_group_is_each_of_its_companies() -> None:
    assert same_entity("group:mitsubishi", "co:mitsubishi-electric")
    assert same_entity("co:mitsubishi-corporation", "group:mitsubishi")
    assert not same_entity("group:mitsubishi", "co:daikin")
    assert not same_entity("co:mitsubishi-corporation", "co:mitsubishi-electric")
    # Maruti Suzuki belongs to the Suzuki group through its parent, Suzuki Motor
    assert related("group:suzuki", "co:maruti-suzuki")
    assert not related("group:suzuki", "co:daikin")


def test_store_stories_one_plant_named_by_group_and_by_company_is_one_story() -> None:
    bare, full, other = (mention_from_record(r, 0, r["doc"]) for r in (BARE, FULL, OTHER))
    ev = pair_evidence(bare, None, full, None)
    assert ev is not None and ev.score >= THRESHOLD and ev.strong
    assert [x.kind for x in link_articles([bare], [None], [full], [None])] == ["direct"]
    assert link_articles([full], [None], [other], [None]) == []
    assert link_articles([bare], [None], [other], [None]) == []
