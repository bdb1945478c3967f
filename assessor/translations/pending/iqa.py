"""Welsh for quality assurance: sampling plans, the IQA's queue and decisions, referrals, the report, times required."""
CY = {
    # labels
    "Do you agree with the assessor's decision?": "Ydych chi'n cytuno â phenderfyniad yr aseswr?",
    "Referred to the assessor": "Wedi'i hanfon at yr aseswr",
    "Assessor has responded": "Mae'r aseswr wedi ymateb",
    "Plan share": "Cyfran y cynllun",
    "New assessor": "Aseswr newydd",
    "Before sign-off": "Cyn cymeradwyo",
    "Drawn for sampling": "Wedi'i dewis i'w samplu",
    "Agreed by the IQA": "Cytunodd y SAM",
    "In the IQA's queue": "Yng nghiw'r SAM",
    # services
    "Only the provider's administrators set the sampling plan.": "Dim ond gweinyddwyr y darparwr sy'n gosod y cynllun samplu.",
    "New assessors must be sampled at least as much as the others.": "Rhaid samplu aseswyr newydd o leiaf gymaint â'r lleill.",
    "Enter a whole number from 0 to 100.": "Rhowch rif cyfan o 0 i 100.",
    "Choose only assessors of this provider.": "Dewiswch aseswyr y darparwr hwn yn unig.",
    "Someone else saved this sampling plan at the same moment. Check your changes and save again.":
        "Cadwodd rhywun arall y cynllun samplu hwn ar yr un pryd. Gwiriwch eich newidiadau a'u cadw eto.",
    "Someone else saved this sampling plan while you were editing it: it now samples %(share)d%% of each assessor's decisions and %(new_share)d%% of new assessors' decisions. Check your changes and save again.":
        "Cadwodd rhywun arall y cynllun samplu hwn tra oeddech chi'n ei olygu: mae bellach yn samplu %(share)d%% o benderfyniadau pob aseswr a %(new_share)d%% o benderfyniadau aseswyr newydd. Gwiriwch eich newidiadau a'u cadw eto.",
    "You made this decision yourself, so another IQA must sample it.": "Chi wnaeth y penderfyniad hwn, felly rhaid i SAM arall ei samplu.",
    "Only the IQA assigned to this learner's standard can decide this sample.":
        "Dim ond y SAM a neilltuwyd i safon y dysgwr hwn all benderfynu ar y sampl hon.",
    "Choose whether you agree with the decision or refer it back.": "Dewiswch a ydych yn cytuno â'r penderfyniad neu'n ei anfon yn ôl.",
    "Say what the assessor must do when you refer the decision back.": "Dywedwch beth sy'n rhaid i'r aseswr ei wneud pan fyddwch yn anfon y penderfyniad yn ôl.",
    "This sample has already been agreed.": "Mae'r sampl hon eisoes wedi'i chytuno.",
    "This sample is with the assessor: wait for their response.": "Mae'r sampl hon gyda'r aseswr: arhoswch am ei ymateb.",
    "Only the assessor who made the decision can respond to its referral.":
        "Dim ond yr aseswr a wnaeth y penderfyniad all ymateb pan gaiff ei anfon yn ôl.",
    "Say what you have done about the IQA's action.": "Dywedwch beth rydych wedi'i wneud ynghylch cam gweithredu'r SAM.",
    "This sample is not waiting for your response.": "Nid yw'r sampl hon yn aros am eich ymateb.",
    "Someone else changed this sample since you opened it: it is now “%(status)s”. Check it and submit again.":
        "Mae rhywun arall wedi newid y sampl hon ers i chi ei hagor: “%(status)s” yw hi bellach. Gwiriwch hi a'i chyflwyno eto.",
    "Someone else changed this sample at the same moment. Check it and submit again.":
        "Newidiodd rhywun arall y sampl hon ar yr un pryd. Gwiriwch hi a'i chyflwyno eto.",
    "Only the provider's administrators change this setting.": "Dim ond gweinyddwyr y darparwr sy'n newid y gosodiad hwn.",
    "Enter a whole number from 1 to %(most)d.": "Rhowch rif cyfan o 1 i %(most)d.",
    "Someone else changed this setting while you were editing it: it is now %(count)d. Check and save again.":
        "Newidiodd rhywun arall y gosodiad hwn tra oeddech chi'n ei olygu: %(count)d yw e bellach. Gwiriwch a chadw eto.",
    # forms
    "Share of each assessor's decisions to sample, in per cent": "Cyfran penderfyniadau pob aseswr i'w samplu, fel canran",
    "Share of a new assessor's decisions to sample, in per cent": "Cyfran penderfyniadau aseswr newydd i'w samplu, fel canran",
    "New assessors": "Aseswyr newydd",
    "Your decision": "Eich penderfyniad",
    "Agree with the assessor's decision": "Cytuno â phenderfyniad yr aseswr",
    "Refer it back to the assessor": "Ei anfon yn ôl at yr aseswr",
    "Comment (optional)": "Sylw (dewisol)",
    "Action for the assessor": "Cam gweithredu i'r aseswr",
    "What you have done about the action": "Beth rydych wedi'i wneud ynghylch y cam gweithredu",
    "Pieces of evidence judged met that each criterion needs": "Nifer y darnau o dystiolaeth a farnwyd wedi'u bodloni sydd eu hangen ar bob maen prawf",
    # views
    "Sampling plan for %(name)s saved.": "Mae'r cynllun samplu ar gyfer %(name)s wedi'i gadw.",
    "Setting saved. Progress has been recounted for this standard's learners.":
        "Mae'r gosodiad wedi'i gadw. Mae cynnydd dysgwyr y safon hon wedi'i ailgyfrif.",
    "You agreed %(assessor)s's decision for %(name)s.": "Rydych wedi cytuno â phenderfyniad %(assessor)s ar gyfer %(name)s.",
    "You referred %(assessor)s's decision for %(name)s back with an action.":
        "Rydych wedi anfon penderfyniad %(assessor)s ar gyfer %(name)s yn ôl gyda cham gweithredu.",
    "Your response has gone back to the IQA.": "Mae eich ymateb wedi mynd yn ôl at y SAM.",
    # the queue
    "Sampled decisions to check": "Penderfyniadau a samplwyd i'w gwirio",
    "Assessors' decisions drawn by the sampling plan, and referrals the assessor has answered, the longest waiting first. Open one to agree it or refer it back with an action.":
        "Penderfyniadau aseswyr a ddewiswyd gan y cynllun samplu, a phenderfyniadau a anfonwyd yn ôl y mae'r aseswr wedi ymateb iddynt, gyda'r rhai sydd wedi aros hiraf yn gyntaf. Agorwch un i gytuno ag ef neu i'w anfon yn ôl gyda cham gweithredu.",
    "Waiting for you: %(count)d": "Yn aros amdanoch: %(count)d",
    "Why sampled": "Pam y'i samplwyd",
    "Days waiting": "Diwrnodau'n aros",
    "Nothing is waiting for you. When an assessor's decision for one of your learners is sampled, or an assessor answers a referral, it appears here.":
        "Does dim yn aros amdanoch. Pan gaiff penderfyniad aseswr ar gyfer un o'ch dysgwyr ei samplu, neu pan fydd aseswr yn ymateb i benderfyniad a anfonwyd yn ôl, bydd yn ymddangos yma.",
    "See what is awaiting sampling across your provider": "Gweld beth sy'n aros i gael ei samplu ar draws eich darparwr",
    # one sample
    "Check a sampled decision": "Gwirio penderfyniad a samplwyd",
    "Check %(assessor)s's decision for %(name)s": "Gwirio penderfyniad %(assessor)s ar gyfer %(name)s",
    "You asked: %(text)s": "Gofynnoch chi: %(text)s",
    "The assessor answered: %(text)s": "Atebodd yr aseswr: %(text)s",
    "Your note on the check, kept in the sample's history.": "Eich nodyn ar y gwiriad, a gedwir yn hanes y sampl.",
    "Needed when you refer the decision back: say what the assessor must do.":
        "Mae ei angen pan fyddwch yn anfon y penderfyniad yn ôl: dywedwch beth sy'n rhaid i'r aseswr ei wneud.",
    "Save your decision": "Cadw eich penderfyniad",
    "Referred back to the assessor with this action: %(text)s. It comes back to your queue when they respond.":
        "Wedi'i anfon yn ôl at yr aseswr gyda'r cam gweithredu hwn: %(text)s. Bydd yn dod yn ôl i'ch ciw pan fydd yn ymateb.",
    "You agreed this decision. Nothing more is needed.": "Rydych wedi cytuno â'r penderfyniad hwn. Does dim angen dim byd arall.",
    "Reviewed": "Adolygwyd",
    "Why it was sampled": "Pam y cafodd ei samplu",
    "The assessor's decisions": "Penderfyniadau'r aseswr",
    "Criteria decided in this review: %(count)d": "Meini prawf y penderfynwyd arnynt yn yr adolygiad hwn: %(count)d",
    "Corrected: %(reason)s": "Wedi'i gywiro: %(reason)s",
    "This review has no decisions on criteria.": "Does dim penderfyniadau ar feini prawf yn yr adolygiad hwn.",
    "The assessor's feedback to the learner": "Adborth yr aseswr i'r dysgwr",
    "No overall feedback was given.": "Ni roddwyd adborth cyffredinol.",
    "History of this sample": "Hanes y sampl hon",
    "Comment: %(text)s": "Sylw: %(text)s",
    "Action: %(text)s": "Cam gweithredu: %(text)s",
    "Response: %(text)s": "Ymateb: %(text)s",
    "Nothing has happened to this sample since it was drawn.": "Does dim wedi digwydd i'r sampl hon ers iddi gael ei dewis.",
    # the assessor's referrals
    "Decisions referred back to you": "Penderfyniadau a anfonwyd yn ôl atoch",
    "An IQA checked these decisions and asks you to act on them. When you have, say what you did: the sample then goes back to the IQA.":
        "Mae SAM wedi gwirio'r penderfyniadau hyn ac yn gofyn i chi weithredu arnynt. Pan fyddwch wedi gwneud hynny, dywedwch beth wnaethoch: bydd y sampl wedyn yn mynd yn ôl at y SAM.",
    "Referred back: %(count)d": "Wedi'u hanfon yn ôl: %(count)d",
    "The IQA's action": "Cam gweithredu'r SAM",
    "respond": "ymateb",
    "No IQA has referred any of your decisions back. If one does, it appears here with the action to take.":
        "Nid oes unrhyw SAM wedi anfon eich penderfyniadau yn ôl. Os bydd un yn gwneud hynny, bydd yn ymddangos yma gyda'r cam gweithredu i'w gymryd.",
    "Respond to a referral": "Ymateb i benderfyniad a anfonwyd yn ôl",
    "Your decision for %(name)s, referred back": "Eich penderfyniad ar gyfer %(name)s, wedi'i anfon yn ôl",
    "For example, the decision you corrected and why, or the feedback you added. The IQA sees this when they check the sample again.":
        "Er enghraifft, y penderfyniad a gywiroch a pham, neu'r adborth a ychwanegoch. Bydd y SAM yn gweld hyn pan fydd yn gwirio'r sampl eto.",
    "Send your response to the IQA": "Anfon eich ymateb at y SAM",
    # the report
    "Awaiting sampling": "Yn aros i gael eu samplu",
    "All cohorts": "Pob carfan",
    "Sign-offs not yet verified": "Cymeradwyaethau heb eu dilysu eto",
    "Standards signed off with no sample agreed yet: %(count)d": "Safonau wedi'u cymeradwyo heb sampl wedi'i chytuno eto: %(count)d",
    "Sampling": "Samplu",
    "Every standard signed off has a sample agreed by an IQA.": "Mae gan bob safon a gymeradwywyd sampl y cytunodd SAM â hi.",
    "Each assessor's decisions against the plan": "Penderfyniadau pob aseswr o'u cymharu â'r cynllun",
    "Plan: %(share)d%% of each assessor's decisions, %(new_share)d%% for new assessors":
        "Cynllun: %(share)d%% o benderfyniadau pob aseswr, %(new_share)d%% ar gyfer aseswyr newydd",
    "the defaults": "y rhagosodiadau",
    "Reviews": "Adolygiadau",
    "With the IQA": "Gyda'r SAM",
    "Referred": "Anfonwyd yn ôl",
    "Share sampled": "Cyfran a samplwyd",
    "Plan": "Cynllun",
    "%(percent)d%%": "%(percent)d%%",
    "No assessor has reviewed evidence in this cohort yet.": "Nid oes unrhyw aseswr wedi adolygu tystiolaeth yn y garfan hon eto.",
    "Your provider has no cohorts yet, so nothing is being sampled.": "Does gan eich darparwr ddim carfanau eto, felly does dim yn cael ei samplu.",
    # the plan and the times required
    "Sampling plan": "Cynllun samplu",
    "How sampling works": "Sut mae samplu'n gweithio",
    "Each assessor's reviews in this cohort are counted in the order they are made. The first review of each assessor is always sampled, then reviews are drawn evenly so that the share set here is met exactly over time.":
        "Caiff adolygiadau pob aseswr yn y garfan hon eu cyfrif yn y drefn y cânt eu gwneud. Caiff adolygiad cyntaf pob aseswr ei samplu bob amser, ac yna caiff adolygiadau eu dewis yn gyson fel bod y gyfran a osodir yma'n cael ei chyrraedd yn union dros amser.",
    "At %(share)d%%, that is one review in every %(every)s.": "Ar %(share)d%%, dyna un adolygiad ym mhob %(every)s.",
    "Assessors you mark as new are sampled at the new-assessor share instead: at 100%% every one of their reviews is checked.":
        "Caiff aseswyr rydych yn eu nodi'n newydd eu samplu ar gyfran yr aseswyr newydd yn lle hynny: ar 100%% caiff pob un o'u hadolygiadau ei wirio.",
    "When an assessor signs a standard off for a learner and none of that learner's reviews on it has been sampled yet, the latest review is sampled then. The sign-off stands as verified once the IQA agrees a sample.":
        "Pan fydd aseswr yn cymeradwyo safon ar gyfer dysgwr a does dim un o adolygiadau'r dysgwr hwnnw arni wedi'i samplu eto, caiff yr adolygiad diweddaraf ei samplu bryd hynny. Caiff y gymeradwyaeth ei hystyried wedi'i dilysu pan fydd y SAM yn cytuno â sampl.",
    "A share of 0%% samples nothing but what sign-off requires. A changed plan applies to the reviews made from then on.":
        "Nid yw cyfran o 0%% yn samplu dim ond yr hyn sydd ei angen i gymeradwyo. Mae cynllun wedi'i newid yn berthnasol i'r adolygiadau a wneir o hynny ymlaen.",
    "This cohort has no plan of its own yet, so the defaults shown below apply. Save them to make them the cohort's plan.":
        "Does gan y garfan hon ddim cynllun ei hun eto, felly mae'r rhagosodiadau isod yn berthnasol. Cadwch nhw i'w gwneud yn gynllun y garfan.",
    "A whole number from 0 to 100.": "Rhif cyfan o 0 i 100.",
    "At least the share above; 100 samples every review.": "O leiaf y gyfran uchod; mae 100 yn samplu pob adolygiad.",
    "Assessors to treat as new": "Aseswyr i'w trin yn newydd",
    "Their decisions in this cohort are sampled at the new-assessor share.": "Caiff eu penderfyniadau yn y garfan hon eu samplu ar gyfran yr aseswyr newydd.",
    "Your provider has no assessors yet to mark as new.": "Does gan eich darparwr ddim aseswyr eto i'w nodi'n newydd.",
    "Save the sampling plan": "Cadw'r cynllun samplu",
    "Evidence each standard needs": "Y dystiolaeth sydd ei hangen ar bob safon",
    "How many separate pieces of evidence judged met each criterion needs, per standard":
        "Faint o ddarnau ar wahân o dystiolaeth a farnwyd wedi'u bodloni sydd eu hangen ar bob maen prawf, fesul safon",
    "Times required": "Nifer y troeon sydd eu hangen",
    "See what is awaiting sampling in this cohort": "Gweld beth sy'n aros i gael ei samplu yn y garfan hon",
    "Times each criterion must be evidenced": "Sawl gwaith y mae'n rhaid rhoi tystiolaeth ar gyfer pob maen prawf",
    "A criterion counts as met when this many separate pieces of evidence have been judged met for it. Most standards need it once; some ask to see it more than once.":
        "Caiff maen prawf ei gyfrif wedi'i fodloni pan fydd cynifer â hyn o ddarnau ar wahân o dystiolaeth wedi'u barnu wedi'u bodloni ar ei gyfer. Unwaith sydd ei angen ar y rhan fwyaf o safonau; mae rhai'n gofyn am ei weld fwy nag unwaith.",
    "Changing it recounts the progress of every learner in %(cohort)s on this standard straight away.":
        "Mae ei newid yn ailgyfrif cynnydd pob dysgwr yn %(cohort)s ar y safon hon ar unwaith.",
    "A whole number from 1 to 5.": "Rhif cyfan o 1 i 5.",
    # the cohort page
    "Sampling plan, and how often each criterion must be evidenced": "Cynllun samplu, a sawl gwaith y mae'n rhaid rhoi tystiolaeth ar gyfer pob maen prawf",
}
