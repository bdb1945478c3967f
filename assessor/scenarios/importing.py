"""Import scenarios into a provider, from the browser or `assessor scenarios import`: the same files get the same
answers. Each file becomes a new draft, or a new saved text of the provider's own draft with that id; each is
checked as on save; each is imported whole or not at all (a savepoint a file), never as a half-made draft."""
from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..accounts.models import PROVIDER_ADMIN, SCENARIO_AUTHOR, User
from ..core.acts import Refused
from ..organisations.models import Provider
from ..permissions import can_author_scenarios
from . import authoring
from .citable import checked_against
from .models import ScenarioDraft, ScenarioVersion
from .report import Problem, Report
from .standards_data import KnownRefs
from .unpacking import Upload, unpack

CREATED, UPDATED, UNCHANGED, REFUSED = "created", "updated", "unchanged", "refused"


@dataclass
class Imported:
    """What became of one file: its outcome, why it was refused, and every problem the check finds, by line."""

    name: str
    outcome: str
    problems: list[Problem] = field(default_factory=list)
    scenario_id: str | None = None
    draft_id: int | None = None
    #: why it was refused (a lazily translated message: the job stores it in each language)
    reason: str | None = None
    #: the id the file declares, once read, even when the file is then refused
    declared_id: str | None = None

    def lines(self) -> list[str]:
        """As `assessor scenarios import` prints them: the outcome, then `file:line: severity: message`."""
        head = f"{self.name}: {self.outcome}" + (f" {self.scenario_id}" if self.scenario_id else "")
        head += f": {self.reason}" if self.reason else ""
        return [head] + [f"{self.name}:{p.line}: {p.severity}: {p.message}" for p in self.problems]


def import_files(session: Session, author: User, provider_id: int | None, files: list[tuple[str, bytes]],
                 standards: KnownRefs | None = None) -> list[Imported]:
    """Each (name, bytes) as a draft of the provider, in this process (the command line; the browser queues
    import_jobs instead); Refused (nothing made) only for the import as a whole."""
    check_importer(author, provider_id, files)
    standards = checked_against(session, provider_id, standards)
    seen: set[str] = set()
    return [import_upload(session, author, provider_id, upload, seen, standards) for upload in unpack(files)]


def check_importer(author: User, provider_id: int | None, files: list) -> None:
    """Refused unless the person writes the provider's scenarios and chose something to import."""
    if not can_author_scenarios(author, provider_id):
        raise Refused(_l("Only your provider's administrators write scenarios."))
    if not files:
        raise Refused(_l("Choose the scenarios' YAML files, or the ZIP of them, to import."), "files")


def import_upload(session: Session, author: User, provider_id: int | None, upload: Upload, seen: set[str],
                  standards: KnownRefs | None = None) -> Imported:
    """One file as a draft, in a savepoint (whole or not at all); `seen` holds the ids of the import's earlier files."""
    if upload.refused is not None:
        return Imported(upload.name, REFUSED, reason=upload.refused)
    report, scenario_id = None, None
    try:
        source = _text(upload.data)
        report = authoring.check_source(source, checked_against(session, provider_id, standards))
        scenario_id = _scenario_id(report, seen)
        with session.begin_nested():
            outcome, draft = _store(session, author, provider_id, scenario_id, source)
    except Refused as refused:
        return Imported(upload.name, REFUSED, report.problems if report else [], reason=refused.args[0],
                        declared_id=scenario_id)
    return Imported(upload.name, outcome, report.problems, scenario_id, draft.id, declared_id=scenario_id)


def _store(session: Session, author: User, provider_id: int | None, scenario_id: str,
           source: str) -> tuple[str, ScenarioDraft]:
    draft = session.scalar(select(ScenarioDraft).where(ScenarioDraft.scenario_id == scenario_id))
    taken = session.scalar(select(ScenarioVersion.id).where(ScenarioVersion.scenario_id == scenario_id,
                                                            ScenarioVersion.provider_id.is_distinct_from(provider_id)))
    if (draft is not None and draft.provider_id != provider_id) or taken is not None:
        raise Refused(_l("The id “%(id)s” is already used by a scenario of this site or of another provider: "
                         "change the id in the file to import it.", id=scenario_id))
    if draft is None:
        return CREATED, authoring.create_draft(session, author, provider_id, source)
    if draft.source == source:
        return UNCHANGED, draft
    return UPDATED, authoring.save_draft(session, author, draft, source, draft.revision)


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError:
        raise Refused(_l("The file is not UTF-8 text: save it as UTF-8 YAML and upload it again.")) from None


def _scenario_id(report: Report, seen: set[str]) -> str:
    """The scenario's id; Refused when the text is not YAML, has no id, or another file of the import has it."""
    if report.document is None:
        raise Refused(_l("The file is not valid YAML, so nothing was imported: the problem is listed below."))
    data = report.document.data
    scenario_id = data.get("id") if isinstance(data, dict) else None
    if not isinstance(scenario_id, str) or not 0 < len(scenario_id) <= 100:
        raise Refused(_l("Give the scenario an id on its own line, such as “id: vet-practice-complaint”, so the "
                         "draft can be saved."))
    if scenario_id in seen:
        raise Refused(_l("Another file of this import has the id “%(id)s”: import only one of them.", id=scenario_id))
    seen.add(scenario_id)
    return scenario_id


def provider_named(session: Session, reference: str) -> Provider | None:
    """A provider by its id or its name (for the command line)."""
    if reference.isdigit():
        return session.get(Provider, int(reference))
    return session.scalar(select(Provider).where(Provider.name == reference))


def provider_author(session: Session, provider: Provider, email: str | None) -> User | None:
    """The person the command line imports as: the one named, or the provider's first active administrator."""
    query = select(User).where(User.provider_id == provider.id, User.active.is_(True)).order_by(User.id)
    if email:
        return session.scalar(query.where(User.email == email.strip().lower()))
    return next((user for user in session.scalars(query) if user.has_role(PROVIDER_ADMIN, SCENARIO_AUTHOR)), None)
