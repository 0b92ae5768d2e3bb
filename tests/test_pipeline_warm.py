"""``Extractor.warm`` builds, before ``extract -j N`` or a Dask fork server forks its
workers, what each language otherwise builds on its first article in every worker: both
models, and the name indexes the Hindi and Japanese rules read."""

from __future__ import annotations

import subprocess
import sys

from pactwatch.pipeline import Extractor


def test_pipeline_warm_builds_the_first_use_indexes() -> None:
    """In a fresh interpreter, as a forked worker's parent is: the caches of this test
    process were filled by earlier tests."""
    code = ("from pactwatch.pipeline import Extractor\n"
            "from pactwatch import recognise\n"
            "from pactwatch.kb import translit\n"
            "Extractor().warm()\n"
            "print(translit._name_spellings.cache_info().currsize, bool(recognise._SOUND_INDEX),"
            " recognise.english_nlp.cache_info().currsize,"
            " recognise.japanese_nlp.cache_info().currsize)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    # Hindi person spellings, katakana names by sound, both models
    assert out == ["1", "True", "1", "1"]


def test_pipeline_warm_changes_no_record() -> None:
    text = "Tokyo, May 2: Kyoto Demo Ceramics will open a plant in Andhra Pradesh."
    cold = Extractor().extract(text, doc="a").to_dict()
    ex = Extractor()
    ex.warm()
    assert ex.extract(text, doc="a").to_dict() == cold
