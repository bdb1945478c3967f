"""The CASE 1.1 structures our packages and the CASE service must match, as JSON Schema (draft 2020-12).

Written from 1EdTech's "Competencies and Academic Standards Exchange (CASE) Service 1.1" (Final Release, 24
January 2025; https://www.imsglobal.org/activity/case): the service model's classes CFPckgDocument, CFPckgItem,
CFPckgAssociation, LinkGenURI, LinkURI, CFDocument (+ CFPackageURI, [1]), CFItem (+ CFDocumentURI, [1]),
CFAssociation (+ CFDocumentURI, [0..1]), CFDocumentSet (CFDocuments [1..unbounded]) and imsx_StatusInfo with its
enumerations, and from its JSON Schema binding of getCFPackage as redistributed in opensalt/opensalt
(core/config/schema/case-v1p1-cfpackage-schema.json: the same required fields, `additionalProperties: false` on
every class but the extensions, the identifier pattern). 1EdTech's files are under its specification licence
(https://www.1edtech.org/speclicense.html), so this module restates the fields they require instead of copying them.
"""
from jsonschema import Draft202012Validator

CASE_UUID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[8-9a-b][0-9a-f]{3}-[0-9a-f]{12}$"
PACKAGE_PROPERTIES = ["CFDocument", "CFItems", "CFAssociations", "CFDefinitions", "CFRubrics", "extensions"]
DOCUMENT_REQUIRED = ["identifier", "uri", "creator", "title", "lastChangeDateTime"]
DOCUMENT_PROPERTIES = DOCUMENT_REQUIRED + [
    "frameworkType", "caseVersion", "officialSourceURL", "publisher", "description", "subject", "subjectURI",
    "language", "version", "adoptionStatus", "statusStartDate", "statusEndDate", "licenseURI", "notes", "extensions",
]
ITEM_REQUIRED = ["identifier", "fullStatement", "uri", "lastChangeDateTime"]
ITEM_PROPERTIES = ITEM_REQUIRED + [
    "alternativeLabel", "CFItemType", "humanCodingScheme", "listEnumeration", "abbreviatedStatement",
    "conceptKeywords", "conceptKeywordsURI", "notes", "subject", "subjectURI", "language", "educationLevel",
    "CFItemTypeURI", "licenseURI", "statusStartDate", "statusEndDate", "extensions",
]
ASSOCIATION_REQUIRED = ["identifier", "associationType", "uri", "originNodeURI", "destinationNodeURI", "lastChangeDateTime"]
ASSOCIATION_PROPERTIES = ASSOCIATION_REQUIRED + ["sequenceNumber", "CFAssociationGroupingURI", "notes", "extensions"]
ASSOCIATION_TYPES = [
    "isChildOf", "isPeerOf", "isPartOf", "exactMatchOf", "precedes", "isRelatedTo", "replacedBy", "exemplar",
    "hasSkillLevel", "isTranslationOf",
]
CODE_MAJOR = ["success", "processing", "failure", "unsupported"]
SEVERITY = ["status", "warning", "error"]
CODE_MINOR = [
    "forbidden", "fullsuccess", "internal_server_error", "invalid_selection_field", "invalid_sort_field",
    "invalid_uuid", "server_busy", "unauthorised_request", "unknownobject",
]

STRING = {"type": "string"}
STRINGS = {"type": "array", "items": STRING}
IDENTIFIER = {"type": "string", "pattern": CASE_UUID}
URI = {"type": "string", "format": "uri"}
DATE_TIME = {"type": "string", "format": "date-time"}
EXTENSIONS = {"type": "object"}
LINK = {
    "type": "object", "required": ["title", "identifier", "uri"], "additionalProperties": False,
    "properties": {"title": STRING, "identifier": IDENTIFIER, "uri": URI},
}
LINK_GEN = {**LINK, "properties": {**LINK["properties"], "targetType": STRING}}


def closed(required: list[str], properties: list[str], types: dict) -> dict:
    return {
        "type": "object",
        "required": required,
        "additionalProperties": False,
        "properties": {name: types.get(name, STRING) for name in properties},
    }


