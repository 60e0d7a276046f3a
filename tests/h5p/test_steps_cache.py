"""A lesson's cached steps show an H5P package as it is now: renamed, the new name; deleted, the
message that it cannot be played — not the frame of a package that is gone."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner_client(client, enrolled):
    client.force_login(enrolled)
    return client


def test_a_renamed_package_shows_its_new_name_in_the_lesson(
    learner_client, lesson_page, package, django_capture_on_commit_callbacks
):
    assert f'title="{package.title}"' in learner_client.get(lesson_page.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        package.title = "Remets l'adresse dans l'ordre"
        package.save()

    html = learner_client.get(lesson_page.url).content.decode()
    assert 'title="Remets l&#x27;adresse dans l&#x27;ordre"' in html


def test_a_deleted_package_is_no_longer_framed_in_the_lesson(
    learner_client, lesson_page, package, django_capture_on_commit_callbacks
):
    assert "data-h5p-frame" in learner_client.get(lesson_page.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        package.delete()

    assert "data-h5p-frame" not in learner_client.get(lesson_page.url).content.decode()
