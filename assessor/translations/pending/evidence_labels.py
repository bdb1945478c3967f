"""Welsh for the names of evidence kinds, evidence states and criterion statuses."""
CY = {
    "Files": "Ffeiliau",
    "Written account": "Adroddiad ysgrifenedig",
    "Witness testimony": "Tystiolaeth tyst",
    "Professional discussion": "Trafodaeth broffesiynol",
    "Scenario transcript": "Trawsgrifiad senario",
    "Observation record": "Cofnod arsylwi",
    "Draft": "Drafft",
    "Submitted": "Wedi'i chyflwyno",
    "Assessed": "Wedi'i hasesu",
    "Referred back": "Wedi'i hanfon yn ôl",
    "Met": "Wedi'i fodloni",
    "Awaiting decision": "Yn aros am benderfyniad",
    "In progress": "Ar y gweill",
    "Not started": "Heb ddechrau",
}
