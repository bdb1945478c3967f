"""Iwan Parry (Welsh), post-production coordinator: an account referred back, a discussion waiting for review, a draft with its file."""
from ...evidence.models import ACCOUNT, DISCUSSION, FILE
from ..files import PdfFile
from ..people import LEARNERS
from ..script import POST_PRODUCTION, Item, Review, Story, Submit

EXPECTATIONS = """Fi yw cydlynydd ôl-gynhyrchu Ôl-gynhyrchu Taf yng Nghaerdydd. Ddechrau'r hydref daeth cwmni cynhyrchu bach, Ffilmiau'r Bont, atom ni gyda rhaglen ddogfen awr o hyd ar gyfer S4C. Dyma'u rhaglen gyntaf i ddarlledwr.

Yn y cyfarfod cyntaf gyda'r cyfarwyddwr, Llinos, gofynnais beth roedden nhw'n ei ddisgwyl gennym ni: golygu, graddio lliw, cymysgu sain ac isdeitlau, a'r cyfan yn barod i'w gyflwyno ymhen chwe wythnos.

Esboniais y llif gwaith gam wrth gam: y golygu terfynol yn gyntaf, yna cloi'r llun, a dim ond wedyn y graddio a'r cymysgu. Dangosais yr amserlen ar y sgrin a thynnu sylw at y dyddiad cloi'r llun. Esboniais fod pob newid i'r llun ar ôl y dyddiad hwnnw yn golygu gwneud y graddio a'r cymysgu eto, ac y byddai hynny'n costio amser ac arian.

Roedd Llinos yn meddwl y gallai'r isdeitlau gael eu gwneud ar yr un pryd â'r golygu. Esboniais pam na allai hynny weithio: mae'r isdeitlau'n dibynnu ar y toriad terfynol. Symudon ni'r isdeitlau i'r wythnos olaf, a chytunodd hi fod chwe wythnos yn dal yn bosibl.

Roedd Llinos yn deall y broses yn dda erbyn diwedd y cyfarfod, ac anfonais yr amserlen ati mewn e-bost yr un prynhawn."""

DISCUSSION_RECORD = """**Yn bresennol:** Iwan Parry (dysgwr) a Sarah Mitchell (aseswr), ar alwad fideo.

### Sut ydych chi'n rhagweld newidiadau yn nisgwyliadau cleient?

Dywedodd Iwan ei fod yn gwylio am arwyddion cynnar: cleient yn sôn am "syniad newydd" ar ôl cloi'r llun, neu'r darlledwr yn gofyn am fersiwn arall. Mae'n holi ym mhob cyfarfod wythnosol a oes unrhyw beth wedi newid ar ochr y darlledwr.

### Sut ydych chi'n cyfathrebu newid i'r cytundeb mewn ffordd gadarnhaol?

Pan symudodd y darlledwr y dyddiad cyflwyno wythnos yn gynharach, ffoniodd Iwan y cleient yr un diwrnod. Dechreuodd gyda'r hyn oedd yn dal yn bosibl, nid gyda'r hyn a fyddai'n cael ei golli, a chynigiodd ddau ddewis: gweithio dros y penwythnos am gost ychwanegol, neu symleiddio'r graddio lliw.

### Sut ydych chi'n adnabod risgiau, a beth ydych chi'n ei wneud pan fydd pethau'n mynd o chwith?

Mae'n cadw rhestr risgiau syml ar gyfer pob prosiect. Y risg fwyaf ar y rhaglen hon oedd deunydd archif nad oedd y cleient wedi cael yr hawliau iddo eto. Nododd hynny'n gynnar, a chafodd y cleient ganiatâd cyn y cymysgu.

### Sut ydych chi'n esbonio beth sy'n ymarferol a beth sydd ddim?

Mae'n defnyddio'r amserlen fel llun: mae'n dangos i'r cleient pa ddiwrnodau fyddai'n symud pe bai newid yn cael ei wneud, yn hytrach na dweud "na" yn unig."""

