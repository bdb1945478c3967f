"""A provider's own scenarios: drafts of YAML saved as often as wanted, checked on every save, published as
immutable versions that only the provider's learners see, and retired (no new attempts, old ones kept)."""
from __future__ import annotations

import difflib
import io
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..accounts.models import User
from ..audit.labels import register_sentences
from ..audit.services import record
from ..core.acts import Conflict, Locked, Refused
from ..permissions import can_author_scenarios
from ..timeutil import utcnow
from .catalogue import content_hash, find_version, load_document
from .check import check_text
from .citable import checked_against
from .dumper import dump_document
from .events import version_published
from .loader import ScenarioSyntaxError, load_text
from .models import LIVE, ScenarioDraft, ScenarioVersion
from .problems import ProblemRecord
from .problems import check_source as checked_records
from .report import ERROR, WARNING, Problem, Report
from .review import state_on_publishing
from .standards_data import KnownRefs, known_refs

#: the name problems are reported under (the check's reports name a file)
DRAFT = "draft"
#: the longest YAML a draft takes: far above the longest shipped scenario (about 40,000 characters)
SOURCE_MAX = 500_000
VERSION_LINE = re.compile(r"^version:[^\n]*$", re.MULTILINE)

register_sentences({
    ("scenario_version", "published"): (_l("Scenario version published"), _l("Scenario version published")),
    ("scenario_draft", "retired"): (_l("Scenario retired"), _l("Scenario retired")),
})


def check_source(source: str, standards: KnownRefs | None = None, playthroughs: int = 200) -> Report:
    """The same check as `assessor scenarios check` on YAML text: every problem, by line."""
    report = check_text(source, DRAFT, known_refs() if standards is None else standards, playthroughs)
    report.problems.sort()
    return report


def check_typed(session: Session, author: User, draft: ScenarioDraft, source: str,
                standards: KnownRefs | None = None) -> list[ProblemRecord]:
    """The check of the text in a draft's editor, as it is typed, as records by node and field: nothing is saved;
    by default against the standards the draft's provider may cite."""
    if not can_author_scenarios(author, draft.provider_id):
        raise Refused(_l("Only your provider's administrators write scenarios."))
    _check_size(source)
    return checked_records(source, checked_against(session, draft.provider_id, standards)).problems



def errors(report: Report) -> list[Problem]:
    return [problem for problem in report.problems if problem.severity == ERROR]


def warnings(report: Report) -> list[Problem]:
    return [problem for problem in report.problems if problem.severity == WARNING]


def create_draft(session: Session, author: User, provider_id: int | None, source: str) -> ScenarioDraft:
    """A new draft of the provider's own, named by the YAML's `id`."""
    if not can_author_scenarios(author, provider_id):
        raise Refused(_l("Only your provider's administrators write scenarios."))
    _check_size(source)
    scenario_id = _id_of(source)
    if scenario_id is None:
        raise Refused(_l("Give the scenario an id on its own line, such as “id: vet-practice-complaint”, so the "
                         "draft can be saved."), "source")
    _check_id_free(session, scenario_id, None)
    draft = ScenarioDraft(provider_id=provider_id, scenario_id=scenario_id, source=source, created_by_id=author.id,
                          updated_by_id=author.id, updated_at=utcnow())
    with _saved(session, IntegrityError, Refused(_l("The id “%(id)s” is already used by another scenario: choose "
                                                    "another.", id=scenario_id), "source")):
        session.add(draft)
    return draft


def save_draft(session: Session, author: User, draft: ScenarioDraft, source: str, revision: int | None) -> ScenarioDraft:
    """Keep the new text, whatever the check says; Conflict when the page was loaded before another save."""
    if not can_author_scenarios(author, draft.provider_id):
        raise Refused(_l("Only your provider's administrators write scenarios."))
    _check_current(draft, revision)
    _check_size(source)
    scenario_id = _id_of(source) or draft.scenario_id
    if scenario_id != draft.scenario_id:
        if published_versions(session, draft):
            raise Refused(_l("The id of a published scenario is permanent: put “id: %(id)s” back.",
                             id=draft.scenario_id), "source")
        _check_id_free(session, scenario_id, draft.id)
    with _saved_draft(session):
        draft.scenario_id, draft.source = scenario_id, source
        draft.updated_by_id, draft.updated_at = author.id, utcnow()
    return draft


