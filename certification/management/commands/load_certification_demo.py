"""python manage.py load_certification_demo — the demo's certification levels and question banks
(run after load_demo, which creates the competences and lessons they point to)."""

from django.core.management.base import BaseCommand

from certification.demo.loader import certification_demo_load
from certification.keys import signing_key


class Command(BaseCommand):
    help = "Load the demo certification levels and question banks (French, with Arabic for level 1)."

    def handle(self, *args, **options):
        levels, banks = certification_demo_load()
        signing_key()  # the demo's signing key, generated once outside git if none is configured
        self.stdout.write(self.style.SUCCESS(
            f"Certification demo ready: {len(levels)} levels, {len(banks)} question banks."
        ))
