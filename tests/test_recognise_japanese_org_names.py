"""Japanese organisations by the head noun that ends their name: unknown companies with
their legal form, banks and universities the model mislabels, a KB company grown into
its unit, and the kinds of company that are no names."""

from __future__ import annotations

import pactwatch


def _ents(text: str) -> dict[str, dict]:
    rec = pactwatch.extract(text, published="2025-10-21", lang="ja").to_dict()
    return {e["name"]: e for e in rec["entities"]}


def test_unknown_companies_keep_their_reading_without_legal_form() -> None:
    ents = _ents("山陽化成工業株式会社と株式会社タカハシ製作所はインドへの投資を表明した。")
    assert "Sanyo Kasei Kogyo" in ents
    assert "Takahashi Seisakusho" in ents
    assert not any("Kabushiki" in n for n in ents)


def test_heads_with_an_english_word() -> None:
    # GiNZA labels 紀陽銀行 a person here and finds no 早稲田大学 entity of its own kind
    ents = _ents("紀陽銀行と早稲田大学、北陸電機製作所がインドの企業と協力する。")
    assert ents["Kiyo Bank"]["type"] == "ORG"
    assert ents["Waseda University"]["kind"] == "university"
    assert "Hokuriku Denki Seisakusho" in ents
    assert not any("Inada" in n for n in ents)  # 稲田 inside 早稲田 is no place


def test_kb_company_grown_into_its_unit() -> None:
    ents = _ents("キャピタランド・ジャパンとトヨタ自動車が参加した。")
    assert "CapitaLand Japan" in ents
    assert "Toyota Motor Corporation" in ents  # the grown name the KB knows


def test_kinds_of_company_are_no_names() -> None:
    ents = _ents("地方銀行や化成工業の企業、零細・中規模産業への支援を拡充する。")
    assert not [n for n, e in ents.items() if e["type"] == "ORG"], ents


def test_katakana_subsidiary_spelt_as_its_parent() -> None:
    ents = _ents("北陸電装株式会社は新工場を建設する。インド子会社のホクリクデンソウ・インディアが運営する。")
    assert "Hokuriku Denso" in ents  # its own company, not a short form of the subsidiary
    assert "Hokuriku Denso India" in ents


def test_place_and_direction_is_a_region_not_a_company() -> None:
    # after a date line GiNZA labels インド西部 a company
    ents = _ents("2025年11月27日\nインド西部マハラシュトラ州政府は11月25日、新たな産業投資政策を発表した。")
    assert not any(n.startswith("Indo") for n in ents), ents


def test_company_site_named_after_its_place() -> None:
    ents = _ents("一行は東京エレクトロン韮崎事業所とトヨタ新工場を視察した。")
    assert ents["Tokyo Electron Nirasaki Office"]["type"] == "PLACE"
    assert ents["Tokyo Electron Nirasaki Office"]["kind"] == "plant"
    assert any(n.startswith("Tokyo Electron") and e["type"] == "ORG" for n, e in ents.items())
    assert not any("Shin" in n for n in ents)  # "新工場" names no place


def test_organisation_named_in_english_with_its_place() -> None:
    ents = _ents("バンコク日本人商工会議所によると、会員企業は増えている。")
    assert "Bangkok Japanese Chamber of Commerce and Industry" in ents
    assert ents["Bangkok Japanese Chamber of Commerce and Industry"]["kind"] == "chamber"


def test_institution_named_after_a_place_is_in_its_country() -> None:
    rec = pactwatch.extract("兵庫県の斎藤元彦知事はグジャラート州のパテル州首相と覚書に署名した。"
                            "また、神戸大学はグジャラート大学と学術交流協定を締結した。",
                            published="2025-12-04", lang="ja").to_dict()
    country = {e["name"]: e["country"] for e in rec["entities"]}
    assert country["Kobe University"] == "JP"
    assert country["Gujarat University"] == "IN"
    # the universities' agreement is their own, not the governments'
    agreements = [set(e["participants"]) for e in rec["events"] if e["type"] == "agreement"]
    assert {"Kobe University", "Gujarat University"} in agreements
