"""Welsh for the cohort export: its pages, the states of a job, and the cohort summary PDF."""
CY = {
    # the states of an export
    "Waiting to start": "Yn aros i ddechrau",
    "Being prepared": "Wrthi'n cael ei baratoi",
    "Ready to download": "Yn barod i'w lawrlwytho",
    "Removed": "Wedi'i ddileu",
    # the exports page
    "Exports": "Allforion",
    "Export the cohort's portfolios": "Allforio portffolios y garfan",
    "An export is a ZIP file holding every learner's portfolio as a PDF, and a summary of the cohort's progress. It is prepared in the background: you can leave the page and come back.":
        "Ffeil ZIP yw allforyn sy'n cynnwys portffolio pob dysgwr fel PDF, a chrynodeb o gynnydd y garfan. Caiff ei baratoi yn y cefndir: gallwch adael y dudalen a dod yn ôl.",
    "Learners who transferred to another cohort are in that cohort's export.":
        "Mae dysgwyr a drosglwyddodd i garfan arall yn allforyn y garfan honno.",
    "Each export is kept for %(hours)d hours, then removed.": "Caiff pob allforyn ei gadw am %(hours)d awr, ac yna'i ddileu.",
    "Language of the documents": "Iaith y dogfennau",
    "Choose the language of the documents.": "Dewiswch iaith y dogfennau.",
    "Start the export": "Dechrau'r allforio",
    "Exports of this cohort: %(count)d": "Allforion y garfan hon: %(count)d",
    "Requested": "Gofynnwyd amdano",
    "Kept until": "Yn cael ei gadw tan",
    "by %(name)s": "gan %(name)s",
    "No exports of this cohort yet. Choose a language and start one.": "Dim allforion o'r garfan hon eto. Dewiswch iaith a dechrau un.",
    "An export in that language is already being prepared. Here is its progress.":
        "Mae allforyn yn yr iaith honno eisoes yn cael ei baratoi. Dyma'i gynnydd.",
    "The export has started. This page shows its progress.": "Mae'r allforio wedi dechrau. Mae'r dudalen hon yn dangos ei gynnydd.",
    "Portfolios": "Portffolios",
    "Export every learner's portfolio and a cohort summary as a ZIP file":
        "Allforio portffolio pob dysgwr a chrynodeb o'r garfan fel ffeil ZIP",
    # one export
    "Cohort export": "Allforio'r garfan",
    "%(when)s by %(name)s": "%(when)s gan %(name)s",
    "Finished": "Wedi gorffen",
    "Waiting to start.": "Yn aros i ddechrau.",
    "%(done)d of %(total)d portfolios": "%(done)d o %(total)d portffolio",
    "This page updates itself every few seconds. You can leave it and come back: the export goes on.":
        "Mae'r dudalen hon yn diweddaru ei hun bob ychydig eiliadau. Gallwch ei gadael a dod yn ôl: mae'r allforio'n parhau.",
    "The export could not be made. Start a new one; if it fails again, tell your administrator.":
        "Nid oedd modd creu'r allforyn. Dechreuwch un newydd; os yw'n methu eto, rhowch wybod i'ch gweinyddwr.",
    "Technical details": "Manylion technegol",
    "This export was removed on %(when)s, after being kept for %(hours)d hours.":
        "Cafodd yr allforyn hwn ei ddileu ar %(when)s, ar ôl cael ei gadw am %(hours)d awr.",
    "All exports of this cohort, or start a new one": "Holl allforion y garfan hon, neu ddechrau un newydd",
    "%(failed)d of %(total)d portfolios could not be made. The file errors.txt in the ZIP names them and says why.":
        "Nid oedd modd creu %(failed)d o %(total)d portffolio. Mae'r ffeil errors.txt yn y ZIP yn eu henwi ac yn dweud pam.",
    "The ZIP holds %(count)d portfolios and the cohort summary.": "Mae'r ZIP yn cynnwys %(count)d portffolio a chrynodeb y garfan.",
    "Download the ZIP (%(size)s)": "Lawrlwytho'r ZIP (%(size)s)",
    "Available until %(when)s.": "Ar gael tan %(when)s.",
    "SHA-256 of the file:": "SHA-256 y ffeil:",
    "The ZIP is no longer available. Start a new export.": "Nid yw'r ZIP ar gael mwyach. Dechreuwch allforyn newydd.",
    # a removed export
    "This export has been removed": "Mae'r allforyn hwn wedi'i ddileu",
    "Exports are kept for %(hours)d hours after they are made, then removed, because they hold every learner's records.":
        "Caiff allforion eu cadw am %(hours)d awr ar ôl eu creu, ac yna'u dileu, am eu bod yn cynnwys cofnodion pob dysgwr.",
    "Start a new export of %(name)s": "Dechrau allforyn newydd o %(name)s",
    # inside the ZIP
    "These portfolios could not be made:": "Nid oedd modd creu'r portffolios hyn:",
    # the cohort summary PDF
    "Cohort summary: %(name)s": "Crynodeb y garfan: %(name)s",
    "Cohort summary": "Crynodeb y garfan",
    "This cohort has no standards.": "Nid oes safonau gan y garfan hon.",
    "Learners and standards": "Dysgwyr a safonau",
    "Each cell gives the criteria met out of the criteria assessed, the share met, and whether the standard is signed off.":
        "Mae pob cell yn rhoi nifer y meini prawf a fodlonwyd o'r meini prawf a asesir, y gyfran a fodlonwyd, ac a yw'r safon wedi'i chymeradwyo.",
    "%(met)d of %(total)d (%(percent)d%%)": "%(met)d o %(total)d (%(percent)d%%)",
    "Not signed off": "Heb ei chymeradwyo",
    "Learners enrolled": "Dysgwyr wedi cofrestru",
    "Standards signed off": "Safonau wedi'u cymeradwyo",
    "Verified by the IQA": "Wedi'u dilysu gan y SAM",
}
