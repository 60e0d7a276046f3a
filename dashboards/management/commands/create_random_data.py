"""``manage.py create_random_data --learners 5000 --lessons 40``: a realistic centre made at random (see
dashboards/random_data.py), to try the dashboards at scale."""

import time

from django.core.management.base import BaseCommand

from dashboards.random_data import random_centre_create


class Command(BaseCommand):
    help = "Build a centre with random learners, lessons, progress, answers and certificates over two years."

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=200)
        parser.add_argument("--lessons", type=int, default=40)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--name", default=None, help="the centre's name")

    def handle(self, *args, learners, lessons, seed, name, **options):
        started = time.perf_counter()
        made = random_centre_create(learners=learners, lessons=lessons, seed=seed, name=name)
        self.stdout.write(
            f"{made.centre.name} (id {made.centre.pk}): {made.learners} learners, {made.lessons} lessons, "
            f"{made.progress_rows} progress rows, {made.answers} answers, {made.certificates} certificates "
            f"in {time.perf_counter() - started:.1f} s. Staff: {made.manager.username}, {made.trainer.username} "
            "(no password: set one with `manage.py changepassword`)."
        )
