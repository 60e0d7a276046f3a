"""Centre dashboard benchmark (DESIGN.md §7: ≤ 300 ms server time, query count independent of the number of
learners). Builds random centres (dashboards/random_data.py) of 500 and 5 000 learners over the same 40
lessons, then prints, for each size, the SQL queries and median server time of the learners list (default,
and sorted and filtered), the cohort matrix (all 40 lessons), the questions most often missed, the funders'
report over two years, and the time of the full learners export (XLSX and CSV).

Run: .venv/bin/python -m bench.dashboard [--learners 5000] [--lessons 40]   (a throwaway SQLite database)"""

import argparse
import statistics
import time

from bench._setup import django_setup

REPEAT = 7


def measure(client, url, repeat=REPEAT):
    """(queries of one request, median milliseconds, status, bytes)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm: the session, the catalogue
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
    count = len(queries)  # now: a later request may reconnect, which clears the log
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        times.append((time.perf_counter() - started) * 1000)
    return count, statistics.median(times), response.status_code, len(body)


def pages(centre_id):
    from datetime import timedelta

    from django.urls import reverse
    from django.utils import timezone

    today = timezone.localdate()
    period = f"?start={(today - timedelta(days=730)).isoformat()}&end={today.isoformat()}"
    return [
        ("learners list", reverse("dashboards:learner_list", args=[centre_id]), REPEAT),
        ("learners list, inactive, by time spent", reverse("dashboards:learner_list", args=[centre_id])
         + "?inactive=on&sort=-time", REPEAT),
        ("learners list, searched", reverse("dashboards:learner_list", args=[centre_id]) + "?q=amina", REPEAT),
        ("cohort matrix (all lessons)", reverse("dashboards:matrix", args=[centre_id]), REPEAT),
        ("questions most often missed", reverse("dashboards:missed_questions", args=[centre_id]), REPEAT),
        ("funders' report, two years", reverse("dashboards:report", args=[centre_id]) + period, 3),
        ("full learners export, XLSX", reverse("dashboards:export_download", args=[centre_id, "learners", "xlsx"]), 1),
        ("full learners export, CSV", reverse("dashboards:export_download", args=[centre_id, "learners", "csv"]), 1),
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=5000)
    parser.add_argument("--lessons", type=int, default=40)
    args = parser.parse_args()
    django_setup("dashboard")
    from django.test import Client

    from dashboards.random_data import random_centre_create

    catalogue = None
    for size in sorted({max(1, args.learners // 10), args.learners}):
        started = time.perf_counter()
        made = random_centre_create(learners=size, lessons=args.lessons, seed=size, catalogue=catalogue)
        catalogue = made.catalogue
        print(f"\n{size} learners × {made.lessons} lessons: {made.progress_rows} progress rows, {made.answers} "
              f"answers, {made.certificates} certificates (built in {time.perf_counter() - started:.1f} s)")
        client = Client()
        client.force_login(made.manager)
        for label, url, repeat in pages(made.centre.pk):
            queries, median, status, size_bytes = measure(client, url, repeat)
            print(f"  {label:42} {queries:3d} queries  {median:8.1f} ms  (HTTP {status}, {size_bytes / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
