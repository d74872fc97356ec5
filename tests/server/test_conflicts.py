"""Conflicts per docs/sync.md: a scalar edit on a stale base wins by arrival and the
value it replaced goes back to the laptop; long texts are merged three-way and both
sides' words always stay; two laptops creating the same one-per-parent row converge."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kamdesk.server.merge import conflict_block, merge_texts, resolve_text, short_name
from kamdesk.sync.protocol import Outcome
from tests.server.sync_office import Laptop, Office

HISTORY = "Клиент с 2019 года.\nЗакупки через тендеры.\nГлавврач сменился в 2024.\n"


@pytest.fixture
def office(office_url: str) -> Iterator[Office]:
    made = Office(office_url)
    yield made
    made.close()


@pytest.fixture
def laptops(office: Office) -> tuple[Laptop, Laptop, uuid.UUID]:
    """Anna's two laptops and an account with a dossier both have pulled."""
    anna = office.user("Иванова Анна Сергеевна")
    one, two = office.laptop(anna), office.laptop(anna)
    account_id, dossier_id = uuid.uuid4(), uuid.uuid4()
    office.push(
        one,
        one.change("accounts", account_id, "insert", {"name": "ОКБ", "status": "active"}),
        one.change(
            "account_dossiers",
            dossier_id,
            "insert",
            {"account_id": account_id.hex, "history": HISTORY, "plans": ""},
        ),
    )
    return one, two, dossier_id


def edit_history(laptop: Laptop, dossier_id: uuid.UUID, text: str) -> object:
    return laptop.change(
        "account_dossiers", dossier_id, "update", {"history": text}, {"history": HISTORY}
    )


def test_edits_of_different_lines_merge_cleanly(
    office: Office, laptops: tuple[Laptop, Laptop, uuid.UUID]
) -> None:
    one, two, dossier_id = laptops
    office.push(one, edit_history(one, dossier_id, HISTORY.replace("2019", "2018")))  # type: ignore[arg-type]
    answer = office.push(
        two,
        edit_history(two, dossier_id, HISTORY + "Бюджет утверждают в марте.\n"),  # type: ignore[arg-type]
    )
    outcome = answer.outcomes[0]
    assert outcome.outcome is Outcome.MERGED
    assert [note.kind for note in outcome.notes] == ["text_merged"]
    merged = office.data("account_dossiers", dossier_id)["history"]  # type: ignore[index]
    assert merged == HISTORY.replace("2019", "2018") + "Бюджет утверждают в марте.\n"


def test_edits_of_the_same_line_keep_both_sides_words(
    office: Office, laptops: tuple[Laptop, Laptop, uuid.UUID]
) -> None:
    one, two, dossier_id = laptops
    office.push(one, edit_history(one, dossier_id, HISTORY.replace("тендеры", "аукционы 44-ФЗ")))  # type: ignore[arg-type]
    answer = office.push(
        two,
        edit_history(two, dossier_id, HISTORY.replace("тендеры", "прямые договоры")),  # type: ignore[arg-type]
    )
    outcome = answer.outcomes[0]
    assert outcome.outcome is Outcome.MERGED
    note = outcome.notes[0]
    assert note.kind == "text_conflict"
    assert note.by.startswith("Иванова А. С., ")  # the office's text came from laptop one
    text = office.data("account_dossiers", dossier_id)["history"]  # type: ignore[index]
    assert "аукционы 44-ФЗ" in text and "прямые договоры" in text
    assert f"--- Конфликтующая версия (Иванова А. С., {two.caller.laptop_code}, " in text
    assert note.result == text
    # Every text submitted was kept before merging, whatever became of it.
    assert office.texts(dossier_id, "history") == [
        HISTORY,
        HISTORY.replace("тендеры", "аукционы 44-ФЗ"),
        HISTORY.replace("тендеры", "прямые договоры"),
    ]


def test_a_scalar_on_a_stale_base_wins_by_arrival_and_returns_what_it_replaced(
    office: Office,
) -> None:
    anna, boris_id = office.user("Иванова Анна Сергеевна"), None
    del boris_id
    one, two = office.laptop(anna), office.laptop(anna)
    account_id = uuid.uuid4()
    office.push(one, one.change("accounts", account_id, "insert", {"name": "ОКБ", "phone": "1"}))
    office.push(one, one.change("accounts", account_id, "update", {"phone": "22"}, {"phone": "1"}))
    clean = two.change(
        "accounts", account_id, "update", {"name": "ОКБ им. Петрова"}, {"name": "ОКБ"}
    )
    stale = two.change("accounts", account_id, "update", {"phone": "333"}, {"phone": "1"})
    answer = office.push(two, clean, stale)
    assert answer.outcomes[0].outcome is Outcome.APPLIED
    assert answer.outcomes[1].outcome is Outcome.MERGED
    note = answer.outcomes[1].notes[0]
    assert (note.field, note.kind, note.mine, note.theirs, note.result) == (
        "phone",
        "value_replaced",
        "333",
        "22",
        "333",
    )
    assert note.by == f"Иванова А. С., {one.caller.laptop_code}"
    assert note.at is not None and note.at.tzinfo is not None
    account = office.data("accounts", account_id)
    assert account is not None and account["phone"] == "333"
    assert account["name"] == "ОКБ им. Петрова"


