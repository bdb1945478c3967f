"""Jessica Taylor (English), team leader at a water company's contact centre: a service plan and an outage met,
a testimony waiting, a draft."""
from ...evidence.models import ACCOUNT, FILE, WITNESS
from ..files import PdfFile
from ..people import LEARNERS
from ..script import OPERATIONS, Item, Review, Story, Submit

PLAN = PdfFile(
    "winter-service-plan.pdf",
    "Severnside Water: customer service plan for the winter",
    (
        "Prepared by Jessica Taylor, team leader, billing and enquiries team (12 advisers). Agreed with Mark Hughes, operations manager.",
        "What customers expect. From last winter's contacts and complaints: an answer within three minutes during freezes and burst "
        "mains, an honest time for the water to come back on, and calls to vulnerable customers first.",
        "Our services. Phone and web chat from 8am to 8pm; text alerts about supply interruptions; bottled water delivered to "
        "customers on the priority services register.",
        "Targets. 80% of calls answered within three minutes; every customer on the priority register contacted within two hours of "
        "an interruption; complaints answered within five working days. Reviewed monthly against the telephony reports.",
        "Risks and contingency. A major burst could treble call volumes. If the queue passes 40 calls, two advisers move from "
        "billing to enquiries and a recorded update goes on the line. If the phone system fails, advisers move to web chat and we "
        "post updates on social media every 30 minutes.",
        "Budget. Overtime of up to 60 hours a month, agreed with the operations manager.",
    ),
)

OUTAGE = """On a Monday morning our billing system stopped showing customers' payments from the previous week. Customers who had paid were being told by the automated line that they were in arrears.

## Finding out what was happening

Within 20 minutes we had 15 calls about the same problem. I asked my advisers to log every one with the same call code so I could see the size of the problem, and I rang the IT service desk, who confirmed that an overnight update had failed.

## How it affected customers

The main risk was that customers would pay twice, or that those on payment plans would be sent arrears letters. I asked IT whether any letters were due that day: 340 were scheduled for the afternoon run.

## Choosing a solution

I looked at three options with the operations manager: carrying on and correcting accounts later, closing the automated payment line, or stopping the letter run and putting a message on the line. We chose the last, because it stopped customers being wrongly chased while keeping the line open for people who needed to pay.

## Putting it in place and checking it worked

I wrote a short script for the advisers and the recorded message, and asked IT to hold the letter run. I checked the call codes every hour. The update was fixed by 3pm, the letters went out the next day with the right balances, and no customer paid twice. I wrote a summary for the operations manager, suggesting that the letter run should wait until the overnight update has been checked."""

MANAGER = """Jessica has led the billing and enquiries team for eighteen months.

Each month she collects feedback from customers, through our post-call survey, and from her advisers in a short team meeting, and compares it with the targets in her service plan. In October she noticed that web chat customers were waiting far longer than phone customers at lunchtime. She moved two advisers' breaks, and the wait fell from eleven minutes to four.

She brings me a short written evaluation every month showing which targets were met and what she has changed as a result. Her changes are sensible and based on the figures.

I confirm that this statement is accurate."""

NEW_ADVISERS = """Two new advisers joined my team in October. I wanted to give them targets that were realistic for people still learning our systems.

(Draft: still to add the targets we agreed, how I briefed them, and how I checked they understood.)"""

STORY = Story(LEARNERS[9].email, (
    Item("plan", FILE, "Customer service plan for the winter", 10,
         description="The plan I wrote for my team for November to February, agreed with the operations manager.",
         files=(PLAN,),
         claims={OPERATIONS: {
             "P1": "Customer expectations, from last winter's contacts and complaints.",
             "P2": "The services available to meet them.",
             "P3": "The plan, with targets to evaluate it against.",
             "P4": "Agreed with the operations manager, including the overtime budget.",
             "P5": "The risks section: a major burst.",
             "P6": "Contingency plans for high call volumes and a phone system failure.",
             "K1": "",
             "K4": "",
         }}),
    Submit("plan"),
    Review("plan", OPERATIONS, "A thorough, realistic plan, Jessica. The contingency section is especially strong."),
    Item("outage", ACCOUNT, "Handling a billing system outage", 26, OUTAGE,
         claims={OPERATIONS: {
             "P13": "Logging the calls with one code to see the size of the problem.",
             "P14": "The risk of double payments and wrong arrears letters.",
             "P15": "Finding the cause with IT, and the three options.",
             "P16": "Weighing the options against customers' needs and the business's.",
             "P17": "Stopping the letter run and putting a message on the line.",
             "P18": "Checking the call codes every hour until it was fixed.",
             "K12": "The call codes and the IT service desk.",
         }}),
    Submit("outage"),
    Review("outage", OPERATIONS, "Clear and well organised. You show each step of the problem-solving process, with your reasons."),
    Item("manager", WITNESS, "Witness statement from the operations manager", 44, MANAGER,
         witness=("Mark Hughes", "Operations Manager, Severnside Water", "mark.hughes@severnside-water.example"),
         claims={OPERATIONS: {
             "P10": "Monthly post-call surveys and team meetings.",
             "P11": "A monthly evaluation against the plan's targets.",
             "P12": "Moving advisers' breaks after seeing the web chat waits.",
         }}),
    Submit("manager"),
    Item("new-advisers", ACCOUNT, "Setting targets for two new advisers", 53, NEW_ADVISERS,
         claims={OPERATIONS: {"P8": "", "P9": "", "K7": ""}}),
))
