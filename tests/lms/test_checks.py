from django.core.management import call_command


def test_django_system_checks_raise_no_warning():
    """Clashing URL namespaces, bad model options and the like would make links silently wrong."""
    call_command("check", fail_level="WARNING")
