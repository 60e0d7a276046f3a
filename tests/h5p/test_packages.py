"""Uploading a package: the fixture package is checked, unpacked under its own folder and recorded;
every bad package of the corpus is refused with a message saying why, and the storage is unchanged."""

import pytest
from django.core.files.storage import default_storage

from h5p import services
from h5p.models import H5PPackage
from h5p.validation import PackageRefused

from . import packages
from .conftest import storage_files


def test_fixture_package_is_unpacked_under_its_own_folder(trainer):
    package = services.h5p_package_create(uploaded_file=packages.upload(packages.quiz_package()), by=trainer)

    assert package.title == "Adresse e-mail"
    assert package.main_library_label == "H5P.PasserelleQuiz 1.0.3" and package.language == "fr"
    assert package.file_count == len(packages.quiz_files())
    assert package.uploaded_by == trainer and package.validated_at is not None
    with default_storage.open(f"{package.storage_prefix}/{packages.QUIZ_LIBRARY}/quiz.js") as script:
        assert script.read().decode() == packages.QUIZ_JS
    assert default_storage.exists(package.file.name)


def test_two_uploads_of_the_same_file_never_share_files(trainer):
    data = packages.quiz_package()
    first = services.h5p_package_create(uploaded_file=packages.upload(data), by=trainer)
    second = services.h5p_package_create(uploaded_file=packages.upload(data), by=trainer, title="Autre titre")

    assert first.storage_prefix != second.storage_prefix
    assert second.title == "Autre titre"


@pytest.mark.parametrize("kind", sorted(packages.BAD_PACKAGES))
def test_bad_package_is_refused_and_nothing_is_written(kind, trainer):
    make, expected = packages.BAD_PACKAGES[kind]
    before = storage_files()

    with pytest.raises(PackageRefused) as refused:
        services.h5p_package_create(uploaded_file=packages.upload(make()), by=trainer)

    assert expected in refused.value.message
    assert storage_files() == before
    assert not H5PPackage.objects.exists()


def test_a_storage_failure_halfway_removes_what_was_written(trainer, monkeypatch):
    """A full disk (the storage fails on the fourth file) leaves no half-unpacked package behind."""
    before = storage_files()
    real_save, calls = type(default_storage._wrapped)._save, []

    def failing_save(storage, name, content):
        calls.append(name)
        if len(calls) == 4:
            raise OSError("No space left on device")
        return real_save(storage, name, content)

    monkeypatch.setattr(type(default_storage._wrapped), "_save", failing_save)
    with pytest.raises(OSError):
        services.h5p_package_create(uploaded_file=packages.upload(packages.quiz_package()), by=trainer)

    assert storage_files() == before
    assert not H5PPackage.objects.exists()


def test_deleting_a_package_removes_its_files(package, django_capture_on_commit_callbacks):
    assert any(name.startswith(package.storage_prefix) for name in storage_files())

    with django_capture_on_commit_callbacks(execute=True):
        package.delete()

    assert not any(name.startswith(package.storage_prefix) for name in storage_files())
    assert not default_storage.exists(package.file.name)
