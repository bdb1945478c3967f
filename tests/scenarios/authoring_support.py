"""YAML texts for the authoring tests: the small valid fixture under a new id, with a warning, with errors."""
from .conftest import VALID

SOURCE = VALID.read_text(encoding="utf-8").replace("id: fixture-valid", "id: acme-first-call")
WITH_WARNING = SOURCE.replace("cares_about: {cy: Amser, en: Time}",
                              'cares_about: {cy: "Time is money here", en: "Time is money here"}')
WITH_ERRORS = SOURCE.replace("duration_minutes: 5\n", "").replace("  name: Ann\n", "")
