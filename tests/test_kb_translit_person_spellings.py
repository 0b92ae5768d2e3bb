"""A person's Devanagari name words take the English spelling people of that name write
(``translit.person_word``), where Devanagari leaves it open: the schwa Tamil, Marathi and
Japanese names keep or drop, ī as ee, औ as ou/ow, ड़ as d, श्री as Sri, a doubled vowel."""

from __future__ import annotations

import pytest

from pactwatch.kb.translit import deva_to_latin, person_word


@pytest.mark.parametrize(("deva", "latin"), [
    ("अनबलगन", "Anbalagan"),        # Tamil keeps every a
    ("वेंकटरमन", "Venkataraman"),
    ("कांबले", "Kamble"),            # Marathi drops one after a nasal
    ("गोखले", "Gokhale"),            # and keeps this one
    ("राघवेंद्र", "Raghavendra"),
    ("सौमित्र", "Soumitra"),         # Bengali ou
    ("गौड़ा", "Gowda"),               # Kannada: ड़ read as d, औ as ow
    ("श्रीनिवास", "Srinivas"),
    ("संजीव", "Sanjeev"),
    ("इइदा", "Iida"),                # Japanese doubled vowel
    ("केइची", "Keiichi"),
    ("हिमंत", "Himanta"),            # Assamese/Bengali final a after a nasal cluster
    ("संपत", "Sampath"),             # South Indian th of a final त
    ("रंगासामी", "Rangasamy"),        # -samy/-swamy
    ("सुजुकी", "Suzuki"),             # ज for a Japanese z, nukta left out
    ("मुरलीधरन", "Muraleedharan"),    # Malayalam -an names keep their a
    ("पूनम", "Poonam"),               # ū as oo, ī as ee where English copy writes them
    ("दीपिका", "Deepika"),
    ("ज़ैदी", "Zaidi"),
    ("शिवप्रसाद", "Shivprasad"),      # a compound's stem drops its a before -प्रसाद
    ("कंवलजीत", "Kanwaljit"),         # व after an anusvara before a is w
    ("कोमटिरेड्डी", "Komatireddy"),    # a one-word -reddy family name keeps its a
    ("लोढ़ा", "Lodha"),                # ढ़ read as dh
])
def test_kb_translit_person_word_takes_the_known_spelling(deva: str, latin: str) -> None:
    assert person_word(deva) == latin


def test_kb_translit_person_spelling_keeps_rules_and_geminates() -> None:
    # a reading that is itself a known spelling, or a name_words entry, stays
    assert person_word("राजीव") == "Rajiv"
    assert person_word("सिंह") == "Singh"
    # Devanagari writes a geminate consonant: it is not folded into a single one
    assert person_word("दुग्गल") == "Duggal"
    # the regional endings are tried only where they fit: नंद stays Nand, रंजन Ranjan
    assert person_word("नंद") == "Nand"
    assert person_word("रंजन") == "Ranjan"
    # unknown words keep the rules' reading; only people's names are respelt
    assert person_word("ताकायुकी") == "Takayuki"
    assert deva_to_latin("कांबले") == "Kambale"
    assert deva_to_latin("एन. वेंकटरमन", person=True) == "N. Venkataraman"


def test_kb_translit_arab_names_take_gulf_spellings() -> None:
    assert deva_to_latin("थानी बिन अहमद अल जायौदी", person=True) == "Thani Bin Ahmed Al Zeyoudi"
    assert deva_to_latin("शेख हमदान बिन जायद", person=True) == "Sheikh Hamdan Bin Zayed"
    assert deva_to_latin("फातिमा बिंत मुबारक", person=True) == "Fatima Bint Mubarak"
    # without a particle a name is read as an Indian one ("अहमद पटेल" Ahmad Patel)
    assert deva_to_latin("अहमद पटेल", person=True) == "Ahmad Patel"


def test_kb_translit_japanese_names_in_hindi_copy() -> None:
    # फ is f, इयो is io, ज is z without its nukta, and letter names that are a known
    # name's syllables are the name ("यूजी" is Yuji, not the initials UG)
    assert deva_to_latin("फुमिओ किशिदा", person=True) == "Fumio Kishida"
    assert deva_to_latin("अकियो तोयोदा", person=True) == "Akio Toyoda"
    assert deva_to_latin("हिरोकाजु मात्सुनो", person=True) == "Hirokazu Matsuno"
    assert deva_to_latin("यूजी मुतो", person=True) == "Yuji Muto"
    # initials stay initials where no name reads so
    assert deva_to_latin("एमबी पाटिल", person=True) == "MB Patil"
    assert deva_to_latin("पीके मिश्रा", person=True) == "PK Mishra"


def test_kb_translit_initials_first_mark_a_south_indian_name() -> None:
    # initials before the name: the medial a stays (Hindi would read Balgopal, Vijyanand)
    assert deva_to_latin("के. एन. बालगोपाल", person=True) == "K. N. Balagopal"
    assert deva_to_latin("के. विजयानंद", person=True) == "K. Vijayanand"
    assert deva_to_latin("एच. डी. कुमारस्वामी", person=True) == "H. D. Kumaraswamy"
    # a North Indian name with initials keeps its known spelling
    assert deva_to_latin("ए. के. शर्मा", person=True) == "A. K. Sharma"
    assert deva_to_latin("के. पी. मौर्य", person=True) == "K. P. Maurya"
    assert deva_to_latin("बालगोपाल", person=True) == "Balgopal"


def test_kb_translit_eastern_given_names_take_their_regions_spelling() -> None:
    # before an Odia family name: श as s, व as b, ऋ as ru (the spellings Odisha's own
    # English press uses: Sudarsan, Bijay, Krushna, Pruthviraj)
    assert deva_to_latin("सुदर्शन पटनायक", person=True) == "Sudarsan Patnaik"
    assert deva_to_latin("विजय महापात्र", person=True) == "Bijay Mahapatra"
    assert deva_to_latin("पृथ्वीराज हरिचंदन", person=True) == "Pruthviraj Harichandan"
    # before a Bengali one: every a kept, but श stays sh (Mamata, Debashish)
    assert deva_to_latin("ममता बनर्जी", person=True) == "Mamata Banerjee"
    assert deva_to_latin("देबाशीष चटर्जी", person=True) == "Debashish Chatterjee"
    # elsewhere Hindi's reading stays: Sudarshan, Vijay, Mamta
    assert deva_to_latin("सुदर्शन शर्मा", person=True) == "Sudarshan Sharma"
    assert deva_to_latin("विजय पटेल", person=True) == "Vijay Patel"
    assert person_word("ममता") == "Mamta"
    # a final ी is y where that is the family name's known spelling (Mohanty, Ganguly)
    assert person_word("मोहंती") == "Mohanty"
    assert person_word("गांगुली") == "Ganguly"
