"""Status from the grammar of the clause that holds the trigger (Hindi and Japanese).

Sentences written here.  Each case pins one construction: an embedded non-past verb
(Japanese する + こと/と, Hindi infinitive + जा रहा) keeps the trigger's event still to
come whatever tense the matrix verb has; aspect forms that mean "running now" or "under
way" read operational or completed.
"""

from __future__ import annotations

import pytest

from pactwatch.events.status import clause_bounds, sentence_status


def _status_at(sentence: str, lang: str, word: str) -> str | None:
    return sentence_status(sentence, lang, sentence.index(word))


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        # quoted/embedded non-past: what was announced or agreed is still to come
        ("同社は新工場を建設すると発表した。", "新工場", "planned"),
        ("両社は覚書を締結することで合意した。", "覚書", "planned"),
        ("同社は100億円を投資することを決めた。", "投資", "planned"),
        ("同社は100億円を投資することを決定した。", "投資", "planned"),
        # the plan governs the trigger; the report of the plan does not
        ("同社は100億円を投資する計画を明らかにした。", "投資", "planned"),
        ("州は新たな工業団地を整備する方針を示した。", "工業団地", "planned"),
        ("日本からの投資誘致を図る。", "投資", "planned"),
        # the agreeing itself is done
        ("両社は覚書を締結することで合意した。", "合意", "signed"),
        ("両州は覚書に署名した。", "覚書", "signed"),
        # aspect: running now, visit under way
        ("新工場が稼働した。", "新工場", "operational"),
        ("新工場が稼働を開始した。", "新工場", "operational"),
        ("同社は新工場での生産を始めた。", "新工場", "operational"),
        ("知事はインドを訪問している。", "訪問", "completed"),
        # chained clauses still take the final verb
        ("知事は大臣と会談し、投資を要請した。", "会談", "completed"),
        ("新工場を建設し、来年稼働する予定だ。", "新工場", "planned"),
        # any verb's dictionary form before こと, "in the direction of", decided
        ("同社はインドに工場を設けることになった。", "工場", "planned"),
        ("覚書に署名する方向で調整している。", "覚書", "planned"),
        ("州首相は東京でセミナーを開く。", "セミナー", "planned"),
        # perfect/resultative and headline forms of signing; a headline-style meeting
        ("両社は既に覚書に合意していた。", "覚書", "signed"),
        ("両社は覚書を締結済みだ。", "覚書", "signed"),
        ("両社は合弁会社設立で合意。", "合意", "signed"),
        ("知事は大臣と会談。", "会談", "completed"),
    ],
)
def test_japanese_status_follows_governing_verb(sentence: str, word: str, expected: str) -> None:
    assert _status_at(sentence, "ja", word) == expected


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        # infinitive + जा रहा: "is going to", future although रहा looks like a past
        ("सरकार नई नीति लाने जा रही है।", "नीति", "planned"),
        ("कंपनी राज्य में संयंत्र लगाने जा रही है।", "संयंत्र", "planned"),
        # infinitive + की उम्मीद: expected
        ("इस दौरान समझौता ज्ञापन पर हस्ताक्षर किए जाने की उम्मीद है।", "समझौता", "planned"),
        # completive हो गया of starting: running now
        ("संयंत्र शुरू हो गया है।", "संयंत्र", "operational"),
        ("संयंत्र में उत्पादन शुरू हो गया।", "संयंत्र", "operational"),
        # urging is an announced invitation, not a completed act
        ("मुख्यमंत्री ने कंपनियों से निवेश करने का आग्रह किया।", "आग्रह", "announced"),
        # the done / future morphology stays as it was
        ("दोनों के बीच समझौता ज्ञापन पर हस्ताक्षर किए गए।", "समझौता", "signed"),
        ("दोनों के बीच समझौता ज्ञापन पर हस्ताक्षर किए जाएंगे।", "समझौता", "planned"),
        ("बैठक आयोजित की गई।", "बैठक", "completed"),
        ("बैठक आयोजित की जाएगी।", "बैठक", "planned"),
        ("मंत्रिमंडल ने नई औद्योगिक नीति को मंजूरी दी।", "नीति", "approved"),
        # progressive passive: being set up; decided to: still to come
        ("राज्य में प्लांट स्थापित किया जा रहा है।", "प्लांट", "planned"),
        ("कंपनी ने राज्य में निवेश करने का फैसला किया है।", "निवेश", "planned"),
        ("कंपनी ने राज्य में संयंत्र लगाने का निर्णय लिया।", "संयंत्र", "planned"),
        ("कंपनी राज्य में निवेश करने को तैयार है।", "निवेश", "intended"),
        # perfective चुका: already done; colloquial signing verbs
        ("कंपनी यहां निवेश कर चुकी है।", "निवेश", "completed"),
        ("राज्य सरकार और कंपनी के बीच एमओयू साइन हुआ।", "एमओयू", "signed"),
        ("करार पर दस्तखत किए गए।", "करार", "signed"),
    ],
)
def test_hindi_status_follows_verb_morphology(sentence: str, word: str, expected: str) -> None:
    assert _status_at(sentence, "hi", word) == expected


