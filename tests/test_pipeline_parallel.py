"""Worker processes give the same records, in input order, as one process."""

from __future__ import annotations

from pactwatch.pipeline import ExtractError, Extractor
from pactwatch.read.base import Document

TEXTS = [
    "Chennai, Mar 4 (PTI) The Tamil Nadu government on Tuesday signed three MoUs with "
    "Japanese companies worth Rs 300 crore.",
    "टोक्यो, 5 मार्च (भाषा) उत्तर प्रदेश के मुख्यमंत्री योगी आदित्यनाथ ने जापानी कंपनियों को "
    "राज्य में निवेश के लिए आमंत्रित किया।",
    "",  # an empty body comes back in its place (a record or an error), not lost
    "Osaka, Mar 6 (PTI) Haryana Chief Minister Nayab Singh Saini met executives of Toyota "
    "in Osaka on Thursday.",
] * 5


def test_pipeline_parallel_matches_serial_in_order() -> None:
    ex = Extractor()
    docs = [Document(doc=f"d{i}", text=t, published="2025-03-06") for i, t in enumerate(TEXTS)]
    serial = list(ex.extract_documents(docs, jobs=1))
    parallel = list(ex.extract_documents(docs, jobs=2))
    assert len(serial) == len(parallel) == len(TEXTS)

    def key(r: object) -> object:
        return ("error", r.item) if isinstance(r, ExtractError) else r.to_dict()  # type: ignore[attr-defined]

    assert [key(r) for r in parallel] == [key(r) for r in serial]
    assert [getattr(r, "doc", getattr(r, "item", None)) for r in parallel] == [
        d.doc for d in docs]
