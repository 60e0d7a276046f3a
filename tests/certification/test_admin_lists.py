"""The question banks' admin list reads each bank's competence and locale with the banks, not once per row."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories

from . import factories as cert_factories

INDEX_URL = "wagtailsnippets_certification_questionbank:list"


def _list_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(INDEX_URL))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_question_bank_list_does_not_query_once_per_bank(client, db):
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    cert_factories.question_bank(factories.competence("COM"), count=1)
    _list_queries(client)  # warm caches (content types, locales)
    few, _html = _list_queries(client)
    for code in ("SEC", "NUM", "ADM"):
        cert_factories.question_bank(factories.competence(code), count=1)
    many, html = _list_queries(client)

    assert "Banque ADM fr" in html and "Banque COM fr" in html
    # Only wagtail-localize's row buttons still ask per row (not ours): « Traduire » (is a language left?)
    # and « Synchroniser » (is this bank a translation source?), two queries per bank. Competence and
    # locale used to add two more per bank.
    assert many - few <= 2 * 3
