"""Open or closed, on questions a KAM really prepares (labelled by hand).

Closed: the client can answer «да», «нет» or pick one of the named options; open: the
client has to tell. The checklist counts only open questions (field guide §4, mistake 3).
"""

from __future__ import annotations

import pytest

from kamdesk.services.visits.questions import is_open_question

OPEN, CLOSED = True, False

RUSSIAN = [
    # Closed: yes/no by intonation alone, the form Russian uses most.
    ("Вы закупаете препарат Цефтриаксон-КАМ?", CLOSED),
    ("Будете участвовать в аукционе?", CLOSED),
    ("Можно включить препарат в формуляр?", CLOSED),
    ("Вас устраивают сроки поставки?", CLOSED),
    ("Вы уже работали с нашим препаратом?", CLOSED),
    ("Это решение принимает главный врач?", CLOSED),
    ("Не хотите попробовать новую форму выпуска?", CLOSED),
    ("Вам удобно, если я пришлю КП завтра?", CLOSED),
    ("Мы договорились?", CLOSED),
    ("Правильно я понимаю, что решение за комиссией?", CLOSED),
    ("Вы закупаете через аукцион или напрямую у дистрибьютора?", CLOSED),
    # Closed by the particle «ли», wherever it stands.
    ("Есть ли у вас бюджет на следующий год?", CLOSED),
    ("Планируете ли вы расширять формуляр?", CLOSED),
    ("Устраивает ли вас качество поставок?", CLOSED),
    ("Нужна ли вам помощь с заявкой?", CLOSED),
    ("Как вы думаете, стоит ли включать препарат в формуляр?", CLOSED),
    ("Расскажите, планируете ли вы тендер в этом году?", CLOSED),
    ("Поставки приходят вовремя, не так ли?", CLOSED),
    ("Разве комиссия не рассматривала наш препарат?", CLOSED),
    # Closed: a lead-in does not open what follows it; «что», «как» mid-sentence join.
    ("Скажите, вы уже получили наше предложение?", CLOSED),
    ("Иван Петрович, вы будете на заседании комиссии?", CLOSED),
    ("Вы знаете, что у нас появилась новая дозировка?", CLOSED),
    ("Вы закупаете так же, как в прошлом году?", CLOSED),
    ("Как вы думаете, препарат подойдёт вашим пациентам?", CLOSED),
    ("Что-то изменилось в порядке закупок?", CLOSED),
    ("Почему бы вам не попробовать пилотную поставку?", CLOSED),
    # Open: a question word leads.
    ("Как вы выбираете антибиотики для стационара?", OPEN),
    ("Что важно для формулярной комиссии?", OPEN),
    ("Какие препараты вы сейчас закупаете по этой группе?", OPEN),
    ("Почему комиссия отклонила прошлую заявку?", OPEN),
    ("Каким образом формируется заявка на следующий год?", OPEN),
    ("Сколько пациентов в месяц получают эту терапию?", OPEN),
    ("Кто входит в формулярную комиссию и когда заседание?", OPEN),
    ("Когда планируется аукцион и кто готовит техзадание?", OPEN),
    ("Каких данных не хватает для решения?", OPEN),
    ("Какова оборачиваемость по группе?", OPEN),
    ("Насколько для вас важна цена по сравнению со сроками поставки?", OPEN),
    ("Чем вас не устраивает текущий поставщик?", OPEN),
    ("Откуда пациенты сейчас получают препарат?", OPEN),
    ("Зачем отделению вторая форма выпуска?", OPEN),
    ("Как часто вы пересматриваете ассортиментную матрицу?", OPEN),
    # Open: a question word after a preposition, a conjunction or the subject.
    ("С какими трудностями вы сталкиваетесь при закупке антибиотиков?", OPEN),
    ("На что вы обращаете внимание при выборе поставщика?", OPEN),
    ("В чём главная сложность для вашего отделения?", OPEN),
    ("За счёт чего вы планируете снизить расходы на терапию?", OPEN),
    ("А у вас кто принимает решение о закупке?", OPEN),
    ("Вы как оцениваете результаты пилота?", OPEN),
    # Open: an invitation to tell, or a lead-in before the question word.
    ("Расскажите, пожалуйста, как устроена закупка в вашей больнице.", OPEN),
    ("Опишите типичного пациента с этим диагнозом", OPEN),
    ("Поделитесь, с какими возражениями приходят к вам заведующие?", OPEN),
    ("Не могли бы вы рассказать о планах отделения на следующий год?", OPEN),
    ("Скажите, почему комиссия выбрала другой препарат?", OPEN),
    ("Подскажите, пожалуйста, кто отвечает за заявку?", OPEN),
    ("Иван Петрович, какие у вас планы на 2027 год?", OPEN),
    ("По вашему опыту, в каких случаях препарат работает лучше?", OPEN),
    ("Как вы думаете, какие препараты комиссия рассмотрит первыми?", OPEN),
    ("Как вы думаете?", OPEN),
    ("Хотелось бы узнать, как вы выбираете поставщика.", OPEN),
    ("Интересно, что вы думаете о новой форме выпуска?", OPEN),
    ("Интересно, вы уже пробовали новую форму?", CLOSED),
    ("Вы не подскажете, кто отвечает за закупки?", OPEN),
]

ENGLISH = [
    ("Do you buy our ceftriaxone?", CLOSED),
    ("Is there a budget for next year?", CLOSED),
    ("Will you take part in the auction?", CLOSED),
    ("Can we add the product to the formulary?", CLOSED),
    ("Have you worked with our product before?", CLOSED),
    ("You buy through a distributor?", CLOSED),
    ("Can you tell me if the committee meets in March?", CLOSED),
    ("Do you share the tender documents with distributors?", CLOSED),
    ("How do you choose antibiotics?", OPEN),
    ("What matters most to the committee?", OPEN),
    ("Why did the committee turn the request down?", OPEN),
    ("Which products do you buy in this group now?", OPEN),
    ("Who prepares the technical specification?", OPEN),
    ("In what way is next year's request drawn up?", OPEN),
    ("Tell me about your formulary process.", OPEN),
    ("So, what would you change in the supply scheme?", OPEN),
    ("Could you tell me how you compare suppliers?", OPEN),
    ("Would you describe a typical patient?", OPEN),
]


@pytest.mark.parametrize(("question", "is_open"), RUSSIAN + ENGLISH)
def test_a_question_is_told_open_or_closed(question: str, is_open: bool) -> None:
    assert is_open_question(question) is is_open


def test_the_set_is_big_enough_and_balanced() -> None:
    # The issue asks for at least 30 labelled questions; both kinds must be well covered.
    assert len(RUSSIAN) >= 30
    for questions in (RUSSIAN, ENGLISH):
        opened = sum(1 for _, is_open in questions if is_open)
        assert 0.3 < opened / len(questions) < 0.7


@pytest.mark.parametrize("blank", ["", "   ", "?", "…"])
def test_an_empty_line_is_not_an_open_question(blank: str) -> None:
    assert is_open_question(blank) is False


def test_case_and_yo_do_not_matter() -> None:
    assert is_open_question("ЗА СЧЁТ ЧЕГО вы планируете рост?")
    assert is_open_question("за счет чего вы планируете рост")
    assert not is_open_question("ЕСТЬ ЛИ у вас бюджет?")
