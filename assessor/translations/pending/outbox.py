"""Welsh for the outbox pages (folded into messages.po)."""
CY = {
    "Recorded only": "Wedi'i gofnodi yn unig",
    "Sent": "Wedi'i anfon",
    "Failed": "Wedi methu",
    "Back to the outbox": "Yn ôl i'r blwch anfon",
    "Email": "E-bost",
    "Recipient": "Derbynnydd",
    "Time": "Amser",
    "Delivery": "Danfon",
    "Message": "Neges",
    "Every email Assessor sends is kept here, newest first. Without an SMTP server the outbox is the only copy, so you can pass links on by hand.": "Mae pob e-bost y mae Assessor yn ei anfon yn cael ei gadw yma, y diweddaraf yn gyntaf. Heb weinydd SMTP, y blwch anfon yw'r unig gopi, felly gallwch drosglwyddo dolenni â llaw.",
    "Messages: %(count)d": "Negeseuon: %(count)d",
    "Subject": "Pwnc",
    "No emails have been sent yet. Invitations and password reset links will appear here.": "Nid oes unrhyw e-byst wedi'u hanfon eto. Bydd gwahoddiadau a dolenni ailosod cyfrinair yn ymddangos yma.",
}
