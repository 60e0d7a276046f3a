"""Issue 6, item 10: production speaks HTTPS only, and gunicorn sits behind a reverse proxy that is the
only way in, so the X-Forwarded-For the sign-in limits trust cannot be forged.

The settings are imported in a subprocess, as a server would, with the environment it would have."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
ONE_YEAR = 365 * 24 * 3600


def production_env(tmp_path, **overrides):
    """The environment of a production process: only what docker-compose and .env would give it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PASSERELLE_"))}
    env.pop("DATABASE_URL", None)
    env.update({
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "REDIS_URL": "redis://127.0.0.1:9/0",  # never reached: nothing here touches the cache
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        "DJANGO_ALLOWED_HOSTS": "passerelle.example.org",
        **overrides,
    })
    return env


def run_python(tmp_path, code, **overrides):
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=production_env(tmp_path, **overrides),
        capture_output=True, text=True, timeout=180,
    )


SETTINGS_NAMES = (
    "DEBUG", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_PROXY_SSL_HEADER",
)
IMPORT_SETTINGS = "import lms.settings.production as settings"


def production_settings(tmp_path, **overrides):
    """The settings module imported on its own, as a server process starts with it."""
    code = f"{IMPORT_SETTINGS}; import json; print(json.dumps({{n: getattr(settings, n) for n in {SETTINGS_NAMES!r}}}))"
    done = run_python(tmp_path, code, **overrides)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


