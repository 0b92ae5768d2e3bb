"""Plausible off-topic news, generated: the bulk of a day's feed that the cascade must
send out cheaply (sport, crime, weather, cinema, health, science, city life, exams).

Every sentence is written here from templates and word lists of our own (no article text
from anywhere); a seeded ``random.Random`` makes a run repeatable.  Articles name real
Indian and Japanese places and use everyday words (police, match, rain, minister now
and then), as real off-topic news does, so the cascade's pass rate on them is honest.
"""

from __future__ import annotations

import random

CITIES = ["Mumbai", "Chennai", "Kolkata", "Pune", "Jaipur", "Lucknow", "Kochi", "Indore",
          "Nagpur", "Patna", "Bhopal", "Surat", "Osaka", "Sapporo", "Fukuoka", "Kobe",
          "Guwahati", "Dehradun", "Ranchi", "Mysuru"]
PEOPLE = ["Ravi Menon", "Anita Desai", "Sunil Kumar", "Priya Nair", "Arjun Rao",
          "Kavita Joshi", "Rahul Verma", "Meera Iyer", "Kenji Sato", "Yuki Tanaka",
          "Imran Sheikh", "Deepa Pillai", "Vikram Singh", "Neha Gupta"]
TEAMS = ["Mumbai Mariners", "Chennai Chargers", "Kolkata Comets", "Pune Panthers",
         "Jaipur Jaguars", "Lucknow Lancers", "Kochi Kites", "Osaka Owls"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# each topic: an opening, then sentences drawn at random; {city}, {person}, {team},
# {team2}, {day}, {n}, {m} are filled per sentence
TOPICS: dict[str, tuple[list[str], list[str]]] = {
    "sport": (
        ["{team} beat {team2} by {n} runs at the {city} stadium on {day}."],
        ["Opener {person} made {m} off {n} balls before falling to a sharp catch at slip.",
         "The bowlers kept the chase in check, taking {n} wickets for {m} runs in the last ten overs.",
         "Captain {person} said the pitch slowed down in the second innings.",
         "The coach praised the young squad for holding its nerve in the final over.",
         "Fans filled the stands despite the heat, and the gates opened two hours early.",
         "The win lifts {team} to second place in the points table with {n} matches left.",
         "{person} was named player of the match for a brisk fifty and two catches.",
         "The next fixture is against {team2} in {city} on {day} evening.",
         "Rain delayed the toss by forty minutes but the full quota of overs was played.",
         "The hockey team also won its group game, scoring {n} goals in the second half.",
         "Selectors will name the squad for the tournament later this month.",
         "The medal tally at the national games now stands at {m} for the host state."]),
    "crime": (
        ["Police in {city} arrested {n} people on {day} in connection with a string of "
         "chain-snatching cases."],
        ["The accused were produced before a magistrate and sent to judicial custody.",
         "Officers said the gang targeted elderly women walking alone in the evening.",
         "An FIR was registered on the complaint of {person}, a resident of the old city.",
         "CCTV footage from {n} cameras helped investigators trace the two-wheeler.",
         "Stolen jewellery worth about {m} thousand was recovered from a rented room.",
         "The station house officer said more arrests were likely in the coming days.",
         "Residents have asked for more night patrols near the bus stand.",
         "A separate case of cheating was booked after a caller posed as a bank employee.",
         "The victim lost money after sharing a one-time password over the phone.",
         "Police urged people not to share personal details with unknown callers."]),
    "weather": (
        ["Heavy rain lashed {city} for the third day on {day}, flooding low-lying roads."],
        ["The weather office recorded {m} mm of rainfall in twenty-four hours.",
         "Schools in the district stayed shut as a precaution.",
         "Traffic crawled on the main arterial roads through the morning.",
         "Forecasters expect the showers to ease by the weekend as the low-pressure area "
         "weakens.",
         "An orange alert remains in place for the coastal districts.",
         "Temperatures dipped to {n} degrees Celsius, the lowest this season.",
         "Fishermen were advised not to venture into the sea until further notice.",
         "Civic workers cleared fallen trees from {n} spots across the city.",
         "Farmers said the rain would help the sowing of the winter crop."]),
    "cinema": (
        ["The new film starring {person} opened to packed halls in {city} on {day}."],
        ["Critics praised the music and the cinematography but found the second half long.",
         "The director said the story was inspired by his childhood in a small town.",
         "Advance bookings crossed {m} thousand tickets on the first day.",
         "The lead actor thanked fans at a screening on {day} night.",
         "A song from the film has trended online for a week.",
         "The film will be released on a streaming platform after eight weeks.",
         "{person} plays a schoolteacher who takes on a local bully.",
         "The sequel is already being written, the producer said."]),
    "health": (
        ["Doctors in {city} have reported a rise in dengue cases this month."],
        ["The district hospital has set aside {n} beds for fever patients.",
         "Health workers are spraying larvicide in areas with stagnant water.",
         "People should use mosquito nets and keep water containers covered, doctors said.",
         "Most patients recover with rest and fluids, according to {person}, a physician.",
         "A free check-up camp will be held at the community hall on {day}.",
         "The number of cases this week stood at {m}, up from last week.",
         "Hospitals have been asked to report every case within a day."]),
    "science": (
        ["Astronomers at an observatory near {city} have spotted a comet that will be "
         "visible to the naked eye next month."],
        ["The comet will be best seen just before dawn, low in the eastern sky.",
         "{person}, who leads the team, said it last passed close to the Sun centuries ago.",
         "Amateur sky-watchers are planning viewing sessions on {day}.",
         "The tail is expected to grow as the comet nears the Sun.",
         "Students from {n} schools will visit the observatory during the week.",
         "A telescope workshop will be held at the planetarium."]),
    "city": (
        ["The civic body in {city} will close the old flyover for repairs from {day}."],
        ["Buses will be diverted through the ring road for about {n} weeks.",
         "Residents complained about the long detour to the railway station.",
         "The water supply will be cut in {n} wards on {day} for pipeline work.",
         "A new park with a walking track opened near the lake.",
         "Street lights were replaced with LED lamps on {m} roads.",
         "The corporation has asked shopkeepers to keep footpaths clear.",
         "Garbage collection timings will change from next week."]),
    "exams": (
        ["Results of the state board's class 12 examinations were declared on {day}."],
        ["The pass percentage rose to {n} per cent, up from last year.",
         "Girls outperformed boys in every district.",
         "{person} of {city} topped the science stream with {m} marks.",
         "Students can check their scores on the board's website from noon.",
         "Re-evaluation requests can be filed within two weeks.",
         "Teachers credited extra classes held during the winter break.",
         "Supplementary examinations will be held in July."]),
}

# sentences that use words a partnership report also uses (minister, crore, company):
# real off-topic news has them now and then, so one in ten articles gets one
OFFICIAL = ["Chief Minister {person} reviewed the situation at a meeting on {day}.",
            "The film has earned about {m} crore rupees at the box office so far.",
            "The franchise is owned by a {city}-based company that also runs a hotel chain.",
            "The state health minister visited the district hospital on {day}.",
            "The project, estimated to cost {n} crore rupees, is funded by the state.",
            "A private company has been hired to run the new parking lot."]

HINDI = (["{city} में {day} को भारी बारिश हुई और कई सड़कों पर पानी भर गया।",
          "मौसम विभाग ने अगले दो दिन तक बारिश का अनुमान जताया है।",
          "स्कूलों में छुट्टी घोषित कर दी गई है।",
          "शहर के कई इलाकों में बिजली गुल रही।",
          "लोगों को घरों में रहने की सलाह दी गई है।",
          "किसानों ने कहा कि बारिश से फसल को फायदा होगा।",
          "नगर निगम की टीमें पानी निकालने में जुटी हैं।"])
JAPANESE = (["{day}、{city}では朝から強い雨が降り、道路の一部が冠水した。",
             "気象台によると、雨は週末まで続く見込みだという。",
             "市内の小学校は臨時休校となった。",
             "住民には不要な外出を控えるよう呼びかけている。",
             "列車の一部に遅れが出た。",
             "桜の開花は例年より遅れる見通しだ。"])


def offtopic_article(rng: random.Random, words: tuple[int, int] = (400, 800)) -> tuple[str, str]:
    """One off-topic article (title, text) of about ``words`` words, mostly English;
    one in ten is a Hindi or Japanese weather report."""
    def fill(t: str) -> str:
        team, team2 = rng.sample(TEAMS, 2)
        return t.format(city=rng.choice(CITIES), person=rng.choice(PEOPLE), team=team,
                        team2=team2, day=rng.choice(DAYS), n=rng.randint(2, 60),
                        m=rng.randint(61, 990))
    target = rng.randint(*words)
    r = rng.random()
    if r < 0.05:
        sents, sep, count = HINDI, " ", lambda s: len(s.split())
    elif r < 0.1:
        sents, sep, count = JAPANESE, "", lambda s: len(s) // 2
    else:
        topic = rng.choice(sorted(TOPICS))
        first, rest = TOPICS[topic]
        sents, sep, count = rest, " ", lambda s: len(s.split())
        body = [fill(rng.choice(first))]
        title = body[0].split(",")[0].rstrip(".")
        while sum(count(s) for s in body) < target:
            para = [fill(rng.choice(rest)) for _ in range(rng.randint(2, 4))]
            body.append(sep.join(para))
        if rng.random() < 0.1:
            body.insert(rng.randint(1, len(body)), fill(rng.choice(OFFICIAL)))
        return title, "\n\n".join(body)
    body = []
    while sum(count(s) for s in body) < target:
        body.append(sep.join(fill(rng.choice(sents)) for _ in range(rng.randint(2, 4))))
    return fill(sents[0])[:30], "\n\n".join(body)


def overlapping_reports(happenings: int, per_happening: int = 4) -> list[dict]:
    """Article records: ``per_happening`` reports (other outlets, other wording) of each of
    ``happenings`` happenings.  Happenings share their companies and states (so writers
    contend for the same story keys) but lie 200 days apart (so which reports are one
    story does not depend on the order they arrive in): a correct store has exactly one
    story per happening, whatever the number or order of writers."""
    import datetime as dt

    from pactwatch.store.synthetic import COMPANIES, STATES, STATUS, TYPES

    out = []
    for h in range(happenings):
        day = (dt.date(2001, 1, 1) + dt.timedelta(days=200 * h)).isoformat()
        typ = TYPES[h % len(TYPES)]
        cid, c_en = COMPANIES[h % 3][:2]
        sid, s_en = STATES[h % 2][:2]
        for r in range(per_happening):
            body = (f"Report {r} on happening {h}: {c_en} and the {s_en} government "
                    f"({typ}) on {day}, as outlet {r} tells it.")
            out.append({
                "schema": "article/1", "doc": f"h{h:04d}-r{r}", "lang": "en",
                "published": day, "dateline": None, "relevant": True,
                "title": f"{c_en} in {s_en} ({h}/{r})",
                "url": f"https://outlet{r}.example/news/{h}",
                "entities": [
                    {"id": cid, "name": c_en, "type": "ORG", "kind": "company",
                     "country": "JP", "titles": [], "mentions": []},
                    {"id": sid, "name": s_en, "type": "PLACE", "kind": "state",
                     "country": "IN", "titles": [], "mentions": []}],
                "events": [{"type": typ, "participants": [c_en, s_en], "place": s_en,
                            "date": day, "status": STATUS[typ], "sectors": [],
                            "amount": None, "jobs": None, "count": None,
                            "evidence": [{"start": 0, "end": len(body), "text": body}]}],
                "figures": [], "body": body,
            })
    return out
