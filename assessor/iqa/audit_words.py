"""How the IQA reads in the audit history: what its sample states and sampling reasons are called."""
from ..audit.labels import register_values
from .labels import REASON_LABELS, STATUS_LABELS

register_values("sample", "status", STATUS_LABELS)
register_values("sample", "reason", REASON_LABELS)
