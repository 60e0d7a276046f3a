"""Importing a list of learners: a per-row report first, nothing written until the trainer confirms."""

from pathlib import Path

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from accounts.models import LearnerProfile, LearnerSecret, User
from centres import imports, learners
from centres.constants import Role
from centres.models import Cohort, Membership
from tests import factories

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
HEADER = "display_name;latin_name;avatar_colour;languages_spoken;cohort;pin"
# The 20 bad rows of import_1000_rows_20_bad.csv (spreadsheet row numbers: the header is row 1).
BAD_ROWS = {
    26: "empty", 78: "empty", 94: "empty", 224: "colour", 273: "colour", 357: "colour",
    434: "pin", 563: "pin", 571: "cohort", 596: "cohort", 597: "cohort", 665: "formula", 766: "formula",
    791: "formula", 795: "formula", 909: "formula", 926: "long", 963: "long", 976: "pin", 981: "pin",
}
REASONS = {
    "empty": "Name: this row has no name.",
    "colour": "Colour: write it like #2a6f97.",
    "cohort": "is not a cohort of this centre",
    "formula": "like a spreadsheet formula",
    "long": "at most 80 characters",
    "pin": "PIN: the code has 4 digits.",
}


@pytest.fixture
def centre():
    centre = factories.CentreFactory(name="Belleville")
    for name in ("Lundi matin", "Jeudi après-midi", "Samedi"):
        Cohort.objects.create(centre=centre, name=name)
    learners.learner_create(centre=centre, display_name="Déjà là", created_by=None)
    return centre


@pytest.fixture
def trainer_client(client, centre):
    trainer = factories.UserFactory()
    Membership.objects.create(user=trainer, centre=centre, role=Role.TRAINER)
    client.force_login(trainer)
    return client


def url(name, centre):
    with translation.override("en"):
        return reverse(f"centres:{name}", args=[centre.pk])


def upload(client, centre, content, name="learners.csv"):
    data = content.encode("utf-8") if isinstance(content, str) else content
    return client.post(url("learner_import", centre), {"file": SimpleUploadedFile(name, data)})


def confirm(client, centre, response):
    token = response.context["confirm_form"].initial["token"]
    return client.post(url("learner_import_confirm", centre), {"token": token})


def snapshot():
    models = (User, Membership, LearnerProfile, LearnerSecret)
    return tuple(model.objects.count() for model in models)


def reasons_of(response):
    return {report.number: report.errors for report in response.context["errors"]}


def test_1000_rows_with_20_bad_ones_are_reported_and_nothing_is_written_until_confirmed(trainer_client, centre):
    before = snapshot()
    preview = upload(trainer_client, centre, (DATA / "import_1000_rows_20_bad.csv").read_bytes())
    assert preview.status_code == 200
    reasons = reasons_of(preview)
    assert set(reasons) == set(BAD_ROWS)
    for number, kind in BAD_ROWS.items():
        assert any(REASONS[kind] in message for message in reasons[number]), (number, reasons[number])
    assert preview.context["valid_count"] == 980 and len(preview.context["reports"]) == 1000
    html = preview.content.decode()
    assert "980 rows can be imported." in html and "20 rows have errors and will not be imported." in html
    assert snapshot() == before

    done = confirm(trainer_client, centre, preview)
    assert done.status_code == 200 and "980 learners imported." in done.content.decode()
    assert User.objects.count() == before[0] + 980
    imported = Membership.objects.filter(centre=centre, role=Role.LEARNER)
    imported = imported.exclude(user__display_name__startswith="Déjà")
    assert imported.count() == 980
    assert imported.filter(cohort__name="Samedi").exists()
    assert User.objects.filter(display_name="ኤልሳ ኣብርሃ", learner_profile__latin_name="Elsa Abraha").exists()
    assert not User.objects.filter(display_name__startswith="=").exists()
    assert not User.objects.filter(memberships__centre=centre, email__gt="").exists()


