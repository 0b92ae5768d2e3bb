"""The article record of ``shared/eval/CONTRACT.md``, typed.

Every stage after reading produces or fills these classes; ``Article.to_dict`` is the
one place that decides the JSON shape, so the store, the exports and ``score.py`` all see
the same record.  Two extensions beyond the contract are written because the store needs
them and the scorer ignores them: ``title``/``url`` on the article and ``id`` (the
knowledge-base id, or ``name:<slug>`` for names the KB lacks) on each entity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "article/1"

EntityType = Literal["PERSON", "ORG", "PLACE"]
EVENT_TYPES = ("visit", "meeting", "agreement", "investment", "invitation", "policy", "facility")
STATUSES = (
    "planned", "intended", "signed", "announced", "approved", "completed", "operational",
    "negated",
)
SECTORS = (
    "automotive", "auto_components", "electric_vehicles", "batteries", "green_hydrogen",
    "renewable_energy", "energy", "semiconductors", "electronics", "precision_manufacturing",
    "manufacturing", "machinery", "steel", "chemicals", "textiles", "food_processing",
    "agriculture", "infrastructure", "urban_development", "transport", "water", "logistics",
    "it_services", "data_centres", "startups", "healthcare", "pharmaceuticals",
    "skills_education", "tourism", "aerospace_defence", "real_estate", "finance",
    "research_development", "culture",
)


@dataclass(slots=True)
class Span:
    """A stretch of the article body: ``body[start:end] == text``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Sentence(Span):
    """A sentence of the body, with the paragraph it belongs to (for neighbour search)."""

    index: int = 0
    paragraph: int = 0


@dataclass(slots=True)
class Dateline:
    place: str | None
    agencies: list[str] = field(default_factory=list)
    span: Span | None = None  # where the dateline stands in the body, if it does

    def to_dict(self) -> dict[str, Any]:
        return {"place": self.place, "agencies": list(self.agencies)}


@dataclass(slots=True)
class Entity:
    """One real-world thing the article names, with every place it is named."""

    id: str
    name: str
    type: EntityType
    kind: str
    country: str | None = None
    titles: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "kind": self.kind,
            "country": self.country,
            "titles": list(self.titles),
            "mentions": [m.to_dict() for m in sorted(self.mentions, key=lambda m: m.start)],
        }


@dataclass(slots=True)
class Amount:
    value: float
    currency: str

    def to_dict(self) -> dict[str, Any]:
        v = self.value
        return {"value": int(v) if float(v).is_integer() else v, "currency": self.currency}


@dataclass(slots=True)
class Event:
    type: str
    participants: list[str] = field(default_factory=list)
    place: str | None = None
    date: str | None = None
    status: str = "announced"
    sectors: list[str] = field(default_factory=list)
    amount: Amount | None = None
    jobs: int | None = None
    count: int | None = None
    evidence: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "participants": list(self.participants),
            "place": self.place,
            "date": self.date,
            "status": self.status,
            "sectors": list(self.sectors),
            "amount": self.amount.to_dict() if self.amount else None,
            "jobs": self.jobs,
            "count": self.count,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(slots=True)
class Figure:
    value: float
    unit: str
    about: str

    def to_dict(self) -> dict[str, Any]:
        v = self.value
        return {"value": int(v) if float(v).is_integer() else v, "unit": self.unit,
                "about": self.about}


@dataclass(slots=True)
class Article:
    """The article record.  ``body`` is kept for evidence and the store, not serialised."""

    doc: str
    lang: str
    body: str
    published: str | None = None
    dateline: Dateline | None = None
    title: str | None = None
    url: str | None = None
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def relevant(self) -> bool:
        """True exactly when an event was found (CONTRACT.md)."""
        return bool(self.events)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "doc": self.doc,
            "lang": self.lang,
            "published": self.published,
            "dateline": self.dateline.to_dict() if self.dateline else None,
            "relevant": self.relevant,
            "title": self.title,
            "url": self.url,
            "entities": [e.to_dict() for e in self.entities],
            "events": [e.to_dict() for e in self.events],
            "figures": [f.to_dict() for f in self.figures],
        }


@dataclass(slots=True)
class ExtractError:
    """An item that was read but could not be extracted: reported, never fatal.

    It lives beside the record, not in the pipeline, so that every stage that yields
    records or errors (the cascade, Dask partitions, the watchers) can name it without
    importing the extractor."""

    item: str
    reason: str

    def __str__(self) -> str:
        return f"{self.item}: {self.reason}"
