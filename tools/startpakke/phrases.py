"""Numbers put into words the same way on pages, cards, plans and in the player, in the catalog's
language: time spans, durations, group sizes, file sizes."""

from __future__ import annotations

from .i18n import Catalog
from .model import Range


def minutes(tr: Catalog, low: int, high: int | None = None) -> str:
    """45 → «45 min»; 20, 40 → «20–40 min»."""
    _ = tr.gettext
    if high is None or high == low:
        return _("%(minutes)s min") % {"minutes": low}
    return _("%(low)s–%(high)s min") % {"low": low, "high": high}


def minutes_range(tr: Catalog, value: Range) -> str:
    return minutes(tr, value.min, value.max)


def people(tr: Catalog, value: Range) -> str:
    """2–8 → «2–8 personer»; 1 → «1 person»."""
    if value.min == value.max:
        return tr.ngettext("%(count)s person", "%(count)s people", value.max) % {"count": value.max}
    return tr.ngettext("%(low)s–%(count)s person", "%(low)s–%(count)s people", value.max) % {
        "low": value.min, "count": value.max}


def duration(tr: Catalog, total: int) -> str:
    """180 → «3 timer», 90 → «1 t 30 min», 45 → «45 min»."""
    _ = tr.gettext
    hours, rest = divmod(total, 60)
    if not hours:
        return minutes(tr, rest)
    if not rest:
        return tr.ngettext("%(hours)s hour", "%(hours)s hours", hours) % {"hours": hours}
    return _("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": rest}


def megabytes(tr: Catalog, count: int) -> str:
    """A file size for a learner on a slow line: «1,5 MB» (never «0,0 MB»)."""
    return tr.gettext("%(size)s MB") % {"size": tr.number(max(count / 1e6, 0.1))}


def session_format(tr: Catalog, digital: bool) -> str:
    return tr.gettext("Online session") if digital else tr.gettext("In-person session")