def test_hindi_construction_start_is_not_operation() -> None:
    sentence = "संयंत्र का निर्माण कार्य शुरू हो गया है।"
    assert _status_at(sentence, "hi", "संयंत्र") != "operational"


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        # the last auxiliary of the noun + light verb + auxiliary complex carries tense
        ("संयंत्र 2027 तक चालू हो जाएगा।", "संयंत्र", "planned"),
        ("नीति को मंजूरी दी जाएगी।", "नीति", "planned"),
        ("सरकार नई नीति की घोषणा करेगी।", "नीति", "planned"),
        ("कंपनी को जमीन आवंटित की जाएगी।", "कंपनी", "planned"),
        # no future auxiliary in the complex: the noun's own status stays
        ("नीति को मंजूरी दे दी गई है।", "नीति", "approved"),
        ("सरकार ने नई नीति की घोषणा की।", "नीति", "announced"),
        # a future in a later phrase is another verb, not this complex
        ("संयंत्र चालू है और 500 लोगों को रोजगार मिलेगा।", "संयंत्र", "operational"),
        # infinitive + की घोषणा: announced that it will do, so still to come
        ("कंपनी ने राज्य में निवेश करने की घोषणा की।", "निवेश", "planned"),
        ("प्रतिनिधिमंडल जापान की यात्रा पर आया है।", "यात्रा", "completed"),
    ],
)
def test_hindi_verb_complex_ends_in_its_tense(sentence: str, word: str, expected: str) -> None:
    assert _status_at(sentence, "hi", word) == expected


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        # past a continuative juncture, a cue in an argument is no final predicate
        ("知事は州首相と会談し、新工場を建設する計画について説明を受けた。", "会談", None),
        ("知事は州首相と会談し、投資拡大に向けた協力を確認した。", "会談", "completed"),
        ("会談では、工業団地の整備計画などについて意見を交わした。", "会談", None),
        # unless it is the trigger's own noun phrase, or ends the clause
        ("知事は投資計画について説明し、協力を求めた。", "投資", "planned"),
        ("州政府は日本企業専用の工業団地を開発する計画だ。", "工業団地", "planned"),
        ("同社はインドで事業を拡大する意向を示した。", "事業", "intended"),
        # before any juncture the trigger sits inside the argument it heads for
        ("州首相の来日や、経済交流の実現に向けた準備のため、州の代表団が来県した。", "来日", "planned"),
        # a plant at work now
        ("同社の工場は昨年から稼働しており、", "工場", "operational"),
        ("新工場では電気自動車向け部品を生産している。", "新工場", "operational"),
    ],
)
def test_japanese_argument_cue_is_no_predicate(sentence: str, word: str,
                                               expected: str | None) -> None:
    assert _status_at(sentence, "ja", word) == expected


def test_hindi_meeting_setting_takes_no_status_from_a_proposal_in_it() -> None:
    # "बैठक में ... का प्रस्ताव रखा": what was proposed at the meeting is no plan of the
    # meeting itself (a planned meeting would split from the one just told)
    sentence = "बैठक में कंपनी ने राज्य में 800 करोड़ रुपये के निवेश का प्रस्ताव रखा।"
    assert _status_at(sentence, "hi", "बैठक") in {None, "completed"}


