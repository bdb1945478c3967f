"""Welsh for the messages about uploaded files: what is accepted, too large, empty."""
CY = {
    "PDF, images (PNG, JPEG, GIF, WebP), Word, Excel and PowerPoint files, OpenDocument text, spreadsheets and "
    "presentations, audio (MP3, WAV, OGG, M4A, AAC, FLAC) and video (MP4, WebM, MOV)":
        "PDF, delweddau (PNG, JPEG, GIF, WebP), ffeiliau Word, Excel a PowerPoint, dogfennau testun, taenlenni a "
        "chyflwyniadau OpenDocument, sain (MP3, WAV, OGG, M4A, AAC, FLAC) a fideo (MP4, WebM, MOV)",
    "%(name)s is not a type of file we accept. You can upload %(allowed)s.":
        "Nid yw %(name)s yn fath o ffeil rydym yn ei dderbyn. Gallwch uwchlwytho %(allowed)s.",
    "%(name)s is too large. Each file can be up to %(limit)s MB.":
        "Mae %(name)s yn rhy fawr. Gall pob ffeil fod hyd at %(limit)s MB.",
    "%(name)s is empty. Choose the file again, or a different one.":
        "Mae %(name)s yn wag. Dewiswch y ffeil eto, neu un wahanol.",
    "Each file can be up to %(size)s MB, and you can send up to %(count)s files at once. Go back and choose a smaller file.":
        "Gall pob ffeil fod hyd at %(size)s MB, a gallwch anfon hyd at %(count)s o ffeiliau ar unwaith. "
        "Ewch yn ôl a dewiswch ffeil lai.",
}
