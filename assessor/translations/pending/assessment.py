"""Welsh for the assessor's queue, reviews, corrections and decision histories (folded into messages.po)."""
_DAYS = "%(num)d diwrnod"

CY = {
    # services
    "The learner changed this evidence while you were reviewing it. Read it again: your decisions are kept below.":
        "Newidiodd y dysgwr y dystiolaeth hon tra oeddech yn ei hadolygu. Darllenwch hi eto: mae eich penderfyniadau wedi'u cadw isod.",
    "This evidence claims no criteria of this standard.": "Nid yw'r dystiolaeth hon yn hawlio unrhyw feini prawf yn y safon hon.",
    "Choose met or not yet met for %(code)s.": "Dewiswch wedi'i fodloni neu heb ei fodloni eto ar gyfer %(code)s.",
    "Enter feedback for %(code)s: tell the learner what they still need to show.":
        "Rhowch adborth ar %(code)s: dywedwch wrth y dysgwr beth sydd angen iddo ei ddangos o hyd.",
    "Only the assessor assigned to this learner's standard can make or correct these decisions.":
        "Dim ond yr aseswr sydd wedi'i neilltuo i safon y dysgwr hwn all wneud neu gywiro'r penderfyniadau hyn.",
    "This submission has already been decided. Nothing is waiting for your review.":
        "Mae penderfyniad eisoes wedi'i wneud ar y cyflwyniad hwn. Does dim yn aros i chi ei adolygu.",
    "You already recorded your review of this evidence (%(when)s).": "Rydych eisoes wedi cofnodi eich adolygiad o'r dystiolaeth hon (%(when)s).",
    "%(name)s has already reviewed this evidence for this standard (%(when)s). Their decisions are shown below; yours were not saved.":
        "Mae %(name)s eisoes wedi adolygu'r dystiolaeth hon ar gyfer y safon hon (%(when)s). Dangosir eu penderfyniadau isod; ni chadwyd eich rhai chi.",
    "This decision was corrected by %(name)s (%(when)s). Review the latest decision, shown here, before you correct it.":
        "Cywirwyd y penderfyniad hwn gan %(name)s (%(when)s). Adolygwch y penderfyniad diweddaraf, a ddangosir yma, cyn i chi ei gywiro.",
    "Choose met or not yet met.": "Dewiswch wedi'i fodloni neu heb ei fodloni eto.",
    "Enter feedback: tell the learner what they still need to show.":
        "Rhowch adborth: dywedwch wrth y dysgwr beth sydd angen iddo ei ddangos o hyd.",
    "Enter the reason for the correction.": "Rhowch y rheswm dros y cywiriad.",
    "This correction changes nothing. Change the decision or its feedback.":
        "Nid yw'r cywiriad hwn yn newid dim. Newidiwch y penderfyniad neu ei adborth.",
    "This standard has been signed off. Withdraw the sign-off first, then change a met decision to not yet met.":
        "Mae'r safon hon wedi'i chymeradwyo. Tynnwch y gymeradwyaeth yn ôl yn gyntaf, yna newidiwch benderfyniad wedi'i fodloni i heb ei fodloni eto.",
    # forms
    "Overall feedback to the learner (optional)": "Adborth cyffredinol i'r dysgwr (dewisol)",
    "This form is out of date. Reload the page and try again.": "Mae'r ffurflen hon wedi dyddio. Ail-lwythwch y dudalen a rhowch gynnig arall arni.",
    "Decision on %(code)s": "Penderfyniad ar %(code)s",
    "Feedback on %(code)s": "Adborth ar %(code)s",
    "Corrected decision": "Penderfyniad wedi'i gywiro",
    "Feedback to the learner": "Adborth i'r dysgwr",
    # views
    "Your decisions on %(reference)s are saved. The evidence has gone back to the learner with your feedback.":
        "Mae eich penderfyniadau ar %(reference)s wedi'u cadw. Mae'r dystiolaeth wedi mynd yn ôl at y dysgwr gyda'ch adborth.",
    "Your decisions on %(reference)s are saved. The evidence is assessed.":
        "Mae eich penderfyniadau ar %(reference)s wedi'u cadw. Mae'r dystiolaeth wedi'i hasesu.",
    "Your decisions on %(reference)s are saved. The evidence also claims another standard: it is decided once that standard's assessor has reviewed it too.":
        "Mae eich penderfyniadau ar %(reference)s wedi'u cadw. Mae'r dystiolaeth hefyd yn hawlio safon arall: gwneir penderfyniad arni pan fydd aseswr y safon honno wedi'i hadolygu hefyd.",
    "Correction saved for %(code)s. The earlier decision stays in the history.":
        "Cadwyd y cywiriad ar gyfer %(code)s. Mae'r penderfyniad cynharach yn aros yn yr hanes.",
    # the queue
    "Assessment queue": "Ciw asesu",
    "Evidence your learners have submitted, oldest first. Open an item to record your decision on each criterion it claims.":
        "Tystiolaeth y mae eich dysgwyr wedi'i chyflwyno, yr hynaf yn gyntaf. Agorwch eitem i gofnodi eich penderfyniad ar bob maen prawf y mae'n ei hawlio.",
    "Waiting for your review: %(count)d": "Yn aros i chi ei adolygu: %(count)d",
    "Waiting": "Yn aros",
    "Resubmission %(number)d": "Ailgyflwyniad %(number)d",
    "resubmission %(number)d": "ailgyflwyniad %(number)d",
    "Today": "Heddiw",
    ("%(num)d day", "%(num)d days"): (_DAYS, _DAYS, "%(num)d ddiwrnod", _DAYS, _DAYS),
    "Nothing is waiting for you. When one of your learners submits evidence, it appears here, oldest first.":
        "Does dim yn aros amdanoch. Pan fydd un o'ch dysgwyr yn cyflwyno tystiolaeth, bydd yn ymddangos yma, yr hynaf yn gyntaf.",
    # the review page
    "Review %(reference)s": "Adolygu %(reference)s",
    "Already reviewed": "Wedi'i adolygu eisoes",
    "%(name)s reviewed this evidence first. Their decisions:": "Adolygodd %(name)s y dystiolaeth hon yn gyntaf. Eu penderfyniadau:",
    "Your decisions were not saved; they are still in the form below so you can copy anything you need.":
        "Ni chadwyd eich penderfyniadau; maen nhw'n dal yn y ffurflen isod er mwyn i chi gopïo unrhyw beth sydd ei angen arnoch.",
    "Learner's declaration": "Datganiad y dysgwr",
    "Your decisions": "Eich penderfyniadau",
    "Decide each criterion the evidence claims. Say what is missing wherever it is not yet met: the learner sees your feedback.":
        "Penderfynwch ar bob maen prawf y mae'r dystiolaeth yn ei hawlio. Dywedwch beth sydd ar goll lle nad yw wedi'i fodloni eto: mae'r dysgwr yn gweld eich adborth.",
    "Status so far:": "Statws hyd yma:",
    "The learner's note": "Nodyn y dysgwr",
    "Decision on an earlier submission of this evidence:": "Penderfyniad ar gyflwyniad cynharach o'r dystiolaeth hon:",
    "Required when not yet met: what the learner still needs to show.":
        "Yn ofynnol pan nad yw wedi'i fodloni eto: beth sydd angen i'r dysgwr ei ddangos o hyd.",
    "Save decisions": "Cadw'r penderfyniadau",
    "Back to the queue": "Yn ôl i'r ciw",
    # a review read back
    "Review of %(reference)s": "Adolygiad o %(reference)s",
    "Reviewed by": "Adolygwyd gan",
    "%(name)s, %(when)s": "%(name)s, %(when)s",
    "Submitted %(when)s": "Cyflwynwyd %(when)s",
    "Assessed.": "Wedi'i hasesu.",
    "Referred back to the learner.": "Wedi'i hanfon yn ôl at y dysgwr.",
    "Waiting for the assessor of another standard this evidence claims.":
        "Yn aros am aseswr safon arall y mae'r dystiolaeth hon yn ei hawlio.",
    "Overall feedback": "Adborth cyffredinol",
    "Decisions": "Penderfyniadau",
    "Decided": "Penderfynwyd",
    "Correction: %(reason)s": "Cywiriad: %(reason)s",
    "Correct": "Cywiro",
    "All decisions for %(name)s on this standard, with corrections": "Pob penderfyniad ar gyfer %(name)s ar y safon hon, gyda chywiriadau",
    # the correction page
    "Correct the decision on %(code)s": "Cywiro'r penderfyniad ar %(code)s",
    "Evidence: %(reference)s %(title)s": "Tystiolaeth: %(reference)s %(title)s",
    "This decision has been corrected since. What you save here corrects the latest decision, shown last in the history.":
        "Mae'r penderfyniad hwn wedi'i gywiro ers hynny. Mae'r hyn a gadwch yma yn cywiro'r penderfyniad diweddaraf, a ddangosir olaf yn yr hanes.",
    "A decision is never changed: your correction is saved as a new decision with your reason, and the history keeps both.":
        "Nid yw penderfyniad byth yn cael ei newid: caiff eich cywiriad ei gadw fel penderfyniad newydd gyda'ch rheswm, ac mae'r hanes yn cadw'r ddau.",
    "History of this decision": "Hanes y penderfyniad hwn",
    "Corrected": "Wedi'i gywiro",
    "Why the earlier decision was wrong. The learner, the IQA and the history show it.":
        "Pam roedd y penderfyniad cynharach yn anghywir. Mae'r dysgwr, y SAM a'r hanes yn ei weld.",
    "Save correction": "Cadw'r cywiriad",
    # the decision history
    "Assessment decisions": "Penderfyniadau asesu",
    "Every decision on each criterion, including corrections. The last decision in each review is the one that counts.":
        "Pob penderfyniad ar bob maen prawf, gan gynnwys cywiriadau. Y penderfyniad olaf ym mhob adolygiad yw'r un sy'n cyfrif.",
    "Decisions: %(count)d": "Penderfyniadau: %(count)d",
    "No decisions yet. Decisions appear here once the assessor has reviewed submitted evidence.":
        "Dim penderfyniadau eto. Mae penderfyniadau'n ymddangos yma ar ôl i'r aseswr adolygu tystiolaeth a gyflwynwyd.",
    (
        "%(num)d decision referred back to you by the IQA",
        "%(num)d decisions referred back to you by the IQA",
    ): ("%(num)d penderfyniad wedi'u hanfon yn ôl atoch gan y SAM",) * 2
    + ("%(num)d penderfyniad wedi'u hanfon yn ôl atoch gan y SAM",) * 3,
}
