"""Welsh for the account strings: roles, states, emails, password rules (folded into messages.po)."""
CY = {
    "The English version follows the Welsh.": "Mae'r fersiwn Saesneg yn dilyn y Gymraeg.",
    "Provider administrator": "Gweinyddwr y darparwr",
    "Assessor": "Asesydd",
    "IQA": "SAM",
    "Learner": "Dysgwr",
    "Invited": "Wedi'i wahodd",
    "Active": "Gweithredol",
    "Deactivated": "Wedi'i ddadactifadu",
    "Do not build your password from your name or email address. Add words that are not about you.": "Peidiwch â llunio'ch cyfrinair o'ch enw neu'ch cyfeiriad e-bost. Ychwanegwch eiriau nad ydynt yn ymwneud â chi.",
    "%(email)s has been deactivated. Reactivate them from their page first.": "Mae %(email)s wedi'i ddadactifadu. Ailactifadwch y cyfrif o'i dudalen yn gyntaf.",
    "%(name)s has already accepted their invitation.": "Mae %(name)s eisoes wedi derbyn y gwahoddiad.",
    "%(name)s has been deactivated. Reactivate them before inviting them again.": "Mae %(name)s wedi'i ddadactifadu. Ailactifadwch y cyfrif cyn anfon gwahoddiad eto.",
}
