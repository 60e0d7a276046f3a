"""python manage.py load_demo — install (or bring up to date) the demo catalogue, centre and accounts."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from courses.demo.loader import DEMO_PASSWORD, LEARNER_PICTURES, demo_load


class Command(BaseCommand):
    help = "Load the demo: five courses (the e-mail course also in English and Arabic), a centre, its people."

    def handle(self, *args, **options):
        with transaction.atomic():
            result = demo_load()
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(warning))
        ready = f"Demo ready: {len(result.courses)} course pages, centre « {result.centre} »."
        self.stdout.write(self.style.SUCCESS(ready))
        self.print_accounts(result.accounts)

    def print_accounts(self, accounts):
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write("")
        self.stdout.write(f"{'username':<13}{'password':<18}{'role':<12}name")
        for user, role in accounts:
            self.stdout.write(f"{user.username:<13}{DEMO_PASSWORD:<18}{str(role):<12}{user.shown_name}")
        self.stdout.write("")
        self.stdout.write("On a shared tablet, learners tap their tile then their 3 pictures (or, at home, type")
        self.stdout.write("their learner code first). Enrol this browser as the centre's tablet: sign in as")
        self.stdout.write(f"« responsable », then Mon centre › Tablettes ({base}/fr/apprenants/).")
        for user, _role in accounts:
            if user.username in LEARNER_PICTURES:
                pictures, _colour = LEARNER_PICTURES[user.username]
                code = user.learner_profile.learner_code
                self.stdout.write(f"  {user.shown_name:<10} code {code}   pictures: {', '.join(pictures)}")
        self.stdout.write("")
        self.stdout.write(f"Site:  {base}/fr/   (also {base}/en/ and {base}/ar/)")
        self.stdout.write(f"Admin: {base}/admin/")
