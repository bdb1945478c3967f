"""The publication of a standard in its other language, attached to the one held: plan first, then attach.

A standard is held in the language it was loaded in (the shipped ones in Welsh, with an unofficial English
rendering). When the other language's publication of the same URN and version is imported, its text is
attached item by item by reference (P1, K12, P12.1) as the official text in that language, and no second
standard is loaded. Where the two publications disagree in structure the plan says so, case by case:

- top-level items only in one of them (so a different number of criteria or knowledge items): refused, as
  the numbering may have shifted and a reference could carry the wrong text; nothing is attached;
- sub-items only in one of them: the rest is attached; those sub-items keep the unofficial text (or none);
- different grouping: the item texts are attached; a group heading is attached only where both publications
  group exactly the same items under it, the others keep the unofficial heading;
- a different number of suites (matched by position): the suites keep the unofficial names;
- a different title: attached, and the change from the unofficial title is listed.
"""
import copy
import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import lazy_gettext as _l

from ..timeutil import utcnow
from .models import Standard, StandardPublication

ITEM_KEYS = ("performance_criteria", "knowledge")
#: text fields carried across whole when the publication has them
TEXT_FIELDS = (
    "title", "overview", "scope", "values", "behaviours", "skills", "glossary", "developed_by", "approved",
    "review_date", "validity", "status", "originating_organisation", "links", "occupations", "keywords",
)
ATTACH, UNCHANGED, REFUSED = "attach", "unchanged", "refused"


@dataclass
class Difference:
    """One disagreement between the two publications; `refuses` when it stops the attachment."""

    message: object  # a lazily translated string
    refuses: bool = False
    refs: tuple[str, ...] = ()

    def __str__(self) -> str:
        return str(self.message)


@dataclass
class Attachment:
    """What importing the publication will do to the standard held, before anything is done."""

    standard: Standard
    language: str
    status: str
    digest: str
    rendering: dict = field(default_factory=dict)
    attached: list[str] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        return self.status == REFUSED

    @property
    def left_out(self) -> list[str]:
        """Refs, and group headings as read now, that keep the text they had."""
        return sorted({ref for difference in self.differences for ref in difference.refs})


def plan_attachment(standard: Standard, document: dict, digest: str) -> Attachment:
    """Compare the publication with the standard held and say what attaching it will do."""
    language = document["language"]
    held = standard.publication(language)
    if held is not None and held.content_hash == digest:
        return Attachment(standard, language, UNCHANGED, digest, copy.deepcopy(held.rendering), [])
    plan = Attachment(standard, language, ATTACH, digest)
    texts: dict[str, str] = {}
    for key in ITEM_KEYS:
        _match_items(standard.document[key], document[key], key, texts, plan.differences)
    if any(difference.refuses for difference in plan.differences):
        plan.status = REFUSED
        return plan
    if not (standard.version_given and document.get("version")):
        plan.differences.append(Difference(_l("The standard held or the publication prints no version number, so the two were matched by URN alone: check that they are the same version.")))
    plan.attached = [ref for ref in _held_refs(standard.document) if ref in texts]
    plan.rendering = _rendering(standard, document, texts, plan.differences)
    return plan


def attach(plan: Attachment, *, source: str) -> StandardPublication:
    """Attach a planned (not refused) publication: store it, and make it the text read in its language."""
    if plan.refused:
        raise ValueError("a refused attachment cannot be attached")
    standard = plan.standard
    publication = standard.publication(plan.language)
    if publication is None:
        publication = StandardPublication(language=plan.language)
        standard.publications.append(publication)
    publication.source = source
    publication.content_hash = plan.digest
    publication.attached_at = utcnow()
    publication.left_out = plan.left_out
    official = {"source": source, "attached_at": publication.attached_at.isoformat(), "left_out": plan.left_out}
    plan.rendering = {**plan.rendering, "official": official}
    publication.rendering = plan.rendering
    return publication


def adopt(standard: Standard, translations: dict) -> list[str]:
    """Official publications a data file carries (an Assessor JSON export) become the standard's own; their languages."""
    adopted = []
    for language, rendering in translations.items():
        if rendering.get("unofficial", True) or language == standard.language or standard.publication(language):
            continue
        official = rendering["official"]
        standard.publications.append(StandardPublication(
            language=language, source=official["source"], content_hash=_digest(rendering), rendering=copy.deepcopy(rendering),
            attached_at=datetime.fromisoformat(official["attached_at"]), left_out=list(official.get("left_out", [])),
        ))
        adopted.append(language)
    return adopted