# One Django start (it takes seconds): a request over plain HTTP, one over the proxy's HTTPS, then
# `manage.py check --deploy` as configured and with HTTPS turned off, reported as JSON.
SERVER_RUN = """
import io, json, django
django.setup()
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client, override_settings

def deploy_check():
    out = io.StringIO()
    try:
        call_command("check", deploy=True, fail_level="WARNING", stdout=out, stderr=io.StringIO())
    except SystemCheckError as problems:
        return {"passed": False, "output": str(problems)}
    return {"passed": True, "output": out.getvalue()}

client = Client(raise_request_exception=False, HTTP_HOST="passerelle.example.org")
plain = client.get("/fr/bienvenue/")
secure = client.get("/fr/bienvenue/", HTTP_X_FORWARDED_PROTO="https")
check = deploy_check()
with override_settings(SECURE_SSL_REDIRECT=False, SECURE_HSTS_SECONDS=0):
    check_https_off = deploy_check()
print(json.dumps({
    "plain": [plain.status_code, plain.get("Location")], "hsts": secure.get("Strict-Transport-Security"),
    "check": check, "check_https_off": check_https_off,
}))
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    done = run_python(tmp_path_factory.mktemp("production"), SERVER_RUN)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- HTTPS ---------------------------------------------------------------------------------------


def test_item10_production_redirects_to_https_and_sends_hsts_by_default(tmp_path):
    values = production_settings(tmp_path)
    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True and values["SECURE_HSTS_SECONDS"] == ONE_YEAR
    assert values["SESSION_COOKIE_SECURE"] is True and values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_item10_hsts_covers_subdomains_and_preloading_only_when_asked(tmp_path):
    values = production_settings(tmp_path)
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False and values["SECURE_HSTS_PRELOAD"] is False
    values = production_settings(
        tmp_path, DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS="1", DJANGO_SECURE_HSTS_PRELOAD="true",
    )
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True and values["SECURE_HSTS_PRELOAD"] is True


def test_item10_a_front_that_already_does_https_can_turn_the_redirect_and_hsts_off(tmp_path):
    values = production_settings(tmp_path, DJANGO_SECURE_SSL_REDIRECT="0", DJANGO_SECURE_HSTS_SECONDS="0")
    assert values["SECURE_SSL_REDIRECT"] is False and values["SECURE_HSTS_SECONDS"] == 0
    assert production_settings(tmp_path, DJANGO_SECURE_HSTS_SECONDS="3600")["SECURE_HSTS_SECONDS"] == 3600


@pytest.mark.parametrize(("name", "value", "message"), [
    ("DJANGO_SECURE_HSTS_SECONDS", "one year", "DJANGO_SECURE_HSTS_SECONDS must be a whole number of seconds"),
    ("DJANGO_SECURE_HSTS_SECONDS", "-1", "DJANGO_SECURE_HSTS_SECONDS must be a whole number of seconds"),
    ("DJANGO_SECURE_SSL_REDIRECT", "maybe", "DJANGO_SECURE_SSL_REDIRECT must be 1 or 0"),
    ("DJANGO_SECURE_COOKIES", "", "DJANGO_SECURE_COOKIES must be 1 or 0"),
])
def test_item10_a_malformed_value_stops_the_server_with_a_clear_message(tmp_path, name, value, message):
    done = run_python(tmp_path, IMPORT_SETTINGS, **{name: value})
    assert done.returncode != 0 and message in done.stderr


def test_item10_a_visitor_on_plain_http_is_sent_to_https_and_told_to_stay(server):
    assert server["plain"] == [301, "https://passerelle.example.org/fr/bienvenue/"]
    assert server["hsts"] == f"max-age={ONE_YEAR}"


def test_item10_the_deploy_check_has_nothing_to_say(server):
    check = server["check"]
    assert check["passed"] and "System check identified no issues" in check["output"], check["output"]


def test_item10_the_deploy_check_still_speaks_up_when_https_is_turned_off(server):
    """The check above is not silenced wholesale: turning the redirect and HSTS off is reported."""
    check = server["check_https_off"]
    assert not check["passed"]
    assert "security.W008" in check["output"] and "security.W004" in check["output"]


# --- docker-compose: gunicorn behind the proxy -----------------------------------------------------


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load(COMPOSE.read_text())


def test_item10_only_the_reverse_proxy_publishes_ports(compose):
    services = compose["services"]
    publishing = {name for name, service in services.items() if service.get("ports")}
    assert publishing == {"proxy"}
    assert "ports" not in services["web"]
    assert {port.split(":")[-1].split("/")[0] for port in services["proxy"]["ports"]} == {"80", "443"}


def test_item10_the_web_process_trusts_exactly_the_one_proxy_in_front(compose):
    web = compose["services"]["web"]
    assert str(web["environment"]["PASSERELLE_TRUSTED_PROXIES"]) == "1"
    assert web["environment"]["DJANGO_SETTINGS_MODULE"] == "lms.settings.production"
    for other in ("worker", "beat"):  # they serve no request: the setting means nothing there
        assert "PASSERELLE_TRUSTED_PROXIES" not in compose["services"][other]["environment"]


def test_item10_the_proxy_reaches_web_but_not_the_database_or_redis(compose):
    services = compose["services"]
    proxy_networks = set(services["proxy"]["networks"])
    assert proxy_networks & set(services["web"]["networks"])
    for backend in ("postgres", "redis"):
        assert not proxy_networks & set(services[backend]["networks"])


def test_item10_the_proxy_config_is_in_deploy_and_overwrites_forwarded_addresses(compose):
    mounts = [volume.split(":") for volume in compose["services"]["proxy"]["volumes"]]
    config = next(source for source, target, *_mode in mounts if target == "/etc/caddy/Caddyfile")
    caddyfile = (COMPOSE.parent / config).resolve()
    assert caddyfile.parent == ROOT / "deploy" and caddyfile.is_file()
    lines = [line.split("#")[0].split() for line in caddyfile.read_text().splitlines()]
    directives = [line for line in lines if line]
    assert ["reverse_proxy", "web:8000", "{"] in directives
    # A visitor's own X-Forwarded-For is replaced by the address Caddy saw, never appended to.
    assert ["header_up", "X-Forwarded-For", "{remote_host}"] in directives
    assert ["header_up", "X-Forwarded-Proto", "{scheme}"] in directives
