"""Aled Evans (Welsh), customer service at a bike shop: LOCAL-CFACSB15 met, signed off and countersigned; a draft begun on SKSCMGS11."""
from ...assessment.models import MET
from ...evidence.models import ACCOUNT, DISCUSSION, FILE, OBSERVATION, WITNESS
from ...iqa.models import AGREED
from ..files import ChartFile, PdfFile
from ..people import LEARNERS
from ..script import CREATIVE, RELATIONS, Check, Correct, Countersign, Item, Review, SignOff, Story, Submit

CALLS = """Ar ddechrau'r tymor gofynnodd fy rheolwr, Gwenllian, i mi ddarganfod pa gwsmeriaid y dylem ni eu gwahodd i ymuno â chlwb gwasanaethu Beiciau Menai. Mae'r clwb yn rhoi gwasanaeth blynyddol am bris is, a lle yn y gweithdy o fewn diwrnod os bydd beic yn torri.

## Pwy ddylai gael eu gwahodd

Es i drwy gofnodion y gweithdy am y chwe mis diwethaf. Roedd tri grŵp yn amlwg:

- pobl sy'n beicio i'r gwaith bob dydd ac sy'n dod â'u beiciau i mewn yn aml;
- aelodau'r ddau glwb beicio lleol, sy'n prynu llawer o rannau;
- teuluoedd sy'n prynu beiciau plant ac yn dod yn ôl wrth i'r plant dyfu.

Dewisais y cymudwyr yn gyntaf. Maen nhw'n dibynnu ar eu beiciau i gyrraedd y gwaith, felly mae gwasanaeth cyflym yn werth mwy iddyn nhw nag i neb arall, ac maen nhw'n dod yn ôl drwy'r flwyddyn, nid yn yr haf yn unig. Trafodais y dewis gyda Gwenllian cyn dechrau.

## Y galwadau

Ffoniais ddeuddeg o'r cymudwyr. Ar ddechrau pob galwad dywedais pwy oeddwn i, fy mod i'n gweithio yn y gweithdy, a pham roeddwn i'n ffonio: i ddiolch iddyn nhw am ddod yn ôl atom ni, ac i sôn am y clwb. Esboniais beth fydden nhw'n ei gael ohono, a beth fyddai'r siop yn ei gael hefyd: gwaith rheolaidd y gallwn ni ei gynllunio, a chyfle i ddod i'w hadnabod yn well.

Dywedais yn glir fy mod i eisiau clywed beth sy'n bwysig iddyn nhw, nid dim ond gwerthu aelodaeth. Gofynnodd un cwsmer, Mr Roberts, a fyddai'r lle o fewn diwrnod ar gael ar ddydd Sadwrn hefyd. Doeddwn i ddim yn siŵr, felly dywedais y byddwn i'n holi ac yn ei ffonio'n ôl drannoeth. Gwnes i hynny, ac mae'r ateb bellach ar daflen y clwb.

Ymunodd saith o'r deuddeg â'r clwb o fewn pythefnos."""

COMPLAINT = """Rwyf wedi bod yn rheolwr ar Aled ers iddo ddechrau yn Beiciau Menai y llynedd.

Roeddwn i yn y siop ar fore Sadwrn prysur pan ddaeth Mrs Owen i nôl ei beic. Roedd y beic wedi bod yn y gweithdy ddau ddiwrnod yn hwy nag a addawyd iddi, a doedd neb wedi ei ffonio i ddweud pam. Roedd hi'n flin iawn, ac fe ddywedodd hynny'n blaen o flaen cwsmeriaid eraill.

Gwrandawodd Aled arni heb dorri ar ei thraws. Cytunodd fod yr oedi'n annerbyniol, ac esboniodd yn onest fod rhan wedi cyrraedd yn hwyr gan y cyflenwr a'n bod ni wedi methu â'i ffonio. Ymddiheurodd heb wneud esgusodion. Cynigiodd wirio'r breciau am ddim y tro nesaf, sydd o fewn yr hyn y caiff staff y cownter ei gynnig heb ofyn i mi.

Wedyn gofynnodd iddi a oedd gweddill y gwasanaeth dros y flwyddyn wedi bod yn iawn ganddi, a nododd ei sylwadau ar ei chofnod yn y system. Y bore Llun wedyn daeth ata i gydag awgrym: ein bod ni'n anfon neges destun at bob cwsmer cyn gynted ag y bydd rhan yn hwyr. Rydym ni wedi gwneud hynny ers mis bellach, ac mae'r cwynion am oedi bron wedi peidio.

Mae Mrs Owen wedi dod yn ôl ddwywaith ers hynny, a'r tro diwethaf fe ymunodd â'r clwb gwasanaethu.

Rwy'n cadarnhau bod y datganiad hwn yn gofnod cywir o'r hyn a welais."""

