"""A standard as stored: one row per (URN, version), its criteria and knowledge items beneath it."""
from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base, one_of
from ..timeutil import utcnow

PERFORMANCE = "pc"
KNOWLEDGE = "k"
CRITERION_KINDS = (PERFORMANCE, KNOWLEDGE)


class Standard(Base):
    __tablename__ = "standards"
    __table_args__ = (UniqueConstraint("urn", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the current URN, or a local identifier starting LOCAL- when the text gives none
    urn: Mapped[str] = mapped_column(String(64), index=True)
    urn_is_local: Mapped[bool] = mapped_column(Boolean, default=False)
    #: the version as printed, or "1" when the text prints none
    version: Mapped[str] = mapped_column(String(32))
    version_given: Mapped[bool] = mapped_column(Boolean, default=True)
    title: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(2))
    legacy: Mapped[bool] = mapped_column(Boolean, default=False)
    #: the parsed document as loaded (schema in standards/schema.json), without translations
    document: Mapped[dict] = mapped_column(JSON)
    #: the unofficial English rendering, when there is one
    translation_en: Mapped[dict | None] = mapped_column(JSON)
    #: sha256 of the authoritative document: a changed text under the same URN and version is refused
    content_hash: Mapped[str] = mapped_column(String(64))
    #: lower-case title, English title, URNs and keywords, for search
    search_text: Mapped[str] = mapped_column(Text, default="")
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: served to anyone by the CASE service (/ims/case/v1p1/...) when set; the library pages show every standard
    public: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    #: the provider whose administrator imported it; none for the site's own standards (shipped, loaded by command)
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("providers.id", ondelete="SET NULL"), index=True)

    criteria: Mapped[list["Criterion"]] = relationship(
        back_populates="standard",
        order_by="Criterion.position",
        cascade="all, delete-orphan",
        foreign_keys="Criterion.standard_id",
    )
    suites: Mapped[list["StandardSuite"]] = relationship(
        back_populates="standard", cascade="all, delete-orphan", order_by="StandardSuite.position"
    )
    publications: Mapped[list["StandardPublication"]] = relationship(
        back_populates="standard", cascade="all, delete-orphan", order_by="StandardPublication.language"
    )

    def publication(self, language: str) -> "StandardPublication | None":
        """The official publication in `language` attached to this standard, if any."""
        return next((p for p in self.publications if p.language == language), None)

    def top_level(self, kind: str) -> list["Criterion"]:
        return [c for c in self.criteria if c.kind == kind and c.parent is None]


class Criterion(Base):
    """A performance criterion or knowledge item, or a sub-item of one (parent set)."""

    __tablename__ = "criteria"
    __table_args__ = (UniqueConstraint("standard_id", "ref"), one_of("kind", CRITERION_KINDS))

    id: Mapped[int] = mapped_column(primary_key=True)
    standard_id: Mapped[int] = mapped_column(ForeignKey("standards.id", ondelete="CASCADE"), index=True)
    #: PERFORMANCE or KNOWLEDGE
    kind: Mapped[str] = mapped_column(String(2))
    #: unique within the standard; what evidence and scenarios cite (P1, K12, G3, P12.1)
    ref: Mapped[str] = mapped_column(String(32))
    #: as printed in the text, or given by position
    code: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str | None] = mapped_column(Text)
    group: Mapped[str | None] = mapped_column(Text)
    group_en: Mapped[str | None] = mapped_column(Text)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("criteria.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)

    standard: Mapped[Standard] = relationship(back_populates="criteria", foreign_keys=[standard_id])
    parent: Mapped["Criterion | None"] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list["Criterion"]] = relationship(back_populates="parent", order_by="Criterion.position")


class StandardSuite(Base):
    __tablename__ = "standard_suites"

    id: Mapped[int] = mapped_column(primary_key=True)
    standard_id: Mapped[int] = mapped_column(ForeignKey("standards.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(255), index=True)
    name_en: Mapped[str | None] = mapped_column(String(255))
    position: Mapped[int] = mapped_column(Integer, default=0)

    standard: Mapped[Standard] = relationship(back_populates="suites")


class StandardPublication(Base):
    """The official publication of a standard in its other language, attached item by item by reference."""

    __tablename__ = "standard_publications"
    __table_args__ = (UniqueConstraint("standard_id", "language"), one_of("language", ("cy", "en")))

    id: Mapped[int] = mapped_column(primary_key=True)
    standard_id: Mapped[int] = mapped_column(ForeignKey("standards.id", ondelete="CASCADE"), index=True)
    #: the publication's language, never the standard's own
    language: Mapped[str] = mapped_column(String(2))
    #: where it came from: the file's name, or that the text was pasted in
    source: Mapped[str] = mapped_column(Text)
    #: sha256 of the publication as parsed: the same publication again changes nothing
    content_hash: Mapped[str] = mapped_column(String(64))
    attached_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: the text as attached, in the translation shape (title, overview, groups, items by ref, lists)
    rendering: Mapped[dict] = mapped_column(JSON)
    #: refs of items, and group headings as read, that the publication did not give: they keep the text they had
    left_out: Mapped[list] = mapped_column(JSON, default=list)

    standard: Mapped[Standard] = relationship(back_populates="publications")
