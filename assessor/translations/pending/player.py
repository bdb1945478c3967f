"""Welsh for the scenario player: the list, the conversation, the debrief and the transcript."""
_REPLY_WORDS = "Mae %(num)d gair yn eich ateb."
_WORDS = "%(num)d gair."

CY = {
    "Practise with scenarios": "Ymarfer gyda senarios",
    # outcomes and meters
    "Resolved": "Wedi'i ddatrys",
    "Resolved at a cost": "Wedi'i ddatrys, ar gost",
    "Escalated": "Wedi'i uwchgyfeirio",
    "Referred to another service": "Wedi'i gyfeirio at wasanaeth arall",
    "Relationship lost": "Y berthynas wedi'i cholli",
    "Unresolved": "Heb ei ddatrys",
    "%(label)s: %(value)s": "%(label)s: %(value)s",
    "%(label)s: %(value)s of %(maximum)s": "%(label)s: %(value)s o %(maximum)s",
    "yes": "ie",
    "no": "na",
    # the services' messages
    "This conversation has moved on since that page was loaded, perhaps in another tab or window, so your reply was not sent. Here is where the conversation stands now.":
        "Mae'r sgwrs hon wedi symud ymlaen ers i'r dudalen honno gael ei llwytho, efallai mewn tab neu ffenestr arall, felly ni anfonwyd eich ateb. Dyma lle mae'r sgwrs yn sefyll nawr.",
    "Only learners play the scenarios.": "Dim ond dysgwyr sy'n chwarae'r senarios.",
    "That reply is not open at this point of the conversation. Choose one of the replies shown.":
        "Nid yw'r ateb hwnnw ar gael ar y pwynt hwn yn y sgwrs. Dewiswch un o'r atebion a ddangosir.",
    ("Your reply has %(num)d word.", "Your reply has %(num)d words."):
        (_REPLY_WORDS, _REPLY_WORDS, "Mae %(num)d air yn eich ateb.", _REPLY_WORDS, _REPLY_WORDS),
    "%(written)s Write at least %(minimum)d words.": "%(written)s Ysgrifennwch o leiaf %(minimum)d gair.",
    "Write a reflection of at least %(minimum)d characters: what went well, and what you would do differently.":
        "Ysgrifennwch fyfyrdod o %(minimum)d nod o leiaf: beth aeth yn dda, a beth fyddech chi'n ei wneud yn wahanol.",
    "Keep your reflection to %(maximum)s characters or fewer.": "Cadwch eich myfyrdod i %(maximum)s nod neu lai.",
    "Scenario: %(title)s": "Senario: %(title)s",
    "Transcript of my attempt at the simulated client scenario “%(title)s”. Outcome: %(outcome)s.":
        "Trawsgrifiad o fy ymgais ar y senario cleient efelychiedig “%(title)s”. Canlyniad: %(outcome)s.",
    "From the scenario (%(ref)s): see the transcript.": "O'r senario (%(ref)s): gweler y trawsgrifiad.",
    "Only the learner who played an attempt can reflect on it.": "Dim ond y dysgwr a chwaraeodd ymgais all fyfyrio arni.",
    "Finish the conversation first: the debrief comes at its end.":
        "Gorffennwch y sgwrs yn gyntaf: daw'r ôl-drafodaeth ar ei diwedd.",
    "A new attempt has started. Your earlier attempts are kept.":
        "Mae ymgais newydd wedi dechrau. Mae eich ymgeisiau cynharach wedi'u cadw.",
    "This attempt was changed in another tab or window. Here it is as it stands now.":
        "Newidiwyd yr ymgais hon mewn tab neu ffenestr arall. Dyma hi fel y mae nawr.",
    "Your reflection is saved.": "Mae eich myfyrdod wedi'i gadw.",
    "The transcript is in your portfolio as %(reference)s, a draft. Check the criteria it claims, then submit it for assessment.":
        "Mae'r trawsgrifiad yn eich portffolio fel %(reference)s, yn ddrafft. Gwiriwch y meini prawf y mae'n eu hawlio, yna cyflwynwch ef i'w asesu.",
    # forms
    "Your reply": "Eich ateb",
    "Choose what to say.": "Dewiswch beth i'w ddweud.",
    "Write your reply.": "Ysgrifennwch eich ateb.",
    "Your reflection": "Eich myfyrdod",
    # the list
    "Talk with a simulated client: choose what to say or write your reply, and see how they react. Every step is saved, so you can stop and come back later.":
        "Siaradwch â chleient efelychiedig: dewiswch beth i'w ddweud neu ysgrifennwch eich ateb, a gwelwch sut mae'n ymateb. Mae pob cam yn cael ei gadw, felly gallwch stopio a dod yn ôl yn nes ymlaen.",
    "At the end you get a debrief. You can then add the transcript to your portfolio as evidence for the criteria it touched.":
        "Ar y diwedd cewch ôl-drafodaeth. Yna gallwch ychwanegu'r trawsgrifiad at eich portffolio fel tystiolaeth ar gyfer y meini prawf a gododd ynddo.",
    "Time it takes": "Faint o amser mae'n ei gymryd",
    "About %(minutes)d minutes": "Tua %(minutes)d munud",
    "Standards it exercises": "Y safonau y mae'n eu hymarfer",
    "None of its standards is loaded.": "Nid oes yr un o'i safonau wedi'i llwytho.",
    "Your attempts": "Eich ymgeisiau",
    "Started %(when)s": "Dechreuwyd %(when)s",
    "View debrief": "Gweld yr ôl-drafodaeth",
    "attempt started %(when)s": "ymgais a ddechreuwyd %(when)s",
    "Left unfinished": "Heb ei gorffen",
    "Resume": "Parhau",
    "Start again": "Dechrau eto",
    "Start": "Dechrau",
    "No scenarios are available yet. Ask your training provider: they are added by whoever runs Assessor.":
        "Does dim senarios ar gael eto. Gofynnwch i'ch darparwr hyfforddiant: maen nhw'n cael eu hychwanegu gan bwy bynnag sy'n rhedeg Assessor.",
    # the conversation
    "Scenario": "Senario",
    "You are talking with %(name)s, %(role)s, %(organisation)s.": "Rydych chi'n siarad â %(name)s, %(role)s, %(organisation)s.",
    "What %(name)s cares about": "Beth sy'n bwysig i %(name)s",
    "Starting again begins a new attempt from the first message. This attempt is kept.":
        "Mae dechrau eto yn dechrau ymgais newydd o'r neges gyntaf. Mae'r ymgais hon yn cael ei chadw.",
    "Back to the scenarios": "Yn ôl i'r senarios",
    "This conversation has moved on": "Mae'r sgwrs hon wedi symud ymlaen",
    "The reply you wrote, which was not sent (copy it if you want to use it):":
        "Yr ateb a ysgrifennoch chi, na chafodd ei anfon (copïwch ef os ydych am ei ddefnyddio):",
    "How things stand": "Sut mae pethau'n sefyll",
    "The conversation": "Y sgwrs",
    "You": "Chi",
    "(written reply)": "(ateb ysgrifenedig)",
    "The conversation has ended": "Mae'r sgwrs wedi dod i ben",
    "See your debrief": "Gweld eich ôl-drafodaeth",
    "What do you say?": "Beth ydych chi'n ei ddweud?",
    "Write at least %(minimum)d words.": "Ysgrifennwch o leiaf %(minimum)d gair.",
    "Send": "Anfon",
    # the debrief
    "Debrief: %(title)s": "Ôl-drafodaeth: %(title)s",
    "Debrief": "Ôl-drafodaeth",
    "How it ended": "Sut daeth i ben",
    "The path you took": "Y llwybr a gymeroch chi",
    "Feedback:": "Adborth:",
    "Your assessor judges a written reply against the scenario's rubric once you submit the transcript.":
        "Mae eich aseswr yn barnu ateb ysgrifenedig yn erbyn cyfeireb y senario pan fyddwch yn cyflwyno'r trawsgrifiad.",
    "The criteria this attempt touched": "Y meini prawf a gododd yn yr ymgais hon",
    "What your choices showed and your written replies can evidence":
        "Beth ddangosodd eich dewisiadau, a beth y gall eich atebion ysgrifenedig fod yn dystiolaeth ohono",
    "What it says": "Beth mae'n ei ddweud",
    "On your programme": "Ar eich rhaglen",
    "This standard is not loaded.": "Nid yw'r safon hon wedi'i llwytho.",
    "Your choices in this attempt did not show any of the scenario's criteria.":
        "Ni ddangosodd eich dewisiadau yn yr ymgais hon yr un o feini prawf y senario.",
    "What your choices did not show yet": "Beth nad yw eich dewisiadau wedi'i ddangos eto",
    "A criterion counts only once your assessor has judged the evidence: adding this attempt to your portfolio claims the criteria it touched on your programme, and you can change that before you submit it.":
        "Dim ond pan fydd eich aseswr wedi barnu'r dystiolaeth y mae maen prawf yn cyfrif: mae ychwanegu'r ymgais hon at eich portffolio yn hawlio'r meini prawf a gododd ynddi ar eich rhaglen, a gallwch newid hynny cyn ei chyflwyno.",
    "In your portfolio": "Yn eich portffolio",
    "This attempt is in your portfolio as %(reference)s.": "Mae'r ymgais hon yn eich portffolio fel %(reference)s.",
    "Open %(reference)s": "Agor %(reference)s",
    "Reflect, then add it to your portfolio": "Myfyriwch, yna ychwanegwch hi at eich portffolio",
    "What went well, what you would do differently, and what you learnt about the client. Between %(minimum)d and %(maximum)s characters.":
        "Beth aeth yn dda, beth fyddech chi'n ei wneud yn wahanol, a beth ddysgoch chi am y cleient. Rhwng %(minimum)d a %(maximum)s nod.",
    "Add to my portfolio": "Ychwanegu at fy mhortffolio",
    "Save reflection": "Cadw'r myfyrdod",
    "What next": "Beth nesaf",
    "View the transcript": "Gweld y trawsgrifiad",
    # the transcript
    "%(title)s (version %(version)s)": "%(title)s (fersiwn %(version)s)",
    "Simulated client": "Cleient efelychiedig",
    "Played": "Chwaraewyd",
    "Finished %(when)s": "Gorffennwyd %(when)s",
    "Not finished": "Heb ei gorffen",
    ("%(num)d word.", "%(num)d words."): (_WORDS, _WORDS, "%(num)d air.", _WORDS, _WORDS),
    "Can evidence: %(refs)s": "Gall fod yn dystiolaeth o: %(refs)s",
    "This choice shows: %(refs)s": "Mae'r dewis hwn yn dangos: %(refs)s",
    "This choice does not show: %(refs)s": "Nid yw'r dewis hwn yn dangos: %(refs)s",
    "Feedback the learner was given: %(feedback)s": "Yr adborth a gafodd y dysgwr: %(feedback)s",
    "Rubric for this reply": "Cyfeireb ar gyfer yr ateb hwn",
    "Prompt:": "Y dasg:",
    "A model answer": "Ateb enghreifftiol",
    "The learner's reflection": "Myfyrdod y dysgwr",
    "No reflection written yet.": "Does dim myfyrdod wedi'i ysgrifennu eto.",
    "Transcript: %(title)s": "Trawsgrifiad: %(title)s",
    "Transcript": "Trawsgrifiad",
    "Played by %(name)s.": "Chwaraewyd gan %(name)s.",
}
