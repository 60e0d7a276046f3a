"""The player frame and the package files: what the browser is told it may load and do."""

import pytest
from django.urls import reverse

from . import packages

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_frame_is_sandboxed_and_loads_only_the_player_and_its_package(client, package):
    response = client.get(reverse("h5p:frame", args=[package.pk]))

    assert response.status_code == 200
    policy = directives(response)
    files = f"http://testserver/h5p/{package.pk}/files/"
    assert policy["sandbox"] == ["allow-scripts"]  # opaque origin even if opened on its own
    assert policy["default-src"] == ["'none'"]
    assert sorted(policy["script-src"]) == sorted(
        ["http://testserver/static/h5p-standalone/", "http://testserver/static/h5p/frame.js", files]
    )
    assert policy["connect-src"] == [files]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_frame_shows_nothing_of_the_signed_in_learner(client, package, learner):
    learner.display_name = "Amina Diallo"
    learner.save()
    client.force_login(learner)

    response = client.get(reverse("h5p:frame", args=[package.pk]))

    html = response.content.decode()
    assert "Amina" not in html and learner.username not in html
    assert "csrfmiddlewaretoken" not in html
    assert "csrftoken" not in response.cookies  # no CSRF secret handed to the frame


def test_frame_of_an_unknown_package_is_not_found(client, package):
    assert client.get(reverse("h5p:frame", args=[package.pk + 1]), follow=True).status_code == 404


def test_package_files_are_readable_from_the_frames_opaque_origin(client, package):
    response = client.get(reverse("h5p:file", args=[package.pk, f"{packages.QUIZ_LIBRARY}/quiz.js"]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content).decode() == packages.QUIZ_JS
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_package_file_opened_on_its_own_is_sandboxed(client, package):
    """An SVG of a library opened directly cannot run a script in Passerelle's origin."""
    response = client.get(reverse("h5p:file", args=[package.pk, f"{packages.QUIZ_LIBRARY}/icon.svg"]))

    assert response.status_code == 200
    assert "sandbox" in directives(response) and directives(response)["default-src"] == ["'none'"]


@pytest.mark.parametrize("path", [
    "../../../settings.py", "content/../h5p.json", "%2e%2e/h5p.json", "content\\content.json", ".env",
    "content/missing.json", "content/evil.php", "H5P.PasserelleQuiz-1.0",
])
def test_nothing_outside_the_package_is_served(client, package, path):
    assert client.get(f"/h5p/{package.pk}/files/{path}").status_code == 404