def test_a_confirmed_import_cannot_be_replayed(trainer_client, centre):
    preview = upload(trainer_client, centre, f"{HEADER}\nAmina Diallo;;;;;\n")
    assert confirm(trainer_client, centre, preview).status_code == 200
    assert confirm(trainer_client, centre, preview).status_code == 409
    assert User.objects.filter(display_name="Amina Diallo").count() == 1


def test_a_double_click_on_confirm_imports_once(trainer_client, centre):
    preview = upload(trainer_client, centre, f"{HEADER}\nAmina Diallo;;;;;\n")
    pending = trainer_client.session["learner_import"]
    assert confirm(trainer_client, centre, preview).status_code == 200
    session = trainer_client.session  # the second click was sent before the first one's answer
    session["learner_import"] = pending
    session.save()
    assert confirm(trainer_client, centre, preview).status_code == 409
    assert User.objects.filter(display_name="Amina Diallo").count() == 1


def test_a_cohort_renamed_between_preview_and_confirmation_is_reported_not_imported(trainer_client, centre):
    preview = upload(trainer_client, centre, f"{HEADER}\nAmina Diallo;;;;Samedi;\nYonas Tekle;;;;;\n")
    Cohort.objects.filter(centre=centre, name="Samedi").update(name="Samedi matin")
    done = confirm(trainer_client, centre, preview)
    assert [r.number for r in done.context["errors"]] == [2]
    assert [h.user.display_name for h, _pictures in done.context["imported"]] == ["Yonas Tekle"]


BAD_ROW_CASES = {
    "empty name": ("   ;Amina;;;;", "Name: this row has no name."),
    "unknown cohort": ("Amina;;;;Mardi soir;", "Cohort: « Mardi soir » is not a cohort of this centre."),
    "formula =": (
        '"=HYPERLINK(""http://x.invalid"";""Amina"")";;;;;', "starts with « = », like a spreadsheet formula"
    ),
    "formula +": ("Amina;+33 6 12;;;;", "starts with « + »"),
    "formula -": ("-2+3;;;;;", "starts with « - »"),
    "formula @": ("Amina;;;@SUM(A1);;", "starts with « @ »"),
    "formula after a tab": ("Amina;;;;\t=1+1;", "starts with « tab »"),
    "formula after a CR": ('Amina;"\r=1+1";;;;', "starts with « line break »"),
    "formula after spaces": ("  =1+1;;;;;", "like a spreadsheet formula"),
    "over-long name": ("A" * 81 + ";;;;;", "at most 80 characters (this one has 81)"),
    "over-long languages": ("Amina;;;" + "arabe " * 40 + ";;", "Languages spoken: at most 200 characters"),
    "over-long cohort": ("Amina;;;;" + "C" * 121 + ";", "Cohort: at most 120 characters"),
    "bad colour": ("Amina;;red;;;", "Colour: write it like #2a6f97."),
    "PIN of letters": ("Amina;;;;;12a4", "PIN: the code has 4 digits."),
    "PIN too short": ("Amina;;;;;123", "PIN: the code has 4 digits."),
    "PIN of Arabic-Indic digits": ("Amina;;;;;١٢٣٤", "PIN: the code has 4 digits."),
    "control character": ("Ami\x07na;;;;;", "invisible control characters"),
}


@pytest.mark.parametrize("case", BAD_ROW_CASES, ids=list(BAD_ROW_CASES))
def test_each_kind_of_bad_row_gets_a_message_and_changes_nothing(trainer_client, centre, case):
    rows, message = BAD_ROW_CASES[case]
    before = snapshot()
    preview = upload(trainer_client, centre, f"{HEADER}\n{rows}\nZakia Haidari;;;;Samedi;\n")
    assert preview.status_code == 200
    errors = reasons_of(preview)
    assert len(errors) == 1
    assert any(message in m for m in next(iter(errors.values()))), errors
    assert message.split(":")[0] in preview.content.decode().replace("&quot;", '"').replace("&#x27;", "'")
    assert snapshot() == before
    done = confirm(trainer_client, centre, preview)
    names = [h.user.display_name for h, _pictures in done.context["imported"]]
    assert names == ["Zakia Haidari"] and preview.context["valid_count"] == 1


