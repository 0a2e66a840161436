"""Deadline arithmetic on the State Council holiday schedule (``chinese_calendar``).

Two kinds of period, both counted the way Chinese procedure counts them:

* **working days** (工作日, 004 第十三条 "40 个工作日"): the day of the event is not counted; every
  following day that is a working day under the State Council schedule counts — weekends and
  statutory holidays do not, make-up working days (调休, e.g. Saturday 2026-02-14) do.
* **days** (日, 004 第十三条 "2日内" / "5日内"): calendar days. 004 says 日 for these two periods and
  工作日 for the third in the same sentence, so the difference is deliberate; and the Civil Procedure
  Law's rule for periods (民事诉讼法 第八十五条, 2023 text: 期间开始的日不计算在期间内；期间届满的最后一日
  是法定休假日的，以法定休假日后的第一日为期间届满的日期) is the one courts apply to 日. So: start day not
  counted, count calendar days, and if the last day is a rest day (weekend or statutory holiday — not
  a make-up working day) move it to the next working day.

A year whose schedule ``chinese_calendar`` does not know (it raises NotImplementedError, e.g. 2027
with version 1.11.0) is counted with weekends only and reported as ``known=False`` so the deadline
and the record are flagged ``calendar_unknown`` instead of being silently guessed.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

import chinese_calendar


@lru_cache(maxsize=4096)
def workday(d: dt.date) -> tuple[bool, bool]:
    """(is a working day, schedule known for that year)."""
    try:
        return bool(chinese_calendar.is_workday(d)), True
    except NotImplementedError:
        return d.weekday() < 5, False


def add_working_days(start: dt.date, n: int) -> tuple[dt.date, bool]:
    """The n-th working day after ``start`` (``start`` itself not counted). Returns (date, known)."""
    d = start
    known = True
    counted = 0
    while counted < n:
        d += dt.timedelta(days=1)
        ok, k = workday(d)
        known &= k
        if ok:
            counted += 1
    return d, known


def add_days(start: dt.date, n: int, roll: bool = True) -> tuple[dt.date, bool]:
    """``start`` + n calendar days; a due date on a rest day moves to the next working day
    (民事诉讼法 第八十五条). Returns (date, known)."""
    d = start + dt.timedelta(days=n)
    ok, known = workday(d)
    if roll:
        while not ok:
            d += dt.timedelta(days=1)
            ok, k = workday(d)
            known &= k
    return d, known
