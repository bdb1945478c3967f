"""Bethan Hughes (Welsh), client coordinator at a video production company: a complaint referred back and met when
resubmitted, a meeting record on two standards (its IQA sample referred back and answered), a testimony waiting, a draft."""
from ...evidence.models import ACCOUNT, FILE, WITNESS
from ...iqa.models import REFERRED
from ..files import PdfFile
from ..people import LEARNERS
from ..script import CREATIVE, POST_PRODUCTION, Check, Item, Respond, Review, Revise, Story, Submit

COMPLAINT = """Mae Stiwdio Glan Llyn yn gwneud fideo hyrwyddo i Mêl Eryri ar gyfer eu stondin yn Sioe Frenhinol Cymru. Roedden ni wedi addo'r toriad cyntaf erbyn dydd Gwener, ond oherwydd bod ein golygydd yn sâl aeth hi'n ddydd Mawrth.

Ffoniodd perchennog y cwmni, Elen Pugh, ar y dydd Llun yn flin iawn. Doedd neb wedi dweud wrthi am yr oedi, ac roedd hi wedi trefnu cyfarfod gyda'i thîm i wylio'r toriad.

Gwrandawais arni heb amddiffyn y cwmni, a dywedais ei bod hi'n iawn: dylen ni fod wedi dweud wrthi cyn gynted ag y gwydden ni. Ymddiheurais, a dywedais y byddwn i'n siarad â'r cynhyrchydd ac yn ei ffonio'n ôl."""

RESOLVED = COMPLAINT + """

## Beth wnes i i ddatrys y broblem

Siaradais â'r cynhyrchydd, Tomos, o fewn yr awr. Roedd gennym ni ddau ddewis: aros i'r golygydd wella, neu ofyn i Tomos orffen y toriad ei hun gyda'r deunydd a oedd eisoes wedi'i olygu. Dewison ni'r ail, oherwydd bod cyfarfod Elen yn bwysicach na chael pob manylyn yn berffaith yn y toriad cyntaf.

Ffoniais Elen yn ôl y prynhawn hwnnw. Cynigiais ddau beth: y toriad cyntaf erbyn deg o'r gloch fore trannoeth, mewn pryd i'w chyfarfod, ac ail rownd o newidiadau am ddim i wneud iawn am yr oedi. Cytunodd, ac anfonais e-bost yn cadarnhau'r ddau beth.

## Gwirio ei bod hi'n fodlon

Anfonais y ddolen at Elen am 9:40 y bore wedyn. Ar ôl ei chyfarfod ffoniais i ofyn sut aeth hi. Roedd y tîm yn hapus gyda'r toriad, a dim ond dau newid bach oedd ganddyn nhw. Nodais y cyfan ar gofnod y prosiect, ac rydyn ni bellach yn anfon nodyn at bob cleient cyn gynted ag y bydd unrhyw ddyddiad yn llithro."""

MEETING = PdfFile(
    "cofnod-cyfarfod-mel-eryri.pdf",
    "Stiwdio Glan Llyn: cofnod cyfarfod cychwyn prosiect",
    (
        "Cleient: Mêl Eryri (Elen Pugh, perchennog). Stiwdio Glan Llyn: Tomos Ellis (cynhyrchydd), Bethan Hughes (cydlynydd cleientiaid).",
        "Y gwaith: fideo hyrwyddo 90 eiliad ar gyfer sgrin y stondin yn Sioe Frenhinol Cymru, a thair fersiwn 15 eiliad ar gyfer "
        "y cyfryngau cymdeithasol. Iaith: Cymraeg, gydag isdeitlau Saesneg.",
        "Disgwyliadau a gytunwyd: un diwrnod o ffilmio yn y wenynfa; y toriad cyntaf o fewn deg diwrnod gwaith i'r ffilmio; dwy "
        "rownd o newidiadau; y fersiynau terfynol bythefnos cyn y Sioe.",
        "Camau gweithredu: Elen i anfon logo a lliwiau'r brand erbyn dydd Gwener. Tomos i anfon amserlen y ffilmio. Bethan i anfon "
        "y cofnod hwn at Elen i'w gadarnhau, a'i gadw yn ffolder y prosiect.",
        "Cadarnhawyd gan y cleient drwy e-bost ddeuddydd ar ôl y cyfarfod.",
    ),
)

TESTIMONY = """Bethan oedd fy mhrif gyswllt yn Stiwdio Glan Llyn drwy gydol y gwaith ar ein fideo ar gyfer y Sioe Frenhinol.

O'r cyfarfod cyntaf, roedd hi'n glir am beth oedd yn bosibl yn yr amser a gyda'r gyllideb oedd gennym ni. Pan ofynnais am ddiwrnod ychwanegol o ffilmio yn y wenynfa, esboniodd beth fyddai hynny'n ei olygu i'r amserlen a'r gost cyn i mi benderfynu, a daeth â chynnig ysgrifenedig ata i drannoeth.

Pan newidiodd trefnwyr y Sioe faint y sgriniau ar y stondinau, ffoniodd Bethan fi yr un diwrnod i esbonio'r newid i'r cytundeb: fersiwn sgwâr yn lle fersiwn llydan, heb gost ychwanegol. Anfonodd e-bost wedyn yn cadarnhau'r cyfan.

Roedd hi bob amser yn ateb yn brydlon, ac roeddwn i'n teimlo ei bod hi'n deall ein busnes ni. Byddwn i'n sicr yn gweithio gyda'r stiwdio eto."""

