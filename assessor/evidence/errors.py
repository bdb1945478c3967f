"""What the evidence rules raise."""


class EvidenceError(Exception):
    """A change the rules refuse; `problems` lists (field or None, message), the first being the message."""

    def __init__(self, message: str, field: str | None = None, problems: list[tuple[str | None, str]] | None = None):
        super().__init__(message)
        self.field = field
        self.problems = problems or [(field, message)]


class EvidenceConflict(EvidenceError):
    """The item changed since the form was loaded (or a concurrent change won)."""


class EvidenceLocked(EvidenceError):
    """The item's state no longer allows the change (submitted, assessed, or already done)."""
