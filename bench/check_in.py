"""Check-in benchmark (issue 10): a référent checks in 30 registered attendees, one tap each, from the
check-in screen. Prints the screen's size and queries, and each tap's server time and queries; the
budget is 30 attendees within 2 minutes (4 s a person, for the person to come forward and the tap).

Run: .venv/bin/python -m bench.check_in   (throwaway SQLite database)"""

import gzip
import json
import statistics
import time
import uuid

from bench._setup import django_setup

ATTENDEES = 30


def prepare():
    from centres.constants import Role
    from centres.models import Membership
    from community.constants import RegistrationStatus
    from community.models import Registration
    from tests import factories
    from tests.community import factories as community_factories

    centre = factories.CentreFactory(name="Belleville")
    host = factories.UserFactory(display_name="Moussa K.")
    Membership.objects.create(user=host, centre=centre, role=Role.REFERENT)
    session = community_factories.session(centre, host, capacity=ATTENDEES)
    learners = [factories.learner_in(centre, display_name=f"Personne {i}") for i in range(ATTENDEES + 40)]
    Registration.objects.bulk_create([
        Registration(session=session, learner=learner, status=RegistrationStatus.REGISTERED, position=i)
        for i, learner in enumerate(learners[:ATTENDEES])
    ])
    return host, session, learners[:ATTENDEES]


def main():
    django_setup("check-in")
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    host, session, learners = prepare()
    client = Client()
    client.force_login(host)
    with CaptureQueriesContext(connection) as screen_queries:
        screen = client.get(reverse("community:check_in", args=[session.pk]))
    print(f"check-in screen: {len(gzip.compress(screen.content)) / 1024:.1f} KB gzipped HTML, "
          f"{len(screen_queries)} queries ({ATTENDEES} registered, 40 other learners)")
    url = reverse("community:check_in_tap", args=[session.pk])
    times, queries = [], []
    for learner in learners:
        body = json.dumps({"learner_id": learner.pk, "client_uuid": str(uuid.uuid4())})
        with CaptureQueriesContext(connection) as tap_queries:
            started = time.perf_counter()
            response = client.post(url, body, content_type="application/json")
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.content
        queries.append(len(tap_queries))
    print(f"{ATTENDEES} taps, 1 per attendee: median {statistics.median(times):.1f} ms, "
          f"max {max(times):.1f} ms server time, {statistics.median(queries):.0f} queries per tap")
    print(f"server time for all {ATTENDEES}: {sum(times) / 1000:.2f} s of the 120 s budget")


if __name__ == "__main__":
    main()
