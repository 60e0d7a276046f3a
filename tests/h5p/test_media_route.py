"""An unpacked package is someone else's code: the site's media route never serves it from the
site's own origin, where a package's SVG or HTML could run as Passerelle."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

pytestmark = pytest.mark.django_db


def test_the_media_route_refuses_unpacked_package_files(client):
    name = default_storage.save("h5p/packages/test-media-route/content/evil.svg", ContentFile(b"<svg onload='x'/>"))
    try:
        assert client.get(f"/media/{name}").status_code == 404
    finally:
        default_storage.delete(name)


def test_the_media_route_still_serves_other_uploads(client):
    name = default_storage.save("documents/test-media-route.txt", ContentFile(b"hello"))
    try:
        assert client.get(f"/media/{name}").status_code == 200
    finally:
        default_storage.delete(name)