@pytest.mark.parametrize(
    ("sentence", "lang", "word", "expected"),
    [
        ("両州は覚書を交換した。", "ja", "覚書", "signed"),
        ("知事は大臣と意見交換した。", "ja", "意見", "completed"),
        ("州首相、来月会談へ", "ja", "会談", "planned"),
        ("दोनों पक्षों के बीच समझौता ज्ञापनों का आदान-प्रदान किया गया।", "hi", "समझौता", "signed"),
        ("बैठक में विचारों का आदान-प्रदान किया गया।", "hi", "बैठक", "completed"),
        ("जापानी कंपनियां राज्य में निवेश को लेकर उत्साहित हैं।", "hi", "निवेश", "intended"),
    ],
)
def test_status_exchange_of_documents_not_of_views(sentence: str, lang: str, word: str,
                                                   expected: str | None) -> None:
    assert _status_at(sentence, lang, word) == expected


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        # humble and light-verb forms of the act (press-release style)
        ("本日、知事は州政府と覚書を締結いたしました。", "覚書", "signed"),
        ("覚書への署名を行いました。", "覚書", "signed"),
        ("覚書への署名を行います。", "覚書", "planned"),
        ("覚書を締結する運びとなりました。", "覚書", "planned"),
        # a time word before the trigger that modifies another noun is not the trigger's
        ("両者は今後の協力について協議しました。", "協議", "completed"),
        ("知事は来年の訪問を予定している。", "訪問", "planned"),
    ],
)
def test_japanese_polite_forms_and_foreign_time_words(sentence: str, word: str,
                                                      expected: str) -> None:
    assert _status_at(sentence, "ja", word) == expected


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        # a chained verb (会談し、) takes the final verb's tense; the embedded clause
        # between is an argument of that verb, not the end of the trigger's clause
        ("知事は州首相と会談し、協力を強化することで一致した。", "会談", "completed"),
        ("両首脳は会談し、投資を拡大することで合意した。", "会談", "signed"),
        ("両首脳は会談し、投資を拡大することで合意した。", "投資", "planned"),
        ("知事は会談し、新工場を建設すると発表した。", "新工場", "planned"),
        # stative である/している before こと is no plan
        ("会談で、日本が重要なパートナーであることを確認した。", "会談", "completed"),
    ],
)
def test_japanese_embedded_clause_after_chained_verb(sentence: str, word: str,
                                                     expected: str) -> None:
    assert _status_at(sentence, "ja", word) == expected


def test_embedded_break_cuts_only_without_chain_mark() -> None:
    sentence = "同社は新工場を建設することを決めた。"
    lo, hi = clause_bounds(sentence, "ja", sentence.index("新工場"))
    assert sentence[lo:hi].endswith("建設する")
    sentence = "知事は会談し、工場を建設することで一致した。"
    lo, hi = clause_bounds(sentence, "ja", sentence.index("会談"))
    assert sentence[lo:hi].endswith("一致した")


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        # the infinitive's plan belongs to its own object ...
        ("बैठक के बाद कंपनी ने राज्य में निवेश करने की घोषणा की।", "निवेश", "planned"),
        ("जापान दौरे के दौरान कंपनी ने संयंत्र लगाने का फैसला किया।", "संयंत्र", "planned"),
        # ... not to a setting cut off by के बाद / के दौरान / में / ने
        ("बैठक के बाद कंपनी ने राज्य में निवेश करने की घोषणा की।", "बैठक", "completed"),
        ("बैठक में कंपनी ने संयंत्र लगाने का फैसला किया।", "बैठक", "completed"),
        ("जापान दौरे के दौरान कंपनी ने संयंत्र लगाने का फैसला किया।", "दौरे", "completed"),
    ],
)
def test_hindi_infinitive_plan_stays_in_its_phrase(sentence: str, word: str,
                                                   expected: str) -> None:
    assert _status_at(sentence, "hi", word) == expected


def test_japanese_setting_after_trigger_is_a_juncture() -> None:
    # "会談後、…することを決めた": the talks are over; what was decided is still to come
    sentence = "会談後、同社は新工場を建設することを決めた。"
    assert _status_at(sentence, "ja", "会談") != "planned"
    assert _status_at(sentence, "ja", "新工場") == "planned"