def test_a_file_where_every_row_is_bad_offers_nothing_to_confirm(trainer_client, centre):
    preview = upload(trainer_client, centre, f"{HEADER}\n;;;;;\n=1+1;;;;;\n")
    assert preview.context["valid_count"] == 0 and "import_confirm" not in preview.content.decode()


def big_csv(rows):
    return HEADER + "\n" + "".join(f"Learner {i};;;;;\n" for i in range(rows))


REFUSED_FILES = {
    "not CSV or XLSX": ("learners.pdf", b"%PDF-1.7 ...", "Only CSV or XLSX files can be imported."),
    "old Excel": ("learners.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Only CSV or XLSX files can be imported."),
    "binary named .csv": ("learners.csv", b"\x89PNG\r\n\x1a\n\x00\x00", "This file is not a CSV file."),
    "not UTF-8": ("learners.csv", (HEADER + "\nJérôme;;;;;\n").encode("latin-1"), "could not be read as UTF-8"),
    "not a workbook": ("learners.xlsx", b"display_name\nAmina\n", "This file is not an XLSX workbook."),
    "just over 2 MB": ("learners.csv", HEADER + "\n" + "A" * imports.MAX_FILE_BYTES, "larger than 2 MB"),
    "over 5 000 rows": ("learners.csv", big_csv(5001), "more than 5000 rows"),
    "10 000 rows": ("learners.csv", big_csv(10_000), "more than 5000 rows"),
    "no header": ("learners.csv", "Amina;;;;;\n", "at least « Name »"),
    "empty": ("learners.csv", b"", "is empty."),
    "only blank lines": ("learners.csv", "\n\n", "The file is empty."),
    "French and English headers mixed": (
        "learners.csv", "Nom;avatar_colour;Promotion\nAmina Diallo;#2a6f97;Samedi\n",
        "The column names mix languages: « Nom » (français), « avatar_colour » (English), « Promotion » (français)."),
    "unknown columns": (
        "learners.csv", "Nom;Téléphone;Date de naissance\nAmina Diallo;0601020304;1990\n",
        "Passerelle does not know these columns: « Téléphone », « Date de naissance »."),
    "a column named twice": (
        "learners.csv", "Nom;Nom complet\nAmina Diallo;Amina Diallo\n",
        "Two columns name the same thing: « Nom » and « Nom complet »."),
}


@pytest.mark.parametrize("case", REFUSED_FILES, ids=list(REFUSED_FILES))
def test_a_file_that_cannot_be_imported_is_refused_whole(trainer_client, centre, case):
    name, content, message = REFUSED_FILES[case]
    before = snapshot()
    response = upload(trainer_client, centre, content, name=name)
    assert response.status_code == 400
    assert any(message in str(e) for e in response.context["form"].errors["file"]), response.context["form"].errors
    assert "learner_import" not in trainer_client.session
    assert snapshot() == before


def test_5000_rows_are_accepted(centre):
    rows = imports.import_file_read(name="learners.csv", data=big_csv(5000).encode()).rows
    assert len(rows) == 5000 and rows[-1][0] == 5001


def test_comma_separated_utf8_without_bom_and_blank_lines(trainer_client, centre):
    content = "display_name,latin_name,cohort\nأحمد منصور,Ahmad Mansour,samedi\n\n,,\nሳባ ተኽለ,Saba Tekle,\n"
    preview = upload(trainer_client, centre, content)
    assert not preview.context["errors"] and preview.context["valid_count"] == 2
    assert [r.number for r in preview.context["reports"]] == [2, 5]
    confirm(trainer_client, centre, preview)
    ahmad = User.objects.get(display_name="أحمد منصور")
    assert ahmad.memberships.get().cohort.name == "Samedi"


