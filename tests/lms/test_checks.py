from django.core.management import call_command


def test_django_system_checks_raise_no_warning():
    """Clashing URL namespaces, bad model options and the like would make links silently wrong."""
    call_command("check", fail_level="WARNING")


def test_learner_pages_only_run_the_sites_own_scripts(client, db):
    from tests import factories

    factories.catalogue()
    policy = client.get("/fr/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
