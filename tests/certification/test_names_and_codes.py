"""The name printed on a certificate and the codes people type: refused clearly when they cannot be
printed or read as typed, and nothing changed."""

import pytest
from django.utils import translation

from certification import services
from certification.codes import access_code_parse, verification_code_parse
from certification.exceptions import ExamRefused
from certification.names import printed_name_clean, text_direction

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize("name, message", [
    ("A" * 500, "too long"),
    ("Amina\u0000Diallo", "invisible characters"),
    ("Amina\u202eollaiD", "invisible characters"),  # a right-to-left override reverses what follows
    ("Amina\u200bDiallo", "invisible characters"),
    ("   ", "Type the name"),
])
def test_names_that_cannot_be_printed_as_typed_are_refused(candidate, name, message):
    before = candidate.printed_name
    with pytest.raises(ExamRefused, match=message):
        services.candidate_printed_name_set(candidate=candidate, printed_name=name)
    candidate.refresh_from_db()
    assert candidate.printed_name == before


@pytest.mark.parametrize("name", ["أمينة ديالو", "زهرا\u200cی احمدی", "Nguyễn Thị Hoa", "Zainab  O'Neil "])
def test_names_in_any_script_are_kept_as_typed(name):
    assert printed_name_clean(name) == " ".join(name.split())


def test_the_latin_transliteration_must_be_in_latin_letters(candidate):
    with pytest.raises(ExamRefused, match="Latin letters"):
        services.candidate_printed_name_set(candidate=candidate, printed_name="أمينة", latin_name="أمينة")
    services.candidate_printed_name_set(candidate=candidate, printed_name="أمينة", latin_name="Amina Diallo")
    candidate.refresh_from_db()
    assert (candidate.printed_name, candidate.latin_name) == ("أمينة", "Amina Diallo")


def test_the_direction_of_a_name_follows_its_first_letter():
    assert text_direction("أمينة Amina") == "rtl"
    assert text_direction("Amina أمينة") == "ltr"


@pytest.mark.parametrize("typed, code", [
    ("PN-7K3M-Q9TX", "PN-7K3M-Q9TX"), ("pn 7k3m q9tx", "PN-7K3M-Q9TX"), ("7K3MQ9TX", "PN-7K3M-Q9TX"),
    ("PN–7K3M–Q9TX", "PN-7K3M-Q9TX"), ("PN-0K3M-Q9TX", None), ("PN-7K3M-Q9T", None), ("", None),
    ("PN-7K3M-Q9TX-AAAA", None), ("x" * 500, None), (None, None),
])
def test_verification_codes_are_read_leniently_and_refused_when_malformed(typed, code):
    assert verification_code_parse(typed) == code


def test_access_codes_have_six_unambiguous_characters():
    assert access_code_parse(" 7k3m q9 ") == "7K3MQ9"
    assert access_code_parse("7K3MQ0") is None and access_code_parse("7K3MQ") is None