def test_a_stale_edit_names_who_wrote_the_field_not_who_wrote_the_row_last(
    office: Office,
) -> None:
    """A new row stores no per-field authors: its fields are its creator's, and stay
    theirs after someone else edits other fields of it."""
    anna = office.user("Иванова Анна Сергеевна")
    one, two, three = office.laptop(anna), office.laptop(anna), office.laptop(anna)
    account_id = uuid.uuid4()
    office.push(one, one.change("accounts", account_id, "insert", {"name": "ОКБ", "phone": "1"}))
    office.push(two, two.change("accounts", account_id, "update", {"name": "ГКБ"}, {"name": "ОКБ"}))
    office.push(
        three, three.change("accounts", account_id, "update", {"name": "ОКБ 2"}, {"name": "ГКБ"})
    )
    answer = office.push(
        two, two.change("accounts", account_id, "update", {"phone": "22"}, {"phone": "0"})
    )
    note = answer.outcomes[0].notes[0]
    assert (note.field, note.kind, note.theirs) == ("phone", "value_replaced", "1")
    assert note.by == f"Иванова А. С., {one.caller.laptop_code}"  # not two's, not three's
    renamed = office.push(
        one, one.change("accounts", account_id, "update", {"name": "ОКБ 3"}, {"name": "ОКБ"})
    )
    assert renamed.outcomes[0].notes[0].by == f"Иванова А. С., {three.caller.laptop_code}"


def test_two_laptops_creating_the_same_dossier_converge_without_losing_words(
    office: Office,
) -> None:
    anna = office.user("Иванова Анна Сергеевна")
    one, two = office.laptop(anna), office.laptop(anna)
    account_id = uuid.uuid4()
    dossier_id = uuid.uuid5(account_id, "dossier")  # one per account: the id of its parent
    office.push(one, one.change("accounts", account_id, "insert", {"name": "ОКБ"}))
    office.push(
        one,
        one.change(
            "account_dossiers",
            dossier_id,
            "insert",
            {
                "account_id": account_id.hex,
                "needs": "Аппараты УЗИ",
                "plans": "",
                "budget_known": True,
            },
        ),
    )
    answer = office.push(
        two,
        two.change(
            "account_dossiers",
            dossier_id,
            "insert",
            {
                "account_id": account_id.hex,
                "needs": "",
                "plans": "Тендер в мае",
                "budget_known": None,
            },
        ),
    )
    assert answer.outcomes[0].outcome in (Outcome.APPLIED, Outcome.MERGED)
    dossier = office.data("account_dossiers", dossier_id)
    assert dossier is not None
    assert dossier["needs"] == "Аппараты УЗИ"  # the second laptop's empty default wiped nothing
    assert dossier["plans"] == "Тендер в мае"
    assert dossier["budget_known"] is True


def test_edits_merge_by_lines_then_by_words_and_collide_on_the_same_word() -> None:
    assert merge_texts("a\nb\n", "a\nB\n", "A\nb\n") == "A\nB\n"
    assert merge_texts("a\n", "x\n", "y\n") is None
    base = "Главврач сменился в 2024."
    theirs = "Главврач Иванов сменился в 2024."
    mine = "Главврач сменился в 2025."
    assert merge_texts(base, theirs, mine) == "Главврач Иванов сменился в 2025."


def test_conflict_block_and_short_name() -> None:
    at = datetime(2026, 12, 3, 8, 5, tzinfo=UTC)
    block = conflict_block("Текст офиса\n", "Мой текст", "Иванова А. С.", "K007", at)
    assert block == (
        "Текст офиса\n\n--- Конфликтующая версия (Иванова А. С., K007, 2026-12-03 08:05 UTC) ---\n"
        "Мой текст"
    )
    assert short_name("Иванова Анна Сергеевна") == "Иванова А. С."
    assert short_name("Admin") == "Admin"


def test_a_deletion_on_one_side_and_an_addition_on_the_other_both_count(
    office: Office, laptops: tuple[Laptop, Laptop, uuid.UUID]
) -> None:
    one, two, dossier_id = laptops
    shorter = HISTORY.replace("Закупки через тендеры.\n", "")
    office.push(one, edit_history(one, dossier_id, HISTORY + "Новый зам по закупкам.\n"))  # type: ignore[arg-type]
    answer = office.push(two, edit_history(two, dossier_id, shorter))  # type: ignore[arg-type]
    assert [note.kind for note in answer.outcomes[0].notes] == ["text_merged"]
    text = office.data("account_dossiers", dossier_id)["history"]  # type: ignore[index]
    assert text == shorter + "Новый зам по закупкам.\n"


_WORD = st.sampled_from(["клиент", "тендер", "бюджет", "врач", "закупка", "аптека", "\n"])


@st.composite
def _edit(draw: st.DrawFn, base: list[str], mark: str) -> tuple[list[str], set[str]]:
    """`base` with some words replaced or removed and new words (`<mark>N`) put in;
    the new words that are still there at the end."""
    words = list(base)
    for n in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["insert", "replace", "delete"]))
        at = draw(st.integers(0, len(words)))
        if action == "insert" or at == len(words):
            words.insert(at, f"{mark}{n}")
        elif action == "replace":
            words[at] = f"{mark}{n}"
        else:
            del words[at]
    return words, {word for word in words if word.startswith(mark)}


def _text(words: list[str]) -> str:
    return " ".join(words).replace(" \n ", "\n")


@settings(max_examples=300, deadline=None)
@given(data=st.data(), base=st.lists(_WORD, max_size=30))
def test_concurrent_text_edits_never_lose_a_word_either_side_added(
    data: st.DataObject, base: list[str]
) -> None:
    theirs, their_words = data.draw(_edit(base, "офис"))
    mine, my_words = data.draw(_edit(base, "ноут"))
    at = datetime(2026, 12, 3, tzinfo=UTC)
    result, _ = resolve_text(_text(base), _text(theirs), _text(mine), "Иванова А. С.", "K1", at)
    kept = set(result.split())
    assert their_words <= kept and my_words <= kept