def publish(session: Session, author: User, draft: ScenarioDraft, revision: int | None, reason: str,
            standards: KnownRefs | None = None) -> ScenarioVersion:
    """A new immutable version from the saved draft: refused while the check finds errors; warnings need a reason."""
    if not can_author_scenarios(author, draft.provider_id):
        raise Refused(_l("Only your provider's administrators publish scenarios."))
    _check_current(draft, revision)
    if draft.retired_at is not None:
        raise Locked(_l("This scenario is retired: it cannot be published again."))
    report = check_source(draft.source, checked_against(session, draft.provider_id, standards))
    if errors(report):
        raise Refused.listing([(None, _l("Line %(line)s: %(message)s", line=problem.line, message=problem.message))
                               for problem in errors(report)])
    reason = (reason or "").strip()
    if warnings(report) and not reason:
        raise Refused(_l("The check gives warnings: say why this version can be published as it is."), "reason")
    number = (session.scalar(select(func.max(ScenarioVersion.version))
                             .where(ScenarioVersion.scenario_id == draft.scenario_id)) or 0) + 1
    source = VERSION_LINE.sub(f"version: {number}", draft.source, count=1)
    document = load_text(source).data
    document["version"] = number
    previous = find_version(session, draft.scenario_id, number - 1)
    if previous is not None and previous.content_hash == content_hash({**document, "version": number - 1}):
        raise Refused(_l("Nothing has changed since version %(version)s was published.", version=number - 1))
    with _saved(session, IntegrityError, Conflict(_l("Someone else published this scenario at the same moment: "
                                                     "here it is as it stands now."))):
        load_document(session, document)
    row = find_version(session, draft.scenario_id, number)
    review_state = state_on_publishing(session, draft.provider_id)
    with _saved_draft(session):
        row.provider_id, row.source, row.published_by_id = draft.provider_id, source, author.id
        row.publish_reason, row.review_state = reason or None, review_state
        draft.source, draft.updated_by_id, draft.updated_at = source, author.id, utcnow()
    record(session, author, "published", "scenario_version", row.id,
           after={"scenario_id": row.scenario_id, "version": number, "reason": reason, "review_state": row.review_state,
                  "warnings": [f"line {problem.line}: {problem.message}" for problem in warnings(report)]})
    version_published.send(row, session=session)
    return row


def retire(session: Session, author: User, draft: ScenarioDraft, revision: int | None) -> ScenarioDraft:
    """No new attempts from now on; attempts already made keep their version and stay in portfolios."""
    if not can_author_scenarios(author, draft.provider_id):
        raise Refused(_l("Only your provider's administrators retire scenarios."))
    _check_current(draft, revision)
    if draft.retired_at is not None:
        raise Locked(_l("This scenario is already retired."))
    with _saved_draft(session):
        draft.retired_at = utcnow()
    record(session, author, "retired", "scenario_draft", draft.id, after={"scenario_id": draft.scenario_id})
    return draft


def drafts_of(session: Session, provider_id: int | None) -> list[ScenarioDraft]:
    return list(session.scalars(select(ScenarioDraft).where(ScenarioDraft.provider_id == provider_id)
                                .order_by(ScenarioDraft.scenario_id)))


def drafts_with_versions(session: Session, provider_id: int | None) -> list[tuple[ScenarioDraft, list[ScenarioVersion]]]:
    """The provider's drafts, each with its published versions newest first: two queries however many there are."""
    drafts = drafts_of(session, provider_id)
    grouped: dict[str, list[ScenarioVersion]] = {draft.scenario_id: [] for draft in drafts}
    for row in session.scalars(select(ScenarioVersion)
                               .where(ScenarioVersion.provider_id == provider_id,
                                      ScenarioVersion.scenario_id.in_(list(grouped)))
                               .order_by(ScenarioVersion.scenario_id, ScenarioVersion.version.desc())):
        grouped[row.scenario_id].append(row)
    return [(draft, grouped[draft.scenario_id]) for draft in drafts]


