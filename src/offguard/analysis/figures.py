"""What a figure in an answer is, when it is no claim of scale: a time of day ("by two",
"at half eight"), a pay amount in an answer about pay ("I'm on fifty-two now"), or a step
of an estimate worked aloud ("times fifty is about a hundred and ten thousand").
"""

from __future__ import annotations

import re

_CLOCK = re.compile(
    r"(?:(?<![\w'])(?:at|by|until|till|before|after|it's|past|to) (?:half |about |around )?"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}(?:[:.]\d\d)?)"
    r"|half (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))$"
)
_CLOCK_NEXT = re.compile(
    r"\s*(?:$|[,;:!?]|\.(?!\d)|(?:a\.?m|p\.?m|o'clock|sharp|that|this|the|on|in|and|with|"
    r"i|we|he|she|they|you|it|before|after|when|so|but|then|fifteen|thirty|forty-five|"
    r"tonight|at night)(?:'[a-z]+)?(?![\w']))"
)


def clock(norm: str, lo: int, start: int) -> bool:
    """Is the number at ``start`` a time of day ("by two", "at half eight", "it's 6")?"""
    head = re.match(r"[\w:.]+", norm[start:])
    end = start + (head.end() if head else 0)
    if norm[end - 1 : end] == ".":
        end -= 1
    if not _CLOCK.search(norm, max(lo, start - 14), end):
        return False
    return bool(_CLOCK_NEXT.match(norm, end))


#: An answer about pay: its figures after "on" or "at" are amounts, not scale claims.
MONEY = re.compile(
    r"(?<![\w'])(?:salary|base|pay|band|package|per annum|k|grand)"
    r"(?![\w'])|[$£€]\s?\d"
)
AMOUNT = re.compile(r"(?<![\w'])(?:on|at) (?:about |around )?$")
UNIT = re.compile(r"(?:year|month|week|day|hour|minute|site|team|staff|people)s?(?![\w'])")
#: Arithmetic said aloud: the numbers of an estimate being worked out, not claims.
_NUMWORD = (
    r"(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|a hundred|a thousand|a million|half)"
)
WORKING = re.compile(
    r"(?<![\w'])(?:(?:times|minus|plus|divided by|multiplied by|that's about|so about|"
    r"call it|say|so|that gives|that would give|which gives|which is|comes to|gives you) "
    r"(?:about |roughly |around |me |us )?" + _NUMWORD + r"|squared|cubed|per cubic|per square)"
)


def pay_amount(norm: str, money: bool, lo: int, start: int, figure: str) -> bool:
    """In an answer about pay (``money``), is the figure at ``start`` an amount?"""
    return (
        money and bool(AMOUNT.search(norm, max(lo, start - 12), start)) and not UNIT.search(figure)
    )


def about_pay(norm: str) -> bool:
    return bool(MONEY.search(norm))


_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
)
_LABEL_BEFORE = re.compile(
    r"(?:(?<![\w'])(?:level|year|stage|grade|band|step|phase|module|unit|room|row|bay|gate|"
    r"platform|ward|bed|table|route|line|page|section|version|" + _MONTH + r"|summer|winter|"
    r"spring|autumn|fall|christmas|easter) (?:the )?)$"
)
_ORDINAL_OR_YEAR = re.compile(
    r"(?:\d+(?:st|nd|rd|th)(?![\w'])|(?:19|20)\d\d(?![\w']))|\d+ of " + _MONTH + r"(?![\w'])"
)


def label_or_date(norm: str, lo: int, start: int) -> bool:
    """Is the figure at ``start`` a date or a name, not an amount: "the 9th of May",
    "summer 2027", "in 2019", "level 3", "row twenty-three", "year 9"?"""
    if _ORDINAL_OR_YEAR.match(norm, start):
        return True
    return bool(_LABEL_BEFORE.search(norm, max(lo, start - 14), start))


__all__ = ["WORKING", "about_pay", "clock", "label_or_date", "pay_amount"]
