"""Hannah Clarke (English), membership adviser at a leisure centre: LOCAL-CFACSB15 met and signed off, waiting for her countersignature."""
from ...evidence.models import ACCOUNT, DISCUSSION, FILE, WITNESS
from ...iqa.models import AGREED
from ..files import ChartFile, PdfFile
from ..people import LEARNERS
from ..script import RELATIONS, Check, Item, Review, SignOff, Story, Submit

CORPORATE = """Riverside Leisure Centre runs a corporate membership scheme with local employers. In my first month as a membership adviser my manager, Gareth, asked me to work out which corporate members we should be building a long-term relationship with.

## Choosing who to focus on

I pulled the attendance report for our eight corporate schemes. Most employers had a handful of regular users, but staff from Taff Vale Housing Association made almost a third of all corporate visits, and more of them joined every month. Their contract was also due for renewal in the spring. I suggested to Gareth that they should be our priority, and he agreed.

## Making contact

I arranged to meet Taff Vale's HR officer, Nisha Patel, at their office. I introduced myself, explained that I was now their named contact at the centre, and said why I had asked to meet: I wanted to understand what their staff valued about the scheme, and what would make it more useful to them, before renewal.

I was clear that this was a two-way conversation. I gave Nisha my direct email and phone number and asked her to pass on any complaints or ideas from her staff, rather than them ringing the general line.

She told me that shift workers struggled to find classes before 7am. I said I would find out whether anything could be done; my manager's statement (E-002) describes what happened next."""

MANAGER = """I have managed Hannah since she joined the membership team.

After her meeting with Taff Vale Housing Association, Hannah came to me with a request from their shift workers for classes before 7am. She had already checked the timetable and the instructors' rotas, and she proposed moving the Tuesday and Thursday spin classes to 6:15am for a trial month. I agreed, and she told Nisha Patel at Taff Vale the same day.

At the end of the month Hannah went through the booking figures with me and rang Nisha to ask whether the change was working for her staff. Bookings from Taff Vale staff had doubled, so we kept the new times.

I also saw Hannah deal with a complaint from one of their staff, who was unhappy that his membership card had been cancelled in error. He was rude on the phone. Hannah stayed calm, accepted that we had made a mistake, explained what had gone wrong and reinstated the card while he was still on the line. She then asked me whether we could add a free guest pass as an apology, which I approved.

I confirm that this is an accurate account of what I saw."""

SURVEY = PdfFile(
    "corporate-member-survey.pdf",
    "Riverside Leisure Centre: corporate member survey",
    (
        "Prepared by Hannah Clarke, membership adviser, for Gareth Lloyd, membership and customer service manager.",
        "Method. A six-question online survey sent to all 214 corporate members (86 replies), and a short meeting with the four "
        "reception staff about the questions corporate members ask most often.",
        "Findings. 79% of the members who replied are satisfied or very satisfied, up from 61% two quarters ago (see the chart). "
        "Early-morning classes and parking are the most common requests. Reception staff report that members often do not know "
        "they can bring a guest twice a year.",
        "Online contact. Most corporate members follow the centre on Instagram, but few read our emails. A monthly post for "
        "corporate members, and a WhatsApp group run by each employer's contact, would reach more people at no cost.",
        "Proposals. (1) Make the 6:15am spin classes permanent. (2) Remind members of their guest passes by text at renewal. "
        "(3) Offer each employer a termly check-in with their named adviser.",
    ),
)

DISCUSSION_RECORD = """**Present:** Hannah Clarke (learner) and Sarah Mitchell (assessor). Recorded with Hannah's agreement.

### Why do communication skills matter so much with customers?

Hannah said most complaints at reception come from members who were told one thing on the phone and another at the desk. She now writes down anything she agrees with a corporate contact and emails it to them the same day.

### How do you agree the benefits of a longer-term relationship?

She described the renewal meeting with Taff Vale: she showed Nisha Patel their staff's attendance and the early classes added for them, and asked what would make the scheme worth renewing. Both sides agreed that a termly check-in would be useful.

### How do you negotiate when a customer wants more than you can offer?

Taff Vale asked for a 20% discount at renewal. Hannah could not agree to that, but she could offer a free induction session for new starters, which costs the centre little and which the employer valued. She explained the limit honestly rather than promising to "see what she could do".

### What compromises would your organisation accept?

Advisers can offer guest passes, free inductions and priority class booking. Any change to price goes to the manager. Hannah said a compromise is only acceptable if it could be offered to every employer on the scheme, not just the one that pushes hardest.

### How do you use your influence to meet or exceed expectations?

She gave the example of the early spin classes: she took figures from the booking system to her manager rather than just passing the request on."""

