"""Welsh for the portfolio and evidence item pages, their forms and the evidence services' messages."""
CY = {
    # services: what each kind must say
    "Write your account.": "Ysgrifennwch eich adroddiad.",
    "Enter the record of the discussion.": "Rhowch gofnod y drafodaeth.",
    "Enter the observation record.": "Rhowch y cofnod arsylwi.",
    "Enter the witness's name.": "Rhowch enw'r tyst.",
    "Enter the witness's role.": "Rhowch rôl y tyst.",
    "Enter how the assessor can contact the witness.": "Rhowch sut y gall yr asesydd gysylltu â'r tyst.",
    "Enter the witness's statement.": "Rhowch ddatganiad y tyst.",
    "The text": "Y testun",
    "Witness's name": "Enw'r tyst",
    "Witness's role": "Rôl y tyst",
    "Witness's contact details": "Manylion cyswllt y tyst",
    "Enter a title.": "Rhowch deitl.",
    "Enter the date of the activity.": "Rhowch ddyddiad y gweithgaredd.",
    "The date of the activity cannot be in the future. Enter today's date or an earlier one.":
        "Ni all dyddiad y gweithgaredd fod yn y dyfodol. Rhowch ddyddiad heddiw neu un cynharach.",
    "%(field)s: use %(limit)s characters or fewer.": "%(field)s: defnyddiwch %(limit)s nod neu lai.",
    # services: who may, and when
    "%(reference)s was changed by someone else, or in another tab, after you opened this page. Check it as it is now, then make your change again.":
        "Newidiwyd %(reference)s gan rywun arall, neu mewn tab arall, ar ôl i chi agor y dudalen hon. Gwiriwch sut mae hi nawr, yna gwnewch eich newid eto.",
    "Only the learner can change their own evidence. An observation can only be changed by the assessor who recorded it.":
        "Dim ond y dysgwr all newid ei dystiolaeth ei hun. Dim ond yr asesydd a'i cofnododd all newid arsylwad.",
    "%(reference)s has already been submitted for assessment, so it cannot be changed until the assessor has decided.":
        "Mae %(reference)s eisoes wedi'i chyflwyno i'w hasesu, felly ni ellir ei newid nes bydd yr asesydd wedi penderfynu.",
    "%(reference)s has been assessed, so it can no longer be changed.":
        "Mae %(reference)s wedi'i hasesu, felly ni ellir ei newid mwyach.",
    "Only the learner's assessor can record an observation of them.": "Dim ond asesydd y dysgwr all gofnodi arsylwad ohono.",
    "Only the learner can add evidence to their portfolio.": "Dim ond y dysgwr all ychwanegu tystiolaeth at ei bortffolio.",
    "Choose the kind of evidence.": "Dewiswch y math o dystiolaeth.",
    "The evidence could not be numbered because of other changes at the same time. Try again.":
        "Nid oedd modd rhifo'r dystiolaeth oherwydd newidiadau eraill ar yr un pryd. Rhowch gynnig arall arni.",
    "Only a draft that has never been submitted can be deleted.": "Dim ond drafft na chafodd ei gyflwyno erioed y gellir ei ddileu.",
    "Choose a file to add.": "Dewiswch ffeil i'w hychwanegu.",
    ("Choose up to %(num)d file at a time.", "Choose up to %(num)d files at a time."): (
        "Dewiswch hyd at %(num)d ffeil ar y tro.",
        "Dewiswch hyd at %(num)d ffeil ar y tro.",
        "Dewiswch hyd at %(num)d ffeil ar y tro.",
        "Dewiswch hyd at %(num)d ffeil ar y tro.",
        "Dewiswch hyd at %(num)d ffeil ar y tro.",
    ),
    "That file is no longer part of %(reference)s.": "Nid yw'r ffeil honno'n rhan o %(reference)s mwyach.",
    "Confirm that this evidence is your own work.": "Cadarnhewch mai eich gwaith eich hun yw'r dystiolaeth hon.",
    "Choose the criteria this evidence shows before submitting it: use “Choose criteria” on the evidence page.":
        "Dewiswch y meini prawf y mae'r dystiolaeth hon yn eu dangos cyn ei chyflwyno: defnyddiwch “Dewis meini prawf” ar dudalen y dystiolaeth.",
    "Add at least one file before submitting.": "Ychwanegwch o leiaf un ffeil cyn cyflwyno.",
    "Nobody is assigned to assess %(standard)s yet, so this evidence cannot be submitted. Ask your training provider to assign an assessor.":
        "Does neb wedi'i neilltuo i asesu %(standard)s eto, felly ni ellir cyflwyno'r dystiolaeth hon. Gofynnwch i'ch darparwr hyfforddiant neilltuo asesydd.",
    # forms
    "I confirm that this evidence is my own work and a true record of what I did. Anything that someone else wrote or made is clearly shown as theirs.":
        "Rwy'n cadarnhau mai fy ngwaith fy hun yw'r dystiolaeth hon a'i bod yn gofnod cywir o'r hyn a wnes i. Mae unrhyw beth a ysgrifennwyd neu a wnaed gan rywun arall wedi'i ddangos yn glir fel eu gwaith nhw.",
    "Documents, photos or recordings of work you have done, such as a client brief, notes or a report.":
        "Dogfennau, lluniau neu recordiadau o waith rydych wedi'i wneud, fel briff cleient, nodiadau neu adroddiad.",
    "Your own description of something you did at work and how you did it.":
        "Eich disgrifiad eich hun o rywbeth a wnaethoch yn y gwaith a sut y gwnaethoch hynny.",
    "A statement from someone who saw you at work, such as a manager or client, with how to contact them.":
        "Datganiad gan rywun a welodd chi wrth eich gwaith, fel rheolwr neu gleient, gyda sut i gysylltu ag ef.",
    "A record of a planned discussion with your assessor about your work.": "Cofnod o drafodaeth wedi'i chynllunio gyda'ch asesydd am eich gwaith.",
    "Your account": "Eich adroddiad",
    "The witness's statement": "Datganiad y tyst",
    "Record of the discussion": "Cofnod y drafodaeth",
    "Say what you did, when, who was involved and why you did it that way.":
        "Dywedwch beth a wnaethoch, pryd, pwy oedd yn rhan ohono a pham y gwnaethoch hynny yn y ffordd honno.",
    "In the witness's own words: what they saw you do.": "Yng ngeiriau'r tyst ei hun: beth a'ch gwelodd yn ei wneud.",
    "The questions asked and the answers given.": "Y cwestiynau a ofynnwyd a'r atebion a roddwyd.",
    "What you saw the learner do, where and how well.": "Beth a welsoch y dysgwr yn ei wneud, ble, a pha mor dda.",
    "You can use Markdown: *italic*, **bold**, lists starting with -, and links.":
        "Gallwch ddefnyddio Markdown: *italig*, **trwm**, rhestrau sy'n dechrau gyda -, a dolenni.",
    "What kind of evidence is it?": "Pa fath o dystiolaeth yw hi?",
    "Add files": "Ychwanegu ffeiliau",
    # views' messages
    "%(reference)s has been saved as a draft.": "Mae %(reference)s wedi'i chadw fel drafft.",
    "Your changes have been saved.": "Mae eich newidiadau wedi'u cadw.",
    "Added to %(reference)s: %(names)s": "Ychwanegwyd at %(reference)s: %(names)s",
    "%(name)s has been removed from %(reference)s.": "Mae %(name)s wedi'i thynnu o %(reference)s.",
    "%(reference)s has been submitted for assessment.": "Mae %(reference)s wedi'i chyflwyno i'w hasesu.",
    "%(reference)s has been deleted.": "Mae %(reference)s wedi'i dileu.",
    # templates: fields and claims
    "How the evidence shows it": "Sut mae'r dystiolaeth yn ei ddangos",
    "A short name for it, for example “Client brief for the autumn campaign”.":
        "Enw byr amdani, er enghraifft “Briff y cleient ar gyfer ymgyrch yr hydref”.",
    "When it happened, for example 2026-10-01. It cannot be in the future.":
        "Pryd y digwyddodd, er enghraifft 2026-10-01. Ni all fod yn y dyfodol.",
    "What it is and what it shows (optional).": "Beth yw hi a beth mae'n ei ddangos (dewisol).",
    "For example, studio manager or client.": "Er enghraifft, rheolwr stiwdio neu gleient.",
    "An email address or phone number, so the assessor can check the statement with them.":
        "Cyfeiriad e-bost neu rif ffôn, fel y gall yr asesydd wirio'r datganiad gyda nhw.",
    "You can choose several files at once. You can add more later.": "Gallwch ddewis sawl ffeil ar unwaith. Gallwch ychwanegu rhagor yn nes ymlaen.",
    # templates: the portfolio
    "Portfolio": "Portffolio",
    "Add evidence": "Ychwanegu tystiolaeth",
    "Record an observation": "Cofnodi arsylwad",
    "Show evidence that is": "Dangos tystiolaeth sydd",
    "%(status)s evidence: %(count)d": "Tystiolaeth – %(status)s: %(count)d",
    "All evidence: %(count)d": "Yr holl dystiolaeth: %(count)d",
    "No evidence has that status.": "Does dim tystiolaeth â'r statws hwnnw.",
    "Show all evidence": "Dangos yr holl dystiolaeth",
    "You have no evidence yet.": "Does gennych chi ddim tystiolaeth eto.",
    "Add evidence of what you have done at work: files, a written account, a witness testimony or the record of a professional discussion. Then choose the criteria it shows and submit it to your assessor.":
        "Ychwanegwch dystiolaeth o'r hyn rydych wedi'i wneud yn y gwaith: ffeiliau, adroddiad ysgrifenedig, tystiolaeth tyst neu gofnod trafodaeth broffesiynol. Yna dewiswch y meini prawf y mae'n eu dangos a'i chyflwyno i'ch asesydd.",
    "%(name)s has no evidence yet.": "Does gan %(name)s ddim tystiolaeth eto.",
    # templates: adding and changing
    "Your assessor records observations of your work themselves: they appear in your portfolio.":
        "Mae eich asesydd yn cofnodi arsylwadau o'ch gwaith ei hun: maen nhw'n ymddangos yn eich portffolio.",
    "Continue": "Parhau",
    "Add evidence: %(kind)s": "Ychwanegu tystiolaeth: %(kind)s",
    "It is saved as a draft: nobody assesses it until you submit it.": "Caiff ei chadw fel drafft: does neb yn ei hasesu nes i chi ei chyflwyno.",
    "Files are not kept when there is a problem with the form: choose them again.":
        "Ni chaiff ffeiliau eu cadw pan fydd problem gyda'r ffurflen: dewiswch nhw eto.",
    "Save as a draft": "Cadw fel drafft",
    "It is saved as a draft in the learner's portfolio. Then choose the criteria it shows and submit it: you assess it like any other evidence.":
        "Caiff ei gadw fel drafft ym mhortffolio'r dysgwr. Yna dewiswch y meini prawf y mae'n eu dangos a'i gyflwyno: rydych yn ei asesu fel unrhyw dystiolaeth arall.",
    "Change %(reference)s": "Newid %(reference)s",
    "What is saved now, where it differs from what you typed:": "Yr hyn sydd wedi'i gadw nawr, lle mae'n wahanol i'r hyn a deipiwyd gennych:",
    "What you typed is below. Save it to replace what is saved now, or cancel to keep it.":
        "Mae'r hyn a deipiwyd gennych isod. Cadwch ef i ddisodli'r hyn sydd wedi'i gadw nawr, neu canslwch i'w gadw fel y mae.",
    "Save changes": "Cadw'r newidiadau",
    # templates: one item
    "Type": "Math o ffeil",
    "The learner's reflection": "Myfyrdod y dysgwr",
    "Remove": "Tynnu",
    "No files yet.": "Dim ffeiliau eto.",
    "The assessor has asked for changes. Make them, then submit this evidence again.":
        "Mae'r asesydd wedi gofyn am newidiadau. Gwnewch nhw, yna cyflwynwch y dystiolaeth hon eto.",
    "The assessor has asked for changes to this evidence.": "Mae'r asesydd wedi gofyn am newidiadau i'r dystiolaeth hon.",
    "Submit for assessment": "Cyflwyno i'w hasesu",
    "Choose criteria": "Dewis meini prawf",
    "Change details": "Newid y manylion",
    "Delete draft": "Dileu'r drafft",
    "You can choose several files at once.": "Gallwch ddewis sawl ffeil ar unwaith.",
    "Criteria it shows": "Y meini prawf y mae'n eu dangos",
    "No criteria chosen yet.": "Dim meini prawf wedi'u dewis eto.",
    "Choose the criteria this evidence shows": "Dewiswch y meini prawf y mae'r dystiolaeth hon yn eu dangos",
    "Submissions and decisions": "Cyflwyniadau a phenderfyniadau",
    "Submission %(number)d": "Cyflwyniad %(number)d",
    "Submitted by %(name)s on %(when)s.": "Cyflwynwyd gan %(name)s ar %(when)s.",
    "The declaration": "Y datganiad",
    "Decisions by %(name)s, %(when)s": "Penderfyniadau gan %(name)s, %(when)s",
    "Decisions on submission %(number)d": "Penderfyniadau ar gyflwyniad %(number)d",
    "Not submitted yet.": "Heb ei chyflwyno eto.",
    "Choose the criteria it shows, then submit it for assessment.": "Dewiswch y meini prawf y mae'n eu dangos, yna cyflwynwch hi i'w hasesu.",
    # templates: submitting and deleting
    "Submit %(reference)s for assessment": "Cyflwyno %(reference)s i'w hasesu",
    "Submit": "Cyflwyno",
    "The assessor of each standard it claims decides every criterion. Until they have, it cannot be changed.":
        "Mae asesydd pob safon y mae'n ei hawlio yn penderfynu ar bob maen prawf. Nes iddynt wneud hynny, ni ellir ei newid.",
    "Criteria it claims": "Y meini prawf y mae'n eu hawlio",
    "It claims no criteria yet, so it cannot be submitted.": "Nid yw'n hawlio unrhyw feini prawf eto, felly ni ellir ei chyflwyno.",
    "It has no files yet, so it cannot be submitted.": "Does ganddi ddim ffeiliau eto, felly ni ellir ei chyflwyno.",
    "No files.": "Dim ffeiliau.",
    "Delete the draft %(reference)s?": "Dileu'r drafft %(reference)s?",
    "Delete": "Dileu",
    "Everything in it is deleted: its text, its files and the criteria it claims. This cannot be undone.":
        "Caiff popeth ynddi ei ddileu: ei thestun, ei ffeiliau a'r meini prawf y mae'n eu hawlio. Ni ellir dadwneud hyn.",
}
