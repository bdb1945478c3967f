"""The conversations scenario evidence rests on, for the portfolio document.

Gathering reads the attempts once, whatever the language; reading one back as a Transcript in the
document's language needs no queries, so the data step stays shared by both languages and their digests.
"""
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..scenarios.models import Attempt
from ..scenarios.transcript import Transcript, attempt_named, transcript_of


def attach_attempts(session: Session, learner_id: int, entries) -> None:
    """Give each entry the learner's attempt its shown version names (the frozen copy's, once submitted), in one query."""
    ids = {attempt_named(entry.evidence) for entry in entries} - {None}
    query = select(Attempt).where(Attempt.id.in_(ids), Attempt.learner_id == learner_id).options(selectinload(Attempt.steps))
    attempts = {attempt.id: attempt for attempt in session.scalars(query)} if ids else {}
    for entry in entries:
        entry.attempt = attempts.get(attempt_named(entry.evidence))


def transcripts_in(entries, language: str) -> dict[int, Transcript]:
    """Each scenario item's conversation in `language`, by the item's number (the reflection is the item's own body)."""
    return {entry.evidence.number: transcript_of(entry.attempt, language, reflection="")
            for entry in entries if entry.attempt is not None}