def published_versions(session: Session, draft: ScenarioDraft) -> list[ScenarioVersion]:
    """The draft's published versions, newest first."""
    return list(session.scalars(select(ScenarioVersion).where(ScenarioVersion.scenario_id == draft.scenario_id,
                                                              ScenarioVersion.provider_id == draft.provider_id)
                                .order_by(ScenarioVersion.version.desc())))


def live_versions(session: Session, draft: ScenarioDraft) -> list[ScenarioVersion]:
    """The draft's versions learners may start (approved, or published where no review is asked), newest first."""
    return live_of(published_versions(session, draft))


def live_of(versions: list[ScenarioVersion]) -> list[ScenarioVersion]:
    return [row for row in versions if row.review_state == LIVE]


def export_zip(session: Session, provider_id: int | None) -> bytes:
    """The newest live version of each of the provider's scenarios, as `<id>.yaml` files in a ZIP: the format
    `assessor scenarios check` and the new-scenario upload of any site read."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for draft, versions in drafts_with_versions(session, provider_id):
            if live := live_of(versions):
                archive.writestr(f"{draft.scenario_id}.yaml", version_source(live[0]))
    return buffer.getvalue()


def changes(older: ScenarioVersion, newer: ScenarioVersion) -> list[tuple[str, str]]:
    """The YAML lines that differ between two versions, with a few around each: ("added" | "removed" | "same" |
    "gap", line)."""
    lines = []
    for line in difflib.unified_diff(version_source(older).splitlines(), version_source(newer).splitlines(),
                                     lineterm="", n=2):
        if line.startswith(("---", "+++")):
            continue
        kind = {"+": "added", "-": "removed", "@": "gap"}.get(line[:1], "same")
        lines.append((kind, "" if kind == "gap" else line[1:]))
    return lines


def version_source(row: ScenarioVersion) -> str:
    """The YAML of a version: as published, or for a shipped file its document in the files' canonical layout
    (byte for byte the file in scenarios/)."""
    return row.source if row.source is not None else dump_document(row.document)


def _check_current(draft: ScenarioDraft, revision: int | None) -> None:
    if revision != draft.revision:
        raise Conflict(_l("This draft was saved by someone else (or in another tab) after you opened it, so your "
                          "change was not made. Here is the draft as it stands now; copy your text back in if you need it."))


def _check_size(source: str) -> None:
    if not (source or "").strip():
        raise Refused(_l("Paste or upload the scenario's YAML."), "source")
    if len(source) > SOURCE_MAX:
        raise Refused(_l("A scenario can be at most %(count)s characters long.", count=f"{SOURCE_MAX:,}"), "source")


def _id_of(source: str) -> str | None:
    try:
        data = load_text(source).data
    except ScenarioSyntaxError:
        match = re.search(r"^id:\s*['\"]?([a-z0-9-]+)", source, re.MULTILINE)
        return match[1] if match else None
    scenario_id = data.get("id") if isinstance(data, dict) else None
    return scenario_id if isinstance(scenario_id, str) and 0 < len(scenario_id) <= 100 else None


def _check_id_free(session: Session, scenario_id: str, draft_id: int | None) -> None:
    taken = session.scalar(select(ScenarioVersion.id).where(ScenarioVersion.scenario_id == scenario_id).limit(1))
    other = session.scalar(select(ScenarioDraft.id).where(ScenarioDraft.scenario_id == scenario_id,
                                                          ScenarioDraft.id != (draft_id or 0)))
    if taken is not None or other is not None:
        raise Refused(_l("The id “%(id)s” is already used by another scenario: choose another.", id=scenario_id),
                      "source")


@contextmanager
def _saved(session: Session, error: type[Exception], refusal: Refused) -> Iterator[None]:
    """The changes made within, flushed in a savepoint of their own: when the database refuses them with `error`,
    only they are undone (never the caller's transaction, such as the rest of an import) and `refusal` is raised."""
    try:
        with session.begin_nested():
            yield
    except error:
        raise refusal from None


def _saved_draft(session: Session):
    """The draft's changes made within, refused as a Conflict when another save came first."""
    return _saved(session, StaleDataError, Conflict(_l("This draft was saved by someone else at the same moment, so "
                                                       "your change was not made.")))
