"""Welsh for signing a standard off: the assessor's declaration, the learner's countersignature, withdrawal, the record."""
_NOT_MET_OTHER = "Nid yw %(num)d o feini prawf wedi'u bodloni eto (%(refs)s). Rhaid bodloni pob maen prawf cyn cymeradwyo."
_NOT_MET_ONE = "Nid yw %(num)d maen prawf wedi'i fodloni eto (%(refs)s). Rhaid bodloni pob maen prawf cyn cymeradwyo."
_CANNOT_OTHER = "Nid yw %(num)d o feini prawf wedi'u bodloni eto, felly ni ellir cymeradwyo'r safon."
_CANNOT_ONE = "Nid yw %(num)d maen prawf wedi'i fodloni eto, felly ni ellir cymeradwyo'r safon."

CY = {
    # services (Welsh plural forms: other, one, two, three, six)
    "I confirm that the evidence is valid, authentic, reliable, current and sufficient, and that it shows the learner has met every criterion of this standard.":
        "Rwy'n cadarnhau bod y dystiolaeth yn ddilys, yn wirioneddol, yn ddibynadwy, yn gyfredol ac yn ddigonol, a'i bod yn dangos bod y dysgwr wedi bodloni pob maen prawf yn y safon hon.",
    "I confirm the evidence is my own work and I agree with this sign-off.":
        "Rwy'n cadarnhau mai fy ngwaith fy hun yw'r dystiolaeth a fy mod yn cytuno â'r gymeradwyaeth hon.",
    "Type your full name as your signature.": "Teipiwch eich enw llawn fel eich llofnod.",
    "Tick the box to confirm the declaration.": "Ticiwch y blwch i gadarnhau'r datganiad.",
    "Enter the reason for withdrawing the sign-off.": "Rhowch y rheswm dros dynnu'r gymeradwyaeth yn ôl.",
    "Only the learner's assessor can sign this standard off.": "Dim ond aseswr y dysgwr all gymeradwyo'r safon hon.",
    "This standard was already signed off on %(date)s.": "Cymeradwywyd y safon hon eisoes ar %(date)s.",
    "Someone signed this standard off at the same moment. Open the sign-off record to see it.":
        "Cymeradwyodd rhywun y safon hon ar yr un pryd. Agorwch y cofnod cymeradwyo i'w weld.",
    (
        "%(num)d criterion is not met yet (%(refs)s). Every criterion must be met before sign-off.",
        "%(num)d criteria are not met yet (%(refs)s). Every criterion must be met before sign-off.",
    ): (_NOT_MET_OTHER, _NOT_MET_ONE, _NOT_MET_OTHER, _NOT_MET_OTHER, _NOT_MET_OTHER),
    "Type your name as it is on your account: %(name)s.": "Teipiwch eich enw fel y mae ar eich cyfrif: %(name)s.",
    "Only the learner can countersign their sign-off.": "Dim ond y dysgwr ei hun all gydlofnodi'r gymeradwyaeth hon.",
    "You already countersigned this sign-off on %(date)s.": "Rydych eisoes wedi cydlofnodi'r gymeradwyaeth hon ar %(date)s.",
    "This sign-off changed while you were countersigning it. Check it again before you sign.":
        "Newidiodd y gymeradwyaeth hon tra oeddech yn ei chydlofnodi. Gwiriwch hi eto cyn llofnodi.",
    "Only the learner's assessor or a provider administrator can withdraw a sign-off.":
        "Dim ond aseswr y dysgwr neu weinyddwr y darparwr all dynnu cymeradwyaeth yn ôl.",
    "This sign-off was already withdrawn on %(date)s.": "Tynnwyd y gymeradwyaeth hon yn ôl eisoes ar %(date)s.",
    "This sign-off changed while you were withdrawing it. Check it again.":
        "Newidiodd y gymeradwyaeth hon tra oeddech yn ei thynnu'n ôl. Gwiriwch hi eto.",
    "This sign-off was withdrawn on %(date)s, so it cannot be countersigned.":
        "Tynnwyd y gymeradwyaeth hon yn ôl ar %(date)s, felly ni ellir ei chydlofnodi.",
    "This sign-off was changed by someone else since you opened it. Check it again below.":
        "Mae rhywun arall wedi newid y gymeradwyaeth hon ers i chi ei hagor. Gwiriwch hi eto isod.",
    # forms and views
    "Type your full name as your signature": "Teipiwch eich enw llawn fel eich llofnod",
    "Reason for withdrawing": "Rheswm dros dynnu'n ôl",
    "You signed %(standard)s off. The learner is asked to countersign.":
        "Rydych wedi cymeradwyo %(standard)s. Gofynnir i'r dysgwr gydlofnodi.",
    "You countersigned the sign-off of %(standard)s.": "Rydych wedi cydlofnodi cymeradwyaeth %(standard)s.",
    "The sign-off was withdrawn. The assessor can sign the standard off again when it is ready.":
        "Tynnwyd y gymeradwyaeth yn ôl. Gall yr aseswr gymeradwyo'r safon eto pan fydd yn barod.",
    # templates: the sign-off page
    "Sign off %(standard)s for %(name)s": "Cymeradwyo %(standard)s ar gyfer %(name)s",
    "Sign off the standard": "Cymeradwyo'r safon",
    "%(met)d of %(total)d": "%(met)d o %(total)d",
    "This standard was signed off on %(date)s by %(name)s.": "Cymeradwywyd y safon hon ar %(date)s gan %(name)s.",
    (
        "%(num)d criterion is not met yet, so the standard cannot be signed off.",
        "%(num)d criteria are not met yet, so the standard cannot be signed off.",
    ): (_CANNOT_OTHER, _CANNOT_ONE, _CANNOT_OTHER, _CANNOT_OTHER, _CANNOT_OTHER),
    "Not met yet:": "Heb eu bodloni eto:",
    "Each of these needs evidence judged met before you can sign. The table below shows where each criterion stands.":
        "Mae angen tystiolaeth y barnwyd ei bod yn bodloni pob un o'r rhain cyn y gallwch lofnodi. Mae'r tabl isod yn dangos sefyllfa pob maen prawf.",
    "Criteria and the evidence that met them": "Y meini prawf a'r dystiolaeth a'u bodlonodd",
    "Your declaration": "Eich datganiad",
    "Every criterion is met. Check the evidence above, then sign. Your signature is stored with the time and a fingerprint of what you signed; it cannot be edited afterwards.":
        "Mae pob maen prawf wedi'i fodloni. Gwiriwch y dystiolaeth uchod, yna llofnodwch. Caiff eich llofnod ei gadw gyda'r amser ac ôl bys o'r hyn a lofnodwyd gennych; ni ellir ei olygu wedyn.",
    "As it is on your account: %(name)s": "Fel y mae ar eich cyfrif: %(name)s",
    # templates: shared parts
    "Evidence judged met": "Tystiolaeth a'i bodlonodd",
    "None yet": "Dim eto",
    "No criteria were recorded with this sign-off.": "Ni chofnodwyd unrhyw feini prawf gyda'r gymeradwyaeth hon.",
    "Sign-offs of this standard": "Cymeradwyaethau'r safon hon",
    "Number": "Rhif",
    "Signed": "Llofnodwyd",
    "Signed by": "Llofnodwyd gan",
    "this record": "y cofnod hwn",
    "open sign-off record": "agor y cofnod cymeradwyo",
    "Waiting for the learner to countersign": "Yn aros i'r dysgwr gydlofnodi",
    # templates: the record
    "Sign-off record": "Cofnod cymeradwyo",
    "This sign-off was withdrawn on %(date)s by %(name)s.": "Tynnwyd y gymeradwyaeth hon yn ôl ar %(date)s gan %(name)s.",
    "Reason:": "Rheswm:",
    "Signed by the assessor": "Llofnodwyd gan yr aseswr",
    "%(name)s on %(date)s": "%(name)s ar %(date)s",
    "Declaration": "Datganiad",
    "Signature intact": "Llofnod yn gyfan",
    "What was signed has not changed since.": "Nid yw'r hyn a lofnodwyd wedi newid ers hynny.",
    "Signature does not match": "Nid yw'r llofnod yn cyfateb",
    "The stored record no longer matches its fingerprint. Tell your provider's administrator.":
        "Nid yw'r cofnod sydd wedi'i gadw yn cyfateb i'w ôl bys mwyach. Rhowch wybod i weinyddwr eich darparwr.",
    "Fingerprint (SHA-256):": "Ôl bys (SHA-256):",
    "Countersigned by the learner": "Cydlofnodwyd gan y dysgwr",
    "Not countersigned": "Heb ei chydlofnodi",
    "Not yet": "Ddim eto",
    "countersign now": "cydlofnodi nawr",
    "Verified": "Wedi'i dilysu",
    "Not sampled yet": "Heb ei samplu eto",
    "A sign-off stands as verified once the IQA has agreed at least one sampled decision for this learner on this standard.":
        "Caiff cymeradwyaeth ei hystyried wedi'i dilysu pan fydd y SAM wedi cytuno ag o leiaf un penderfyniad a samplwyd ar gyfer y dysgwr hwn ar y safon hon.",
    "Withdraw this sign-off": "Tynnu'r gymeradwyaeth hon yn ôl",
    "Sign the standard off again": "Cymeradwyo'r safon eto",
    "What was signed": "Yr hyn a lofnodwyd",
    # templates: countersigning
    "Countersign your sign-off": "Cydlofnodi eich cymeradwyaeth",
    "Back to the sign-off record": "Yn ôl i'r cofnod cymeradwyo",
    "%(name)s signed this standard off on %(date)s with this declaration:":
        "Cymeradwyodd %(name)s y safon hon ar %(date)s gyda'r datganiad hwn:",
    "What your assessor signed": "Yr hyn a lofnododd eich aseswr",
    "This sign-off was withdrawn, so there is nothing to countersign.":
        "Tynnwyd y gymeradwyaeth hon yn ôl, felly does dim i'w gydlofnodi.",
    "View the sign-off record": "Gweld y cofnod cymeradwyo",
    "You countersigned this on %(date)s.": "Fe wnaethoch gydlofnodi hyn ar %(date)s.",
    "Typing your name below signs this declaration. It is stored with the time and cannot be edited afterwards.":
        "Mae teipio eich enw isod yn llofnodi'r datganiad hwn. Caiff ei gadw gyda'r amser ac ni ellir ei olygu wedyn.",
    "Countersign": "Cydlofnodi",
    # templates: withdrawing
    "Signed by %(name)s on %(date)s.": "Llofnodwyd gan %(name)s ar %(date)s.",
    "This sign-off is already withdrawn.": "Mae'r gymeradwyaeth hon eisoes wedi'i thynnu'n ôl.",
    "The sign-off stays in the history, marked as withdrawn with your reason; nothing is deleted. Decisions can then be corrected and the standard signed off again.":
        "Mae'r gymeradwyaeth yn aros yn yr hanes, wedi'i nodi fel un a dynnwyd yn ôl gyda'ch rheswm; does dim yn cael ei ddileu. Yna gellir cywiro penderfyniadau a chymeradwyo'r safon eto.",
    "For example, a decision needs correcting, or the IQA referred a sampled decision back.":
        "Er enghraifft, mae angen cywiro penderfyniad, neu mae'r SAM wedi anfon penderfyniad a samplwyd yn ôl.",
    "Withdraw the sign-off": "Tynnu'r gymeradwyaeth yn ôl",
}
