"""Open or closed: does a prepared question open the talk or end it with «да» / «нет»?

Field guide §4, mistake 3: the client must talk, so the checklist wants open questions.
A closed question is answered yes or no (or by picking one of the options it names);
an open one makes the client tell.

Russian marks a yes/no question by intonation alone: «Вы закупаете препарат X?»,
«Будете участвовать в аукционе?», «Можно включить препарат в формуляр?» have no
question word at all. So, in Russian, a question is **closed unless something opens
it**:

- the particle «ли» anywhere closes it («Есть ли…», «Планируете ли…», «…, не так ли?»),
  and so do «разве», «неужели» at the start;
- a question word opens it when it leads the question — first, or within the first two
  words once lead-ins, conjunctions and prepositions are set aside («Как…», «Что…»,
  «Какие…», «Почему…», «Каким образом…», «Сколько…», «В чём…», «За счёт чего…», «А вы
  как считаете…», «У вас кто решает…»);
- an invitation to tell opens it: «Расскажите…», «Опишите…», «Поделитесь…», «Можете
  рассказать…»;
- a lead-in clause («Скажите,», «Подскажите, пожалуйста,», «Иван Петрович,», «По
  вашему опыту,», «Как вы думаете,», «Хотелось бы узнать,») is skipped and the clause
  after it decides: «Скажите, вы получили КП?» is closed, «Скажите, почему комиссия
  отказала?» open.

A question word later in the sentence is a conjunction, not a question: «Вы знаете,
что у нас новая форма?», «Вы закупаете так же, как в прошлом году?» are closed.

English works the other way round: a question opens with a question word (what, how,
why, …) or an invitation (tell me, describe, could you tell me how …) and is closed
when it opens with an auxiliary (do, is, can, will, …) or asks "if"/"whether".
"""

from __future__ import annotations

import re

from kamdesk.textfold import fold


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words and clauses that only lead into the question; the words after them decide.
_LEAD_INS = _word_set(
    "а и но ну вот скажите скажи подскажите подскажи пожалуйста вы ты не "
    "можете могли бы сможете подскажете скажете кстати простите извините уважаемый "
    "уважаемая коллега коллеги доктор по вашему твоему мнению опыту на ваш взгляд "
    "думаете считаете полагаете вам кажется по-вашему "
    "скажем итак хорошо ладно понятно мне интересно хотелось хочу хотел хотела узнать "
    "спросить понять"
)
# "Как вы думаете, …": a lead-in only when another clause follows it.
_THINKING = _word_set("думаете считаете полагаете кажется по-вашему")
_PREPOSITIONS = _word_set(
    "в во на с со за о об обо от до по для из у к ко при про через между под над "
    "перед счет смысле плане случае основе"
)
_RU_QUESTION_WORDS = _word_set(
    "как каким какой какая какое какие каких какому какую какого какими каком "
    "каков какова каково каковы что чего чему чем чем-то чём кто кого кому кем ком "
    "почему зачем отчего где куда откуда когда сколько скольких скольким насколько "
    "чей чья чье чьи чьих чьим который которая которое которые которых которому "
    "какими-то"
)
_RU_INVITATIONS = _word_set(
    "расскажите расскажи опишите опиши поделитесь поделись объясните объясни "
    "поясните перечислите назовите охарактеризуйте приведите представьте "
    "рассказать описать поделиться объяснить пояснить перечислить назвать "
    "охарактеризовать привести"
)
_RU_CLOSERS = frozenset({"ли", "ль"})
_RU_CLOSED_STARTS = frozenset({"разве", "неужели", "неужто"})

_EN_QUESTION_WORDS = _word_set("what how why where when who whom whose which")
_EN_INVITATIONS = _word_set("tell describe explain share walk talk list")
_EN_MODALS = _word_set("can could would will")
_EN_LEAD_INS = _word_set("so and but well now please then in your opinion view")

_CLAUSE_BREAK = re.compile(r"[,:;()«»\"]|\s[-–—]\s|[–—]")
_WORD = re.compile(r"[\w'’-]+")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def is_open_question(question: str) -> bool:
    """True when the question makes the client tell rather than answer yes or no."""
    if not question.strip():
        return False
    if _CYRILLIC.search(question):
        return _is_open_russian(question)
    return _is_open_english(question)


def _clauses(question: str) -> list[list[str]]:
    """The question's clauses as lists of words, as typed (case kept for names)."""
    result = []
    for part in _CLAUSE_BREAK.split(question):
        words = [w.strip("-'’") for w in _WORD.findall(part)]
        words = [w for w in words if w]
        if words:
            result.append(words)
    return result


def _is_address(words: list[str]) -> bool:
    """«Иван Петрович», «Анна Сергеевна»: a name and patronymic, said before the question."""
    return len(words) <= 3 and all(w[:1].isupper() for w in words) and len(words) >= 2


def _is_open_russian(question: str) -> bool:
    clauses = _clauses(question)
    folded = [[fold(w) for w in clause] for clause in clauses]
    every_word = [w for clause in folded for w in clause]
    if _RU_CLOSERS & set(every_word) or every_word[0] in _RU_CLOSED_STARTS:
        return False
    for index, (original, words) in enumerate(zip(clauses, folded, strict=True)):
        last = index == len(clauses) - 1
        if not last and _is_lead_in(original, words):
            continue
        return _leads_open(words)
    return False


def _is_lead_in(original: list[str], words: list[str]) -> bool:
    if _is_address(original):
        return True
    if all(w in _LEAD_INS for w in words):
        return True
    # «Как вы думаете, …» asks about the clause that follows.
    return words[0] == "как" and bool(_THINKING & set(words)) and len(words) <= 4


def _leads_open(words: list[str]) -> bool:
    """An invitation to tell as the first word after the lead-ins («Не могли бы вы
    рассказать…»), or a question word among the first two once lead-ins and prepositions
    are set aside."""
    first = next((w for w in words if w not in _LEAD_INS), "")
    if first in _RU_INVITATIONS:
        return True
    head = [
        (index, w)
        for index, w in enumerate(words)
        if w in _RU_QUESTION_WORDS or (w not in _LEAD_INS and w not in _PREPOSITIONS)
    ][:2]
    for index, word in head:
        if word in _RU_QUESTION_WORDS:
            following = words[index + 1] if index + 1 < len(words) else ""
            # «как и раньше», «как обычно»: a comparison, not «how».
            if word == "как" and following in {"и", "обычно", "всегда", "раньше"}:
                return False
            # «Почему бы не попробовать…?» proposes; the answer is yes or no.
            return not (word == "почему" and following == "бы")
    return False


def _is_open_english(question: str) -> bool:
    words = [w.lower().replace("’", "'") for w in _WORD.findall(question)]
    while words and words[0] in _EN_LEAD_INS:
        words = words[1:]
    if not words:
        return False
    if words[0] in _EN_QUESTION_WORDS or words[0] in _EN_INVITATIONS:
        return True
    # "Could you tell me how …", "Would you describe …" invite; "Can you tell me if …"
    # asks for a yes or no. Any other opening (do, is, have, …) is closed.
    if words[0] in _EN_MODALS and words[1:2] == ["you"]:
        rest = [w for w in words[2:] if w not in {"please", "me", "us", "about"}]
        if rest and rest[0] in _EN_INVITATIONS:
            after = rest[1] if len(rest) > 1 else ""
            if rest[0] == "share":
                return after in _EN_QUESTION_WORDS
            return after not in {"if", "whether"}
    return False