def test_an_xlsx_file_is_imported_and_its_formulas_are_refused_not_computed(trainer_client, centre):
    book = tablib.Dataset(headers=["display_name", "latin_name", "cohort", "pin"])
    book.append(["مریم کریمی", "Maryam Karimi", "Lundi matin", 4821])
    book.append(['=HYPERLINK("http://x.invalid","Amina")', "", "", ""])
    book.append(["Oleksandr Kovalenko", "", "", ""])
    preview = upload(trainer_client, centre, book.export("xlsx"), name="Liste.XLSX")
    assert preview.status_code == 200
    errors = reasons_of(preview)
    assert list(errors) == [3] and "like a spreadsheet formula" in errors[3][0]
    done = confirm(trainer_client, centre, preview)
    assert "2 learners imported." in done.content.decode()
    maryam = User.objects.get(display_name="مریم کریمی")
    assert maryam.secrets.filter(kind="pin").exists()
    assert User.objects.get(display_name="Oleksandr Kovalenko").learner_profile.learner_code


def test_imported_pictures_are_shown_once_and_stored_hashed(trainer_client, centre):
    preview = upload(trainer_client, centre, f"{HEADER}\nAmina Diallo;;;;;\n")
    done = confirm(trainer_client, centre, preview)
    [(handover, pictures)] = done.context["imported"]
    assert [key for key, _label in pictures] == list(handover.pictures)
    assert "#pic-" + handover.pictures[0] in done.content.decode()
    stored = handover.user.secrets.get(kind="picture").secret_hash
    assert "-".join(handover.pictures) not in stored


def test_a_trainer_of_another_centre_cannot_confirm_an_import_here(client, trainer_client, centre):
    preview = upload(trainer_client, centre, f"{HEADER}\nAmina Diallo;;;;;\n")
    token = preview.context["confirm_form"].initial["token"]
    other = factories.CentreFactory()
    outsider = factories.UserFactory()
    Membership.objects.create(user=outsider, centre=other, role=Role.TRAINER)
    client.force_login(outsider)
    assert client.post(url("learner_import_confirm", centre), {"token": token}).status_code == 403
    assert upload(client, centre, f"{HEADER}\nIntrus;;;;;\n").status_code == 403
    assert not User.objects.filter(display_name__in=["Amina Diallo", "Intrus"]).exists()


def test_the_empty_list_to_fill_in_has_the_columns_in_the_trainers_language(trainer_client, centre):
    response = trainer_client.get(url("import_template", centre))
    text = response.content.decode("utf-8-sig")
    language = response.wsgi_request.LANGUAGE_CODE
    with translation.override(language):
        labels = [str(imports.COLUMN_LABELS[column]) for column in imports.COLUMNS]
    assert text.strip() == ";".join(labels)
    assert imports.import_file_read(name="x.csv", data=response.content).rows == []
    filled = response.content + b"Amina Diallo;;#2a6f97;;;\r\n"
    assert imports.import_file_read(name="x.csv", data=filled).rows[0][1]["display_name"] == "Amina Diallo"


@pytest.mark.parametrize("header", ["Nom;Couleur;Groupe", "NOM ; couleur ; groupe", "display_name;avatar_colour;cohort",
                                    "Prénom Nom;Couleur;Cohorte", "Name;Color;Group", "Name;Colour;cohort"])
def test_a_centres_own_spreadsheet_headers_are_understood(header):
    data = f"{header}\nAmina Diallo;#2a6f97;Lundi\n".encode()
    (row,) = imports.import_file_read(name="x.csv", data=data).rows
    assert row[1] == {"display_name": "Amina Diallo", "avatar_colour": "#2a6f97", "cohort": "Lundi"}


def test_a_french_trainer_reads_which_columns_mix_languages_in_french(trainer_client, centre):
    before = snapshot()
    with translation.override("fr"):
        address = reverse("centres:learner_import", args=[centre.pk])
    upload_file = SimpleUploadedFile("liste.csv", b"Nom;Colour;Promotion\nAmina Diallo;#2a6f97;Samedi\n")
    response = trainer_client.post(address, {"file": upload_file})
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors["file"])
    assert ("Les noms des colonnes mélangent des langues : « Nom » (français), « Colour » (English), « Promotion » "
            "(français). Nommez toutes les colonnes dans une seule langue") in errors
    assert snapshot() == before
