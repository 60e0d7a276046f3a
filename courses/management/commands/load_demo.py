"""python manage.py load_demo — install (or bring up to date) the demo catalogue, centre and accounts.

The demo accounts have a published password, so the command refuses to run where DEBUG is off (a
production site, or `make demo`) unless told, with --this-is-not-production, that this database is
only for trying Passerelle. Even then it never changes an account that already exists."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail import hooks

from courses.demo.loader import DEMO_PASSWORD, LEARNER_PICTURES, demo_load, demo_voices_make
from courses.tasks import background_runs_wait
from courses.voicing import glossary_voices_make, publish_synthesis_paused

DEMO_HOOK = "passerelle_demo_load"  # functions of the DemoResult returning lines to print
NOT_PRODUCTION_FLAG = "--this-is-not-production"
UNCHANGED_NOTE = "the demo password and pictures if an earlier run created it"
REFUSAL = (
    "Refused: DEBUG is off, so this may be a production site, and the demo creates accounts (a superuser "
    f"among them) whose password is published. If this database is only for trying Passerelle, run "
    f"again with {NOT_PRODUCTION_FLAG}."
)


class Command(BaseCommand):
    help = "Load the demo: five courses (the e-mail course also in English and Arabic), a centre, its people."

    def add_arguments(self, parser):
        parser.add_argument(
            NOT_PRODUCTION_FLAG, action="store_true", dest="not_production",
            help="Confirm that this database is not a production one (needed when DEBUG is off).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["not_production"]:
            raise CommandError(REFUSAL)
        # The e-mail course's voices are made below in one pass, not one task per publication.
        with publish_synthesis_paused(), transaction.atomic():
            result = demo_load()
            # Other apps add their part of the demo (community sessions…): courses imports none of them.
            extras = [line for hook in hooks.get_hooks(DEMO_HOOK) for line in (hook(result) or [])]
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(warning))
        ready = f"Demo ready: {len(result.courses)} course pages, centre « {result.centre} »."
        self.stdout.write(self.style.SUCCESS(ready))
        for line in extras:
            self.stdout.write(line)
        self.print_accounts(result.accounts)
        started = time.monotonic()
        voices = demo_voices_make(result.courses)
        if voices:
            self.stdout.write(f"Synthetic voices made for the e-mail course (fr, ar): {voices} "
                              f"in {time.monotonic() - started:.1f} s.")
        started = time.monotonic()
        words = glossary_voices_make()
        if words:
            self.stdout.write(f"Synthetic voices made for the pictograms' glossary: {words} "
                              f"in {time.monotonic() - started:.1f} s.")
        made = background_runs_wait()  # without Redis, renditions are made in threads: let them finish
        if made:
            self.stdout.write(f"Image renditions made for {made} published page(s).")

    def print_accounts(self, accounts):
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write("")
        self.stdout.write(f"{'username':<13}{'password':<18}{'role':<12}name")
        for account in accounts:
            user = account.user
            password = DEMO_PASSWORD if account.created else "(unchanged)"
            self.stdout.write(f"{user.username:<13}{password:<18}{account.role_label:<12}{user.shown_name}")
        if not all(account.created for account in accounts):
            self.stdout.write(f"(unchanged): the account already existed and was left as it was ({UNCHANGED_NOTE}).")
        self.stdout.write("")
        self.stdout.write("On a shared tablet, learners tap their tile then their 3 pictures (or, at home, type")
        self.stdout.write("their learner code first). Enrol this browser as the centre's tablet: sign in as")
        self.stdout.write(f"« responsable », then Mon centre › Tablettes ({base}/fr/apprenants/).")
        for account in accounts:
            profile = getattr(account.user, "learner_profile", None)
            if account.user.username in LEARNER_PICTURES and profile is not None:
                pictures, _colour = LEARNER_PICTURES[account.user.username]
                line = f"  {account.user.shown_name:<10} code {profile.learner_code}   pictures: {', '.join(pictures)}"
                self.stdout.write(line if account.created else f"{line}   (unchanged)")
        self.stdout.write("")
        self.stdout.write(f"Site:  {base}/fr/   (also {base}/en/, {base}/ar/, {base}/fa/, {base}/uk/…)")
        self.stdout.write(f"Admin: {base}/admin/")
