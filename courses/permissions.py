"""Who may write where in the page tree: the staff groups on each catalogue, and nowhere else."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from .constants import CATALOGUE_PAGE_PERMISSIONS


def catalogue_editors_grant(*, catalogue):
    """Let the staff groups write the courses of ``catalogue`` (a new language's catalogue, say)."""
    codenames = {codename for granted in CATALOGUE_PAGE_PERMISSIONS.values() for codename in granted}
    permissions = {p.codename: p for p in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=codenames)}
    for group in Group.objects.filter(name__in=CATALOGUE_PAGE_PERMISSIONS):
        for codename in CATALOGUE_PAGE_PERMISSIONS[group.name]:
            if codename in permissions:
                GroupPagePermission.objects.get_or_create(group=group, page=catalogue, permission=permissions[codename])