def _digest(rendering: dict) -> str:
    return hashlib.sha256(json.dumps(rendering, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


# -- matching ---------------------------------------------------------------------------------


def _match_items(held: list[dict], published: list[dict], key: str, texts: dict, out: list) -> None:
    by_ref = {item["ref"]: item for item in published}
    held_refs = [item["ref"] for item in held]
    only_held = [ref for ref in held_refs if ref not in by_ref]
    only_published = [ref for ref in by_ref if ref not in set(held_refs)]
    if only_held or only_published:
        out.append(_count_difference(key, len(held), len(published)))
        out += [Difference(_l("%(ref)s is only in the standard held.", ref=ref), True, (ref,)) for ref in only_held]
        out += [Difference(_l("%(ref)s is only in the publication imported.", ref=ref), True) for ref in only_published]
        return
    for item in held:
        texts[item["ref"]] = by_ref[item["ref"]]["text"]
        _match_children(item, by_ref[item["ref"]], texts, out)


def _count_difference(key: str, held: int, published: int) -> Difference:
    if key == "knowledge":
        message = _l("The standard held has %(held_count)s knowledge items, the publication imported %(count)s.", held_count=held, count=published)
    else:
        message = _l("The standard held has %(held_count)s performance criteria, the publication imported %(count)s.", held_count=held, count=published)
    return Difference(message, True)


def _match_children(held: dict, published: dict, texts: dict, out: list) -> None:
    by_ref = {child["ref"]: child for child in published["children"]}
    for child in held["children"]:
        if child["ref"] in by_ref:
            texts[child["ref"]] = by_ref[child["ref"]]["text"]
        else:
            out.append(Difference(_l("%(ref)s is only in the standard held: it keeps the text it has.", ref=child["ref"]), refs=(child["ref"],)))
    held_refs = {child["ref"] for child in held["children"]}
    for ref in by_ref:
        if ref not in held_refs:
            out.append(Difference(_l("%(ref)s is only in the publication imported: it is not attached.", ref=ref)))


def _held_refs(document: dict) -> list[str]:
    return [ref for key in ITEM_KEYS for item in document[key] for ref in (item["ref"], *(c["ref"] for c in item["children"]))]


def _group_members(items: list[dict]) -> dict[str, tuple[str, ...]]:
    members: dict[str, list[str]] = {}
    for item in items:
        if item.get("group"):
            members.setdefault(item["group"], []).append(item["ref"])
    return {group: tuple(refs) for group, refs in members.items()}


def _match_groups(held: dict, published: dict, shown: dict, out: list) -> dict[str, str]:
    """Held heading -> published heading, where both group exactly the same items; `shown`: the headings as read now."""
    matched: dict[str, str] = {}
    for key in ITEM_KEYS:
        theirs = {refs: group for group, refs in _group_members(published[key]).items()}
        for group, refs in _group_members(held[key]).items():
            if refs in theirs:
                matched[group] = theirs.pop(refs)
            else:
                out.append(Difference(_l("The items under “%(group)s” are grouped differently in the publication imported: the heading keeps the text it has.", group=group), refs=(shown.get(group, group),)))
        out += [Difference(_l("The heading “%(group)s” of the publication imported has no match in the standard held: it is not attached.", group=group)) for group in theirs.values()]
    return matched


# -- the text to attach -----------------------------------------------------------------------


def _rendering(standard: Standard, document: dict, texts: dict, out: list) -> dict:
    """The unofficial rendering with everything the publication gives laid over it, marked official."""
    base = copy.deepcopy(_unofficial(standard, document["language"]))
    rendering = {key: value for key, value in base.items() if key not in ("unofficial", "note", "official")}
    for key in TEXT_FIELDS:
        if document.get(key):
            rendering[key] = copy.deepcopy(document[key])
    rendering["items"] = {**base.get("items", {}), **texts}
    rendering["groups"] = {**base.get("groups", {}), **_match_groups(standard.document, document, base.get("groups", {}), out)}
    _suites(standard, document, rendering, out)
    _title(base, document, out)
    return {"unofficial": False, **rendering}


def _unofficial(standard: Standard, language: str) -> dict:
    held = standard.publication(language)
    if held is not None:
        return held.rendering
    return (standard.translation_en or {}) if language == "en" else {}


def _suites(standard: Standard, document: dict, rendering: dict, out: list) -> None:
    held, published = standard.document.get("suites", []), document.get("suites", [])
    if len(held) == len(published):
        rendering["suites"] = list(published)
    elif published:
        out.append(Difference(_l("The standard held lists %(held_count)s suites, the publication imported %(count)s: the suites keep the names they have.", held_count=len(held), count=len(published))))


def _title(base: dict, document: dict, out: list) -> None:
    before = base.get("title")
    if before and before != document["title"]:
        out.append(Difference(_l("The title changes from “%(before)s” (unofficial) to “%(after)s”.", before=before, after=document["title"])))
