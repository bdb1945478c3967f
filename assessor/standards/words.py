"""A standard's text as read: in its own language, with the unofficial English rendering beside it."""
from dataclasses import dataclass

from .models import Standard


@dataclass(frozen=True)
class Words:
    """Text of a standard in its own language, with the unofficial English rendering when there is one."""

    text: str
    text_en: str | None
    language: str

    def for_reader(self, reading: str) -> tuple[str, str]:
        """(text, its language) for someone reading in `reading`."""
        if reading == "en" and self.language != "en" and self.text_en:
            return self.text_en, "en"
        return self.text, self.language


def standard_words(standard: Standard) -> Words:
    return Words(standard.title, standard.title_en, standard.language)