REPORT = PdfFile(
    "adroddiad-adborth-clwb.pdf",
    "Clwb gwasanaethu Beiciau Menai: adborth a chynigion",
    (
        "Paratowyd gan Aled Evans ar gyfer Gwenllian Jones, rheolwr y siop.",
        "1. Beth wnes i. Holais 31 o aelodau'r clwb gydag arolwg byr o bum cwestiwn, wrth y cownter ac ar e-bost, a siaradais "
        "â phedwar aelod o staff y gweithdy am y problemau maen nhw'n eu gweld.",
        "2. Beth ddysgais i. Mae 27 o'r 31 aelod yn fodlon neu'n fodlon iawn, ac mae'r sgôr bodlonrwydd wedi codi o 68 i 89 y cant "
        "dros bedwar mis (gweler y siart). Y peth sy'n poeni aelodau fwyaf yw peidio â gwybod pryd y bydd eu beic yn barod. "
        "Mae'r staff yn dweud bod y dyddiadur papur yn achosi dryswch ar ddydd Sadwrn.",
        "3. Cyswllt ar-lein. Mae 22 aelod yn defnyddio grŵp Facebook y clwb. Mae'n lle da i rannu awgrymiadau cynnal a chadw a "
        "newyddion am reidiau'r penwythnos, ac mae aelodau'n ateb cwestiynau ei gilydd. Mae'r negeseuon testun am rannau hwyr "
        "wedi lleihau nifer y galwadau ffôn i'r siop.",
        "4. Cynigion. (a) Symud y dyddiadur gweithdy i'r system archebu ar-lein. (b) Anfon neges destun pan fydd beic yn barod. "
        "(c) Gwahodd teuluoedd i'r clwb yn y gwanwyn, cyn tymor y beiciau plant.",
    ),
)

DISCUSSION_RECORD = """**Yn bresennol:** Aled Evans (dysgwr) ac Owain Griffiths (aseswr). Cynhaliwyd y drafodaeth yn swyddfa'r siop ac fe'i recordiwyd gyda chaniatâd Aled.

### Pam mae sgiliau cyfathrebu mor bwysig wrth ddelio â chwsmeriaid?

Dywedodd Aled fod y rhan fwyaf o broblemau yn y gweithdy yn dechrau gyda chamddealltwriaeth, nid gyda'r gwaith ei hun: cwsmer yn meddwl bod "gwasanaeth" yn cynnwys teiars newydd, er enghraifft. Mae bellach yn ailadrodd beth mae'r cwsmer wedi gofyn amdano cyn ysgrifennu'r tocyn gwaith.

### Sut ydych chi'n cytuno ar fuddion perthynas hirdymor gyda chwsmer?

Esboniodd Aled fod y clwb yn gweithio i'r ddwy ochr: mae'r cwsmer yn cael pris is a sicrwydd, ac mae'r siop yn cael gwaith rheolaidd y gall ei gynllunio. Mae'n dweud hynny'n agored wrth gwsmeriaid yn hytrach na chuddio budd y siop.

### Sut ydych chi'n trafod pan fydd cwsmer eisiau mwy nag y gallwch ei roi?

Rhoddodd Aled enghraifft o gwsmer a oedd eisiau ei feic yn ôl yr un diwrnod yn ystod wythnos brysuraf y flwyddyn. Cynigiodd ddau ddewis iddo: gwneud y gwaith diogelwch hanfodol ar unwaith a gweddill y gwasanaeth yr wythnos wedyn, neu aros tridiau am y cyfan. Dewisodd y cwsmer y cyntaf.

### Pa fath o gyfaddawd sy'n dderbyniol i'r siop?

Caiff staff y cownter gynnig gwiriad am ddim, neu ddisgownt o hyd at ddeg y cant ar rannau. Rhaid gofyn i'r rheolwr am unrhyw beth mwy. Ni fydd Aled byth yn addo dyddiad na all y gweithdy ei gadw, oherwydd mae torri addewid yn gwneud mwy o ddrwg na dweud "na" ar y dechrau.

### Sut ydych chi'n defnyddio'ch dylanwad i fodloni disgwyliadau cwsmeriaid?

Soniodd Aled am y negeseuon testun am rannau hwyr: cynigiodd y syniad i'r rheolwr gyda thystiolaeth o'r cwynion, a chafodd ganiatâd i'w dreialu am fis."""