PCKG_DOCUMENT = closed(DOCUMENT_REQUIRED, DOCUMENT_PROPERTIES, {
    "identifier": IDENTIFIER, "uri": URI, "lastChangeDateTime": DATE_TIME, "officialSourceURL": URI,
    "caseVersion": {"enum": ["1.1"]}, "subject": STRINGS, "extensions": EXTENSIONS,
})
PCKG_ITEM = closed(ITEM_REQUIRED, ITEM_PROPERTIES, {
    "identifier": IDENTIFIER, "uri": URI, "lastChangeDateTime": DATE_TIME, "conceptKeywords": STRINGS,
    "subject": STRINGS, "educationLevel": STRINGS, "extensions": EXTENSIONS,
})
PCKG_ASSOCIATION = closed(ASSOCIATION_REQUIRED, ASSOCIATION_PROPERTIES, {
    "identifier": IDENTIFIER, "uri": URI, "lastChangeDateTime": DATE_TIME, "sequenceNumber": {"type": "integer"},
    "associationType": {"enum": ASSOCIATION_TYPES}, "originNodeURI": LINK_GEN, "destinationNodeURI": LINK_GEN,
    "CFAssociationGroupingURI": LINK, "extensions": EXTENSIONS,
})


def extended(base: dict, name: str, required: bool) -> dict:
    """A class as served outside a package: the package's class plus its link to the containing object."""
    schema = {**base, "properties": {**base["properties"], name: LINK}}
    if required:
        schema["required"] = [*base["required"], name]
    return schema


CF_PACKAGE = {
    **closed(["CFDocument"], PACKAGE_PROPERTIES, {
        "CFDocument": PCKG_DOCUMENT,
        "CFItems": {"type": "array", "items": PCKG_ITEM},
        "CFAssociations": {"type": "array", "items": PCKG_ASSOCIATION},
        "CFDefinitions": EXTENSIONS, "CFRubrics": {"type": "array"}, "extensions": EXTENSIONS,
    }),
}
CF_DOCUMENT = extended(PCKG_DOCUMENT, "CFPackageURI", required=True)
CF_ITEM = extended(PCKG_ITEM, "CFDocumentURI", required=True)
CF_ASSOCIATION = extended(PCKG_ASSOCIATION, "CFDocumentURI", required=False)
CF_DOCUMENT_SET = closed(["CFDocuments"], ["CFDocuments"], {
    "CFDocuments": {"type": "array", "minItems": 1, "items": CF_DOCUMENT},
})
IMSX_STATUS_INFO = closed(["imsx_codeMajor", "imsx_severity"], ["imsx_codeMajor", "imsx_severity", "imsx_description", "imsx_codeMinor"], {
    "imsx_codeMajor": {"enum": CODE_MAJOR},
    "imsx_severity": {"enum": SEVERITY},
    "imsx_codeMinor": closed(["imsx_codeMinorField"], ["imsx_codeMinorField"], {
        "imsx_codeMinorField": {"type": "array", "minItems": 1, "items": closed(
            ["imsx_codeMinorFieldName", "imsx_codeMinorFieldValue"],
            ["imsx_codeMinorFieldName", "imsx_codeMinorFieldValue"],
            {"imsx_codeMinorFieldValue": {"enum": CODE_MINOR}},
        )},
    }),
})

SCHEMAS = {
    "CFPackage": CF_PACKAGE,
    "CFDocument": CF_DOCUMENT,
    "CFDocumentSet": CF_DOCUMENT_SET,
    "CFItem": CF_ITEM,
    "CFAssociation": CF_ASSOCIATION,
    "imsx_StatusInfo": IMSX_STATUS_INFO,
}
VALIDATORS = {
    name: Draft202012Validator(
        {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema},
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    for name, schema in SCHEMAS.items()
}


def problems(name: str, payload: dict) -> list[str]:
    """Every way `payload` fails the CASE class `name`, as `path: message` lines (empty when it conforms)."""
    errors = sorted(VALIDATORS[name].iter_errors(payload), key=lambda error: list(error.path))
    return [f"{'/'.join(map(str, error.path)) or name}: {error.message}" for error in errors]
