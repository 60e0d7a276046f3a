"""A learner's number for SMS reminders (optional; removing it stops them)."""

from ..models import PhoneContact


def phone_contact_set(*, learner, number: str) -> None:
    number = " ".join((number or "").split())
    if number:
        PhoneContact.objects.update_or_create(learner=learner, defaults={"number": number})
    else:
        PhoneContact.objects.filter(learner=learner).delete()