OBSERVED = """Arsylwais Aled wrth gownter y gweithdy rhwng 9:30 ac 11:00 ar fore Sadwrn prysur. Roedd y rheolwr, Gwenllian Jones, yn gwybod am yr arsylwi, a chafodd y cwsmeriaid wybod pam roeddwn i yno.

- Croesawodd Aled aelod o'r clwb wrth ei enw, diolchodd iddo am ddod â'i feic i mewn ar gyfer y gwasanaeth blynyddol, a holodd sut roedd y beic wedi bod ers y tro diwethaf.
- Gyda chwsmer newydd, esboniodd ei rôl a'r hyn y mae'r gweithdy'n ei gynnig, a soniodd am y clwb heb bwyso arno i ymuno.
- Pan ofynnodd cwsmer a allai'r gwaith fod yn barod erbyn y prynhawn, gwiriodd Aled y dyddiadur cyn ateb a chynnig amser realistig.
- Ar ddiwedd pob sgwrs gofynnodd a oedd unrhyw beth arall y gallai'r siop ei wneud, a nododd sylwadau ar gofnod y cwsmer.

Roedd Aled yn gwrtais, yn glir ac yn hyderus drwy'r amser, hyd yn oed pan oedd ciw o bump wrth y cownter."""

RACE_DRAFT = """Cysylltodd ysgrifennydd Clwb Beicio Eryri i ofyn a allem ni wasanaethu beiciau deugain o aelodau yn yr wythnos cyn eu ras flynyddol.

Cyn ateb, edrychais ar y dyddiadur gyda Gwenllian. Doedd dim modd gwneud deugain mewn wythnos heb siomi ein cwsmeriaid eraill, felly cynigiais bythefnos yn lle hynny, gyda'r beiciau'n dod i mewn mewn pedwar grŵp o ddeg.

(I'w orffen: beth gytunon ni yn ysgrifenedig, a sut aeth hi.)"""

