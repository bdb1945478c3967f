"""Standards in the database for the scenario tests: the tiny fixture standards imported by a provider."""
import json

from assessor.standards.services import load_document

from ..factories import SHIPPED
from .conftest import FIXTURE_STANDARDS_DIR


def own_standard(session, provider, urn: str = "TEST-STD"):
    """fixtures/standards/URN.json as the provider's own imported standard (the site's when provider is None)."""
    shipped = json.loads((SHIPPED / "SKSCMGS11.json").read_text(encoding="utf-8"))
    document = {**shipped, "translations": {},
                **json.loads((FIXTURE_STANDARDS_DIR / f"{urn}.json").read_text(encoding="utf-8"))}
    standard = load_document(session, document).standard
    standard.provider_id = provider.id if provider is not None else None
    session.flush()
    return standard
