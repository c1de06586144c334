"""Latvian alphabetical order without ICU.

The 33-letter alphabet (ā after a, č after c, … ž after z) is what Latvian readers expect
and what ICU 77 does; ICU versions disagree (72 treats long vowels as accents only), so we
pin the order here and test it against ICU's lists instead of depending on a system ICU.
"""

import unicodedata

ALPHABET = "aābcčdeēfgģhiīyjkķlļmnņoōpqrŗsštuūvwxzž"
_RANK = {letter: rank for rank, letter in enumerate(ALPHABET)}
_AFTER_LETTERS = len(ALPHABET)


def latvian_sort_key(text: str) -> tuple:
    """Key for sorted(): letters by the Latvian alphabet, then lower before upper case."""
    text = unicodedata.normalize("NFC", text)
    primary = tuple(_RANK.get(ch, _AFTER_LETTERS + ord(ch)) for ch in text.lower())
    return primary, tuple(ch.isupper() for ch in text)
