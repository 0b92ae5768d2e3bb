"""The fast YAML reader gives exactly what PyYAML's Python parser gives, file by file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import pactwatch
from pactwatch import yamlload

PACKAGE = Path(pactwatch.__file__).parent
FILES = sorted(p for ext in ("*.yaml", "*.yml") for p in PACKAGE.rglob(ext))


def test_yamlload_reads_the_packaged_files() -> None:
    assert len(FILES) >= 20  # lang, events, kb, scale, serve data


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_yamlload_same_objects(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    slow = yaml.load(text, Loader=yaml.SafeLoader)
    fast = yamlload.safe_load(text)
    assert fast == slow
    assert repr(fast) == repr(slow)  # same types too (1 vs 1.0 vs True, key order)


def test_yamlload_uses_libyaml_when_pyyaml_has_it() -> None:
    if not yaml.__with_libyaml__:
        pytest.skip("PyYAML built without libyaml: the Python parser is the only one")
    assert yamlload._LOADER is yaml.CSafeLoader


def test_yamlload_is_safe() -> None:
    with pytest.raises(yaml.YAMLError):
        yamlload.safe_load("!!python/object/apply:os.system ['true']")