STORY = Story(LEARNERS[7].email, (
    Item("corporate", ACCOUNT, "Looking after a local employer on our corporate scheme", 5, CORPORATE,
         claims={RELATIONS: {
             "P1": "I used attendance figures to choose the corporate member to focus on.",
             "P2": "Meeting in person and becoming their named contact showed them they matter to us.",
             "P3": "I explained my role, why I was in touch and what both sides would gain.",
             "P4": "I gave my direct contact details and asked for complaints and ideas.",
             "G1": "How I used the attendance report and the renewal date to prioritise.",
             "G2": "Why I chose a face-to-face meeting with the HR officer.",
         }}),
    Submit("corporate"),
    Review("corporate", RELATIONS, "Clear and well evidenced, Hannah. You explain why you chose this customer, not just what you did, "
           "and you make the two-way relationship explicit."),
    Item("manager", WITNESS, "Witness statement from my manager", 19, MANAGER,
         witness=("Gareth Lloyd", "Membership and Customer Service Manager, Riverside Leisure Centre",
                  "gareth.lloyd@riverside-leisure.example, 029 2018 0456"),
         claims={RELATIONS: {
             "P5": "I accepted the member's complaint openly and explained what had gone wrong.",
             "P6": "After a month I checked with the employer whether the new class times met their needs.",
             "P7": "I used my influence to get the class times changed and a guest pass approved.",
             "G5": "How I dealt with a member who was angry about his cancelled card.",
         }}),
    Submit("manager"),
    Review("manager", RELATIONS, "A detailed statement from your manager that shows you acting on feedback and following it up."),
    Item("survey", FILE, "Corporate member survey: findings and proposals", 31,
         description="The summary I wrote for Gareth after surveying corporate members and talking to the reception staff, with a "
                     "chart of satisfaction scores by quarter.",
         files=(SURVEY, ChartFile("satisfaction-by-quarter.png", (61, 66, 72, 79))),
         claims={RELATIONS: {
             "P8": "I gathered feedback from 86 members and from the reception team.",
             "P9": "I analysed the results and proposed three changes to my manager.",
             "G9": "An online survey and a staff meeting: methods within my authority.",
             "G10": "The section on Instagram and WhatsApp groups.",
         }}),
    Submit("survey"),
    Review("survey", RELATIONS, "Good use of figures, and proposals that follow clearly from the findings."),
    Item("discussion", DISCUSSION, "Professional discussion: communication, negotiation and compromise", 40, DISCUSSION_RECORD,
         description="Record of a 35-minute discussion with my assessor, Sarah Mitchell, at the leisure centre.",
         claims={RELATIONS: {
             "G3": "Why writing down what was agreed prevents complaints.",
             "G4": "The renewal meeting with Taff Vale.",
             "G6": "Offering free inductions instead of a discount.",
             "G7": "What advisers can offer, and what goes to the manager.",
             "G8": "Using booking figures to get the early classes agreed.",
         }}),
    Submit("discussion"),
    Review("discussion", RELATIONS, "You answered every question with examples from your own work, and showed a clear sense of where "
           "your authority ends."),
    SignOff(RELATIONS),
    Check("corporate", RELATIONS, AGREED,
          "Wedi gwirio'r cyfrif yn erbyn y penderfyniadau: mae'r rheswm dros bob maen prawf yn glir, ac mae'n amlwg mai gwaith "
          "Hannah ei hun yw'r dystiolaeth."),
))
