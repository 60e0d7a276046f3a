"""Issue 6, item 1 on PostgreSQL: django-axes keeps its failure counts in the database (AccessAttempt rows,
updated under SELECT … FOR UPDATE). Wrong passwords sent at the same time from many connections are
all counted, and the right password is refused once the limit is reached, on the admin and the site."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.db import connection
from django.test import Client

from tests import factories

# serialized_rollback here too: a flush without it re-creates the content types, and the next test that
# restores its serialized data (the voices worker) then fails on duplicate keys.
pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LIMIT = settings.AXES_FAILURE_LIMIT


def wrong_password(url):
    try:
        return Client().post(url, {"username": "nadia", "password": "wrong"}).status_code
    finally:
        connection.close()


def test_wrong_passwords_sent_together_are_all_counted_and_the_right_one_is_refused():
    factories.UserFactory(username="nadia", is_staff=True, is_superuser=True)
    urls = ["/admin/login/", "/fr/connexion/"] * LIMIT
    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = list(pool.map(wrong_password, urls))
    assert set(codes) <= {200, 429} and codes.count(200) <= LIMIT - 1
    assert sum(AccessAttempt.objects.values_list("failures_since_start", flat=True)) >= LIMIT
    for url in ("/admin/login/", "/fr/connexion/"):
        client = Client()
        response = client.post(url, {"username": "nadia", "password": factories.PASSWORD})
        assert response.status_code == 429 and "_auth_user_id" not in client.session
