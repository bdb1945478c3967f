"""Welsh for mapping evidence to criteria, the learner's matrix and the standards summary."""
CY = {
    "You can see which criteria this evidence claims, but you cannot change them.":
        "Gallwch weld pa feini prawf y mae'r dystiolaeth hon yn eu hawlio, ond ni allwch eu newid.",
    "%(reference)s was changed by someone else after you opened this page. Check the criteria below and save again.":
        "Newidiodd rhywun arall %(reference)s ar ôl i chi agor y dudalen hon. Gwiriwch y meini prawf isod a'u cadw eto.",
    "The note for %(code)s must be %(max)s characters or fewer.": "Rhaid i'r nodyn ar gyfer %(code)s fod yn %(max)s nod neu lai.",
    "%(code)s is part of %(parent)s: claim %(parent)s instead.": "Mae %(code)s yn rhan o %(parent)s: hawliwch %(parent)s yn lle hynny.",
    "Evidence can only claim criteria of the standards the learner is enrolled on.":
        "Dim ond meini prawf y safonau y mae'r dysgwr wedi cofrestru arnynt y gall tystiolaeth eu hawlio.",
    "Criteria saved for %(reference)s: %(added)s added, %(removed)s removed, %(changed)s notes changed.":
        "Meini prawf wedi'u cadw ar gyfer %(reference)s: %(added)s wedi'u hychwanegu, %(removed)s wedi'u tynnu, "
        "%(changed)s nodyn wedi'u newid.",
    "Tick %(code)s to claim it, or clear its note.": "Ticiwch %(code)s i'w hawlio, neu cliriwch ei nodyn.",
    "How this evidence shows %(code)s (optional)": "Sut mae'r dystiolaeth hon yn dangos %(code)s (dewisol)",
    "Criteria claimed by %(reference)s": "Meini prawf a hawlir gan %(reference)s",
    "Status:": "Statws:",
    "Criteria this evidence shows": "Meini prawf y mae'r dystiolaeth hon yn eu dangos",
    "%(name)s is not enrolled on a standard yet, so there are no criteria to claim.":
        "Nid yw %(name)s wedi cofrestru ar safon eto, felly nid oes meini prawf i'w hawlio.",
    "Saved now: %(codes)s.": "Wedi'u cadw nawr: %(codes)s.",
    "Saved now: no criteria.": "Wedi'u cadw nawr: dim meini prawf.",
    "Your ticks and notes are below.": "Mae eich ticiau a'ch nodiadau isod.",
    "Tick each criterion this evidence shows. A short note on how it shows it helps your assessor.":
        "Ticiwch bob maen prawf y mae'r dystiolaeth hon yn ei ddangos. Mae nodyn byr ar sut mae'n ei ddangos yn helpu eich aseswr.",
    "Save criteria": "Cadw'r meini prawf",
    "This evidence does not claim any criteria yet.": "Nid yw'r dystiolaeth hon yn hawlio unrhyw feini prawf eto.",
    "How it shows it:": "Sut mae'n ei ddangos:",
    "Matrix for %(urn)s": "Matrics %(urn)s",
    "Your progress": "Eich cynnydd",
    "Progress of %(name)s": "Cynnydd %(name)s",
    "Each criterion needs %(count)s separate pieces of evidence judged met.":
        "Mae angen i'r aseswr farnu bod %(count)s darn gwahanol o dystiolaeth yn bodloni pob maen prawf.",
    "Not started yet": "Heb ddechrau eto",
    "No evidence claims these criteria yet:": "Nid oes tystiolaeth yn hawlio'r meini prawf hyn eto:",
    "Add evidence for these criteria": "Ychwanegu tystiolaeth ar gyfer y meini prawf hyn",
    "Criteria and evidence": "Meini prawf a thystiolaeth",
    "No evidence claims a criterion of this standard yet.": "Nid oes tystiolaeth yn hawlio un o feini prawf y safon hon eto.",
    "Add your first evidence": "Ychwanegu eich tystiolaeth gyntaf",
    "the assessor judged that this evidence meets the criterion": "barnodd yr aseswr fod y dystiolaeth hon yn bodloni'r maen prawf",
    "the assessor judged that it does not meet it yet": "barnodd yr aseswr nad yw'n ei fodloni eto",
    "Claimed": "Wedi'i hawlio",
    "the evidence claims the criterion, with no decision yet": "mae'r dystiolaeth yn hawlio'r maen prawf, heb benderfyniad eto",
    "not claimed": "heb ei hawlio",
    "Criteria of %(urn)s against the evidence claiming them": "Meini prawf %(urn)s a'r dystiolaeth sy'n eu hawlio",
    "Judged met": "Nifer a fodlonwyd",
    "%(met)s of %(needed)s": "%(met)s o %(needed)s",
    "%(reference)s does not claim %(code)s": "Nid yw %(reference)s yn hawlio %(code)s",
    "on %(reference)s for %(code)s": "ar %(reference)s ar gyfer %(code)s",
    "How the evidence shows each criterion": "Sut mae'r dystiolaeth yn dangos pob maen prawf",
    "The evidence": "Y dystiolaeth",
    "Your portfolio": "Eich portffolio",
    "Portfolio of %(name)s": "Portffolio %(name)s",
    "%(met)s of %(total)s performance criteria met; %(not_started)s not started":
        "%(met)s o %(total)s maen prawf perfformiad wedi'u bodloni; %(not_started)s heb ddechrau",
    "%(met)s of %(total)s knowledge items met; %(not_started)s not started":
        "%(met)s o %(total)s eitem wybodaeth wedi'u bodloni; %(not_started)s heb ddechrau",
    "Awaiting decision: %(submitted)s. In progress: %(in_progress)s.":
        "Yn aros am benderfyniad: %(submitted)s. Ar y gweill: %(in_progress)s.",
    "View the matrix": "Gweld y matrics",
    "for %(urn)s": "ar gyfer %(urn)s",
    "You are not enrolled on a standard yet. Your provider enrols you.":
        "Nid ydych wedi cofrestru ar safon eto. Eich darparwr sy'n eich cofrestru.",
    "%(name)s is not enrolled on a standard yet.": "Nid yw %(name)s wedi cofrestru ar safon eto.",
}
