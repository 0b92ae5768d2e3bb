"""``Extractor.warm`` builds, before ``extract -j N`` or a Dask fork server forks its
workers, what each language otherwise builds on its first article in every worker: both
models, and the name indexes the Hindi and Japanese rules read."""

from __future__ import annotations

from pactwatch import recognise
from pactwatch.kb import translit
from pactwatch.pipeline import Extractor


def test_pipeline_warm_builds_the_first_use_indexes() -> None:
    # as in a fresh worker: nothing read yet (earlier tests may have filled these)
    translit._name_spellings.cache_clear()
    translit.person_word.cache_clear()
    recognise._SOUND_INDEX.clear()
    ex = Extractor()
    ex.warm()
    assert translit._name_spellings.cache_info().currsize == 1  # Hindi person spellings
    assert recognise._SOUND_INDEX  # katakana names by sound
    assert recognise.english_nlp.cache_info().currsize == 1
    assert recognise.japanese_nlp.cache_info().currsize == 1


def test_pipeline_warm_changes_no_record() -> None:
    text = "Tokyo, May 2: Kyoto Demo Ceramics will open a plant in Andhra Pradesh."
    cold = Extractor().extract(text, doc="a").to_dict()
    ex = Extractor()
    ex.warm()
    assert ex.extract(text, doc="a").to_dict() == cold