STORY = Story(LEARNERS[0].email, (
    Item("calls", ACCOUNT, "Dewis y cwsmeriaid i'w gwahodd i glwb gwasanaethu'r siop", 6, CALLS,
         description="Sut y dewisais y cwsmeriaid y dylem ni ddatblygu perthynas hirdymor gyda nhw, a'r galwadau a wnes i iddyn nhw.",
         claims={RELATIONS: {
             "P1": "Dewisais y cymudwyr fel y cwsmeriaid i ddatblygu perthynas hirdymor gyda nhw, ac esbonio pam.",
             "P2": "Ffoniais bob un i ddiolch iddyn nhw am ddod yn ôl, er mwyn iddyn nhw wybod eu bod yn bwysig i ni.",
             "P3": "Ar ddechrau pob galwad esboniais fy rôl, pam roeddwn i'n ffonio a buddion y clwb i'r ddwy ochr.",
             "P4": "Gofynnais am eu barn, a ffoniais Mr Roberts yn ôl gyda'r ateb i'w gwestiwn.",
             "G1": "Sut y dewisais y cymudwyr o blith tri grŵp, a pham.",
             "G2": "Pam y dewisais alwad ffôn bersonol yn hytrach nag e-bost at bawb.",
         }}),
    Submit("calls"),
    Review("calls", RELATIONS, "Cyfrif clir a manwl, Aled. Rydych chi'n esbonio pam y dewisoch chi'r cymudwyr, nid dim ond beth wnaethoch "
           "chi, ac mae'r alwad yn ôl at Mr Roberts yn dangos yn dda eich bod yn croesawu cyfathrebu ar y ddwy ochr.",
           comments={"G1": "Da: rydych chi'n cymharu'r tri grŵp ac yn cyfiawnhau'r dewis."}),
    Item("complaint", WITNESS, "Datganiad tyst: ymdrin â chwsmer anfodlon am oedi yn y gweithdy", 15, COMPLAINT,
         witness=("Gwenllian Jones", "Rheolwr y siop, Beiciau Menai", "gwenllian.jones@beiciau-menai.example, 01632 960 123"),
         claims={RELATIONS: {
             "P5": "Derbyniais feirniadaeth Mrs Owen yn agored a dweud yn onest wrthi beth aeth o'i le.",
             "P6": "Gofynnais a oedd gweddill y gwasanaeth wedi bodloni ei disgwyliadau, a chofnodi ei hateb.",
             "P7": "Defnyddiais fy awdurdod i gynnig gwiriad am ddim, ac awgrymu'r negeseuon testun i'r rheolwr.",
             "G5": "Sut y siaradais â chwsmer a oedd yn anfodlon gyda'n gwasanaeth.",
         }}),
    Submit("complaint"),
    Review("complaint", RELATIONS, "Datganiad cryf gan reolwr sy'n eich gweld chi'n gweithio bob dydd. Mae'n dangos eich bod wedi derbyn "
           "beirniadaeth yn adeiladol ac wedi mynd ati i newid y drefn er lles y cwsmer."),
    Item("report", FILE, "Adroddiad i'r rheolwr: adborth aelodau'r clwb a chynigion", 28,
         description="Yr adroddiad a ysgrifennais i Gwenllian ar ôl holi aelodau'r clwb a staff y gweithdy, gyda siart o'r sgoriau "
                     "bodlonrwydd dros y pedwar mis diwethaf.",
         files=(REPORT, ChartFile("siart-bodlonrwydd.png", (68, 74, 83, 89))),
         claims={RELATIONS: {
             "P8": "Casglais adborth gan 31 aelod a phedwar aelod o staff y gweithdy (adrannau 1 a 2).",
             "P9": "Mae adran 4 yn cynnig tri newid i'r rheolwr i ddatblygu teyrngarwch.",
             "G9": "Arolwg byr wrth y cownter a thrwy e-bost: dulliau sydd o fewn fy awdurdod i.",
             "G10": "Adran 3: grŵp Facebook y clwb a'r negeseuon testun.",
         }}),
    Submit("report"),
    Review("report", RELATIONS, "Adroddiad da sy'n dangos eich bod wedi casglu a dadansoddi adborth. Mae un maen prawf heb ei fodloni "
           "eto: gweler G10.",
           not_yet={"G10": "Dydw i ddim yn gweld ble mae'r adroddiad yn trafod y we na'r cyfryngau cymdeithasol. Dangoswch sut mae "
                           "cyswllt ar-lein yn helpu i gynnal y berthynas gyda'r aelodau."}),
    Correct("report", RELATIONS, "G10", MET,
            "Mae adran 3 yr adroddiad yn trafod grŵp Facebook y clwb a'r negeseuon testun, a sut maen nhw'n cynnal y berthynas "
            "gyda'r aelodau.",
            "Methais adran 3 yr adroddiad wrth adolygu'r tro cyntaf. Mae'n dangos G10 yn llawn, felly rwy'n cywiro'r penderfyniad."),
    Item("discussion", DISCUSSION, "Trafodaeth broffesiynol: cyfathrebu, cyfaddawdu a dylanwad", 36, DISCUSSION_RECORD,
         description="Cofnod o drafodaeth 40 munud gydag Owain Griffiths, fy aseswr, yn y siop.",
         claims={RELATIONS: {
             "G3": "Pam mae cyfathrebu clir yn atal problemau yn y gweithdy.",
             "G4": "Sut mae'r clwb o fudd i'r cwsmer ac i'r siop.",
             "G6": "Yr enghraifft o gynnig dau ddewis i gwsmer yn ystod wythnos brysur.",
             "G7": "Y cyfaddawdu y caiff staff y cownter ei gynnig, a phryd i ofyn i'r rheolwr.",
             "G8": "Sut y defnyddiais fy nylanwad i gyflwyno'r negeseuon testun.",
         }}),
    Submit("discussion"),
    Review("discussion", RELATIONS, "Trafodaeth dda. Rydych chi'n dangos dealltwriaeth gadarn, gydag enghreifftiau o'ch gwaith eich hun "
           "bob tro."),
    Item("observed", OBSERVATION, "Arsylwi: Aled wrth gownter y gweithdy ar fore Sadwrn", 42, OBSERVED,
         claims={RELATIONS: {
             "P2": "Croesawodd aelod o'r clwb wrth ei enw a diolch iddo am ddod yn ôl.",
             "P3": "Esboniodd ei rôl a'r hyn y mae'r gweithdy'n ei gynnig i gwsmer newydd.",
             "P6": "Gofynnodd a oedd y gwasanaeth yn bodloni disgwyliadau ar ddiwedd pob sgwrs.",
         }}),
    Submit("observed"),
    Review("observed", RELATIONS, "Arsylwad uniongyrchol sy'n cadarnhau'r hyn a ddisgrifir yn E-001 ac E-002."),
    SignOff(RELATIONS),
    Countersign(RELATIONS),
    Check("calls", RELATIONS, AGREED,
          "Sampled Owain's first decision in this cohort. The account is detailed and clearly Aled's own work, and the notes "
          "against each criterion match the decisions."),
    Item("race", ACCOUNT, "Cytuno ar amserlen gyda Chlwb Beicio Eryri cyn y ras", 55, RACE_DRAFT,
         claims={CREATIVE: {
             "P1": "Gwnes i'n siŵr bod y clwb yn gwybod beth oedd yn bosibl cyn cytuno.",
             "P7": "Cynllun o bedwar grŵp dros bythefnos.",
         }}),
))
