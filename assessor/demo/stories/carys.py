"""Carys Williams (English), adviser at an energy company's contact centre: one account met, a checklist waiting, a draft."""
from ...evidence.models import ACCOUNT, FILE
from ..files import PdfFile
from ..people import LEARNERS
from ..script import CONTACT_CENTRE, Item, Review, Story, Submit

SMART_METER = """I work on the customer contact team at Glanmor Energy in Swansea, taking calls and web chats about bills and meters.

An older customer, Mrs Davies, rang because her bill was much higher than usual. I greeted her with our standard greeting and gave my name, then went through the security questions before opening her account: her postcode, the first line of her address and her date of birth. She got the date slightly wrong the first time, so I asked her to take her time and try again rather than failing the check straight away.

I asked open questions first ("Can you tell me what has changed since your last bill?") and then closed ones to check the details ("Is the screen on your meter blank, or is it showing numbers?"). She said the screen had been blank since a power cut. That explained it: her smart meter had stopped sending readings, so we had estimated her bill.

She told me she lives on a pension and was worried about paying. I listened without interrupting, spoke slowly, and avoided words like "SMETS2" and "estimated read". I explained in plain words that we had guessed her usage because the meter had stopped talking to us, and that she would only pay for what she had actually used.

Before ending the call I asked her to tell me in her own words what would happen next. She said an engineer would visit on Thursday morning and her bill would be corrected once the meter was working again. That matched what I had arranged."""

CHECKLIST = PdfFile(
    "call-notes-checklist.pdf",
    "Call notes checklist",
    (
        "My own checklist, agreed with my team leader. I use it at the end of every call or web chat before I close the customer's "
        "record. My team leader, Rhys Morgan, checked it against our data protection policy.",
        "1. Record the reason for the contact in one sentence, in plain words.",
        "2. Record what was agreed, who will do it and by when. Never put card numbers or full dates of birth in the notes.",
        "3. If the contact was passed to another team, record the team, the reason and the reference number they gave.",
        "4. Record any follow-up I promised (a call back, a letter) and set a task in the system for the day it is due.",
        "5. When the follow-up is done, close the task and add a line to the notes saying so.",
    ),
)

BEREAVEMENT = """A customer rang to close her late husband's account. I said how sorry I was, and explained that we have a team who look after bereavements and could deal with everything in one call, so she would not have to repeat herself.

Before transferring her I checked that she was happy to be passed on, told her the name of the team and gave her their direct number in case the call dropped.

(Still to add: what I wrote in the notes, and why this was outside my own remit.)"""

STORY = Story(LEARNERS[2].email, (
    Item("smart-meter", ACCOUNT, "Helping a customer who could not read her smart meter", 12, SMART_METER,
         claims={CONTACT_CENTRE: {
             "P2": "I used the organisational greeting and gave my name.",
             "P3": "I completed the security questions before opening the account.",
             "P5": "Open questions first, then closed ones to check the details.",
             "P6": "I listened to her worries without interrupting.",
             "P8": "I asked her to tell me in her own words what would happen next.",
             "K8": "Why I used open and then closed questions.",
         }}),
    Submit("smart-meter"),
    Review("smart-meter", CONTACT_CENTRE, "A well-structured account, Carys. You show clearly how you moved from open to closed questions "
           "and how you checked the customer's understanding at the end.",
           comments={"P3": "Good judgement in letting the customer try the security question again."}),
    Item("checklist", FILE, "My call-notes checklist", 30,
         description="The checklist I use to keep customer records accurate and within data protection rules.",
         files=(CHECKLIST,),
         claims={CONTACT_CENTRE: {
             "P13": "The checklist shows how I store customer information in line with our procedures.",
             "P17": "Step 5: I record when follow-up activities are complete.",
             "K23": "",
         }}),
    Submit("checklist"),
    Item("bereavement", ACCOUNT, "Passing a bereavement call to the specialist team", 47, BEREAVEMENT,
         claims={CONTACT_CENTRE: {"P11": "", "P12": "I told her why I was transferring the call, and to whom.", "K22": ""}}),
))
