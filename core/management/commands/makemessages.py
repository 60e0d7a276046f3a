"""``makemessages`` that writes catalogues sorted by msgid and without source locations.

Several people add strings at once on this project. With file:line comments and entries in
source order, any two branches that touch the catalogues conflict on hundreds of lines; sorted
entries without locations make new strings land in separate places, so git merges them.
"""

from django.conf import settings
from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--sort-output"]
    msguniq_options = [*makemessages.Command.msguniq_options, "--sort-output"]
    msgattrib_options = [*makemessages.Command.msgattrib_options, "--sort-output"]

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--every-language",
            action="store_true",
            help="Update the catalogue of every language in settings.LANGUAGES.",
        )

    def handle(self, *args, **options):
        options["no_location"] = True
        options["no_obsolete"] = True
        if options.pop("every_language"):
            options["locale"] = [code for code, _name in settings.LANGUAGES]
            options["ignore_patterns"] = [
                *options["ignore_patterns"], ".venv", "node_modules", "tests/*", "static_collected",
            ]
        super().handle(*args, **options)