DECISION_MAKERS = """Ar ôl y Sioe, gofynnodd Mêl Eryri am bris am gyfres o fideos ar gyfer eu gwefan. Sylwais mai Elen sy'n cytuno ar bob gwaith, ond mai ei mab, Gruff, sy'n rheoli'r gyllideb farchnata a'r cyfryngau cymdeithasol.

(Nodiadau i'w datblygu: sut y cwrddais â Gruff, a beth ddysgais am y ffordd maen nhw'n penderfynu.)"""

STORY = Story(LEARNERS[1].email, (
    Item("complaint", ACCOUNT, "Ymdrin â chwyn gan gleient am fideo hyrwyddo hwyr", 9, COMPLAINT,
         claims={CREATIVE: {
             "P3": "Dywedais yn onest wrth y cleient mai ni oedd ar fai.",
             "P5": "Siaradais yn dawel ac yn broffesiynol er ei bod hi'n flin.",
             "P14": "Ymdrin â chwyn Elen Pugh am yr oedi.",
             "K11": "Sut y dewisais i a'r cynhyrchydd ateb i'r broblem.",
         }}),
    Submit("complaint"),
    Review("complaint", CREATIVE, "Mae'r cyfrif yn dangos eich bod wedi ymddwyn yn broffesiynol ac yn onest gyda chleient blin. I fodloni "
           "P14 a K11 mae angen i chi ddangos sut y cafodd y broblem ei datrys. Diwygiwch y cyfrif a'i gyflwyno eto.",
           not_yet={
               "P14": "Rydych chi'n disgrifio'n dda sut y gwnaethoch chi wrando ac ymddiheuro, ond nid beth wnaethoch chi i ddatrys y "
                      "broblem na sut y gwnaethoch chi wirio wedyn fod Elen yn fodlon. Ychwanegwch y camau hynny at y cyfrif.",
               "K11": "Esboniwch sut aethoch chi ati i ddatrys y broblem: pa ddewisiadau oedd gennych chi, a pham y dewisoch chi'r un a "
                      "wnaethoch.",
           }),
    Revise("complaint", RESOLVED),
    Submit("complaint"),
    Review("complaint", CREATIVE, "Diolch, Bethan. Mae'r adrannau newydd yn dangos yn glir sut y datrysoch chi'r broblem a sut y "
           "gwnaethoch chi wirio bod y cleient yn fodlon. Mae P14 a K11 wedi'u bodloni bellach."),
    Item("meeting", FILE, "Cofnod y cyfarfod cychwyn a'r cytundeb gwaith gyda Mêl Eryri", 20,
         description="Y cofnod a ysgrifennais ar ôl y cyfarfod cychwyn, ac a anfonais at y cleient i'w gadarnhau. Mae'n defnyddio "
                     "templed cofnod cyfarfod y cwmni.",
         files=(MEETING,),
         claims={
             CREATIVE: {
                 "P6": "Cofnod o'r disgwyliadau, y cyfathrebu a'r camau gweithredu a gytunwyd.",
                 "P7": "Mae'r cofnod yn gosod yr amserlen a'r dull gwaith y cytunwyd arnyn nhw.",
             },
             POST_PRODUCTION: {
                 "P2": "Gwiriais fod disgwyliadau'r cleient am yr amserlen a'r newidiadau yn realistig ar ddechrau'r prosiect.",
                 "P8": "Cofnod ar dempled y cwmni, wedi'i gadw yn ffolder y prosiect.",
             },
         }),
    Submit("meeting"),
    Review("meeting", CREATIVE, "Cofnod clir a chyflawn, wedi'i gadarnhau gan y cleient."),
    Review("meeting", POST_PRODUCTION, "Mae'r cofnod yn dangos yn dda eich bod wedi gwirio bod disgwyliadau'r cleient yn realistig o'r "
           "dechrau."),
    Check("meeting", POST_PRODUCTION, REFERRED,
          "The decision on P8 rests on the record alone. P8 asks for records in the formats the organisation expects, and nothing "
          "in the decision shows how that was confirmed.",
          "Confirm with Bethan's workplace that this is Stiwdio Glan Llyn's standard meeting record, and say in your response how "
          "you confirmed it."),
    Respond("meeting", POST_PRODUCTION,
            "I spoke to Tomos Ellis, the producer, who confirmed that this is the company's standard meeting record, and I have seen "
            "the blank template. I have noted this in Bethan's file, and I now ask for each workplace's templates at the start."),
    Item("testimony", WITNESS, "Datganiad tyst gan Elen Pugh, Mêl Eryri", 33, TESTIMONY,
         witness=("Elen Pugh", "Perchennog, Mêl Eryri (cleient)", "elen@mel-eryri.example"),
         claims={CREATIVE: {
             "P1": "Esboniais beth oedd yn bosibl cyn i'r cleient benderfynu ar y diwrnod ffilmio ychwanegol.",
             "P4": "Mae'r cleient yn disgrifio perthynas o ymddiriedaeth a chydweithio.",
             "P8": "Ffoniais ac ysgrifennais at y cleient am y newid i'r cytundeb.",
         }}),
    Submit("testimony"),
    Item("decision-makers", ACCOUNT, "Pwy sy'n gwneud y penderfyniadau yn Mêl Eryri?", 50, DECISION_MAKERS,
         claims={CREATIVE: {"P9": "Nodi mai Gruff sy'n rheoli'r gyllideb farchnata.", "P11": ""}}),
))