CHANGE_LOG = PdfFile(
    "log-newidiadau-ffilmiau-r-bont.pdf",
    "Ôl-gynhyrchu Taf: log newidiadau, rhaglen ddogfen Ffilmiau'r Bont",
    (
        "Newid 1. Cais y cleient: ychwanegu dau funud o archif ar ôl cloi'r llun. Effaith: ail-raddio ac ail-gymysgu dwy olygfa, "
        "un diwrnod ychwanegol. Cost: £650. Penderfyniad: cytunwyd gan Llinos drwy e-bost.",
        "Newid 2. Y darlledwr yn symud y dyddiad cyflwyno wythnos yn gynharach. Effaith: dim amser i'r ail rownd o newidiadau "
        "graddio. Dewisiadau a gynigiwyd: gweithio dros y penwythnos (£900) neu symleiddio'r graddio. Penderfyniad: symleiddio'r graddio.",
        "Newid 3. Cais i newid ffont yr isdeitlau. Effaith: hanner diwrnod. Dim cost ychwanegol: o fewn y rownd newidiadau a gytunwyd.",
        "Cedwir y log hwn yn ffolder y prosiect ar weinydd y cwmni; dim ond staff y prosiect sydd â mynediad iddo.",
    ),
)

STORY = Story(LEARNERS[8].email, (
    Item("expectations", ACCOUNT, "Cytuno ar ddisgwyliadau gyda chleient newydd ar ddechrau rhaglen ddogfen", 14, EXPECTATIONS,
         claims={POST_PRODUCTION: {
             "P2": "Gwiriais fod disgwyliadau'r cleient o'r amserlen chwe wythnos yn realistig.",
             "P3": "Roedd hi'n deall y broses erbyn diwedd y cyfarfod.",
             "P4": "Esboniais y llif gwaith a'r dyddiad cloi'r llun.",
             "K1": "Deall anghenion cwmni bach ar ei raglen gyntaf i ddarlledwr.",
             "K2": "Y llif gwaith, yr amserlen a chost newidiadau hwyr.",
         }}),
    Submit("expectations"),
    Review("expectations", POST_PRODUCTION, "Cyfrif da, Iwan, sy'n dangos eich bod yn gallu esbonio'r llif gwaith yn glir. Mae P3 heb ei "
           "fodloni eto: gweler yr adborth. Diwygiwch y cyfrif a'i gyflwyno eto.",
           not_yet={"P3": "Rydych chi'n dweud bod Llinos 'yn deall y broses yn dda', ond nid sut y gwnaethoch chi wirio hynny. Pa "
                          "wybodaeth ddibynadwy ddefnyddioch chi i farnu lefel ei dealltwriaeth, er enghraifft ei phrofiad blaenorol "
                          "neu'r cwestiynau a ofynnoch chi iddi?"}),
    Item("deadline", DISCUSSION, "Trafodaeth broffesiynol: pan symudodd y darlledwr y dyddiad cyflwyno", 38, DISCUSSION_RECORD,
         claims={POST_PRODUCTION: {
             "K6": "Yr arwyddion cynnar rwy'n gwylio amdanyn nhw.",
             "K7": "Sut y cyflwynais y dyddiad cynharach a'r dewisiadau.",
             "K9": "Y rhestr risgiau a'r hawliau archif.",
             "K10": "Defnyddio'r amserlen i ddangos effaith newid.",
         }}),
    Submit("deadline"),
    Item("change-log", FILE, "Log newidiadau'r prosiect", 52,
         description="Y log rwy'n ei gadw o bob cais am newid, ei effaith a'r penderfyniad.",
         files=(CHANGE_LOG,),
         claims={POST_PRODUCTION: {
             "P6": "Mae pob newid yn dangos yr effaith a'r gost cyn i'r cleient benderfynu.",
             "P7": "Newid 2: rhoi gwybod am y dyddiad newydd a chynnig dewisiadau.",
             "P8": "Y log yw cofnod y cwmni o'r newidiadau a gytunwyd.",
         }}),
))
