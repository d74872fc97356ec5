"""A service message shown as a sentence on its own starts with a capital letter.

The services word their messages to follow a field's name or a colon («скидка выше
допустимой: …», «напишите, почему скидка отклонена»); a label or a box that shows one
alone makes it a sentence."""

from __future__ import annotations


def as_sentence(text: str) -> str:
    """`text` with its first letter in upper case (the rest as it is)."""
    for position, char in enumerate(text):
        if char.isalpha():
            return text[:position] + char.upper() + text[position + 1 :]
        if not (char.isspace() or char in "«\"'(“„"):
            return text
    return text
