"""Parsing publication dates given by users (front matter, JSONL): ISO 8601, to naive UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

EARLIEST = datetime(1800, 1, 1)
FUTURE_TOLERANCE = timedelta(days=2)  # time zones and clock skew; beyond that it is a typo


class BadDate(ValueError):
    """A publication date that cannot be used; ``reason`` is the rejection code."""

    def __init__(self, message: str, reason: str = "bad_published_at") -> None:
        super().__init__(message)
        self.reason = reason


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def parse_published_at(value: object) -> datetime | None:
    """An ISO 8601 date or datetime (string) as a naive UTC datetime; None for empty values.

    Raises ``BadDate`` for anything else, so the caller can reject the input with a reason.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadDate(f"published_at must be an ISO 8601 string, got {type(value).__name__}")
    text = value.strip()
    if not text:
        return None
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = datetime.combine(date.fromisoformat(text), datetime.min.time())
        except ValueError as error:
            raise BadDate(
                f"published_at is not an ISO 8601 date or datetime: {_shown(value)}"
            ) from error
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    if parsed < EARLIEST:
        raise BadDate(f"published_at is before {EARLIEST.year}: {_shown(value)}")
    if parsed > datetime.now(UTC).replace(tzinfo=None) + FUTURE_TOLERANCE:
        raise BadDate(f"published_at is in the future: {_shown(value)}", "future_published_at")
    return parsed
