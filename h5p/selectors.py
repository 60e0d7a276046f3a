"""Reads of the H5P app: packages the player may show, a learner's saved state, the H5P steps of a
lesson, and the lessons that use each package (from Wagtail's reference index)."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from .constants import H5P_STEP_TYPE
from .models import H5PPackage, H5PUserState


def package_playable_get(*, pk) -> H5PPackage | None:
    """A checked package, or None (unknown, or not a number)."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return H5PPackage.objects.filter(pk=pk, validated_at__isnull=False).first()


def state_get(*, learner, package) -> str | None:
    """The player's saved state of this learner in this package (a JSON string), if any."""
    return H5PUserState.objects.filter(learner=learner, package=package).values_list("data", flat=True).first()


def lesson_h5p_step(*, lesson, step_id) -> dict | None:
    """The stored value of the H5P step ``step_id`` of a lesson page ({"package": pk, "required": …,
    "pass_threshold": …}), read from the page's raw steps; None if the page has no such H5P step."""
    for item in lesson.steps.raw_data:
        if item.get("type") == H5P_STEP_TYPE and str(item.get("id")) == str(step_id):
            value = item.get("value")
            return value if isinstance(value, dict) else None
    return None


def lessons_using_packages(*, packages) -> dict:
    """{package pk: [pages]} of the pages (lessons, in any language) whose content uses each package,
    from Wagtail's reference index: two queries whatever the number of packages."""
    packages = list(packages)
    if not packages:
        return {}
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(H5PPackage),
        to_object_id__in=[str(package.pk) for package in packages],
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("to_object_id", "object_id")
    page_ids = defaultdict(set)
    for package_id, page_id in references:
        page_ids[int(package_id)].add(int(page_id))
    pages = Page.objects.select_related("locale").in_bulk({pk for ids in page_ids.values() for pk in ids})
    return {
        package_id: sorted((pages[pk] for pk in ids if pk in pages), key=lambda page: page.path)
        for package_id, ids in page_ids.items()
    }
