"""The scoping matrix (issue 6): every staff URL of the site and of the admin × every role of centre A
× the objects of centre B, with GET and POST. Nothing of B may be read (B's names never appear in an
answer) or changed (B's rows are the same after the request), and the answer is a refusal.

The URLs are read from the URL resolver, so a view added later joins the matrix by itself: any URL of
the staff namespaces, and any URL anywhere taking a centre, person, tablet, cohort or erasure request
id. A staff URL whose parameters the matrix cannot fill fails until a builder is added to PARAMETERS;
a URL of ours taking some other object id fails until it is either added to PK_OBJECTS (it is a
staff URL) or listed in OUTSIDE_THE_MATRIX with the reason.

Each URL has a positive control: someone entitled to B's objects (B's manager, B's tablet, a
superuser for Wagtail's user admin) opens it successfully, so the matrix cannot pass because a URL
was wrong or an object missing."""

import uuid
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlparse

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.models import Page

from accounts import privacy
from accounts.services import learner_profile_ensure
from centres import services as centre_services
from centres.constants import Role
from centres.models import Centre, Cohort, EnrolledDevice, Membership
from certification import services as certification_services
from certification.codes import verification_code_new
from certification.models import Certificate, CertificationLevel, ExamSession, SessionCandidate
from community.constants import RegistrationStatus
from community.models import CheckIn, CommunitySession, Registration, SkillSignOff
from courses.models import Competence
from dashboards.models import Network
from tests import factories

# --- Which URLs are staff URLs ---------------------------------------------------------------------

# The site's staff pages live in the centres namespace (all but its public and tablet pages, listed
# below); any other URL taking one of SCOPED_KWARGS is a staff URL too, wherever it lives (the
# dashboards to come, say). The accounts namespace holds sign-in and a learner's own pages only.
SITE_STAFF_NAMESPACES = {"centres", "community", "dashboards"}
SCOPED_KWARGS = {
    "centre_id", "user_id", "learner_id", "device_id", "request_id", "cohort_id", "candidate_id", "network_id",
}
# What a `pk` means: per Wagtail admin namespace (the admin screens over centre data), per site route.
PK_OBJECTS = {
    "centre_admin": "centre", "cohort_admin": "cohort", "wagtailusers_users": "learner",
    "certification:revoke": "certificate",
}
ADMIN_NAMESPACES = {"centre_admin", "cohort_admin", "wagtailusers_users"}
# Admin screens only a superuser is meant to reach: their positive control is a superuser.
SUPERUSER_NAMESPACES = {"wagtailusers_users"}

# Pages of the shared tablet: the tablet's cookie says which centre's learners they may show.
TABLET_ROUTES = {"centres:tiles", "centres:sign_in_picture", "centres:sign_in_pin"}
# URLs of the staff namespaces that are meant for everyone.
PUBLIC_ROUTES = {
    "centres:start": "where any sign-in starts",
    "centres:join": "a newcomer types a centre's join code",
    "centres:join_with_code": "the join code itself is the secret a centre hands out",
}
# Community pages for learners: the one entitled to B's session is B's learner (the positive control).
LEARNER_ROUTES = {"community:sessions", "community:register", "community:unregister", "community:phone_set"}
# Staff pages outside the staff namespaces that take no object id (they list what the person may see).
STAFF_ELSEWHERE = {"certification:exam_sessions_home", "courses_translations_report"}
# Routes about a newcomer not yet confirmed (the others take a confirmed learner).
NEWCOMER_ROUTES = {"centres:newcomer_confirm", "centres:newcomer_remove"}
# URLs of ours that are not staff URLs, and why: every URL whose view we wrote is either in the matrix or
# here (test_every_url_of_ours_is_in_the_matrix_or_said_why_not).
OUTSIDE_THE_MATRIX = {
    "after_sign_in": "sends whoever signed in to their own first page, reads nothing of a centre",
    "wagtail_serve": "the catalogue's pages, public",
    "certification_jwks": "the certificate issuer's public keys",
    "courses_zone_image": "an image of the catalogue, in the admin's zone editor",
    "courses_falc": "easy-French hints on the text an editor sends; reads nothing stored, page editors only "
                    "(tests/courses/test_falc.py)",
    "courses:glossary": "the pictograms and their words, public",
    "courses_translation_submit": "a catalogue page, translated with page permissions (tests/courses)",
    "courses_translation_update": "a catalogue page, translated with page permissions (tests/courses)",
    "courses_lesson_voices": "a lesson's voices belong to the catalogue, for its editors (tests/courses)",
    "wagtailsnippets_h5p_h5ppackage:list": "H5P activities belong to the catalogue",
    "wagtailsnippets_h5p_h5ppackage:list_results": "H5P activities belong to the catalogue",
    "accounts:logout": "signing out", "accounts:session_ping": "the signed-in person's own session",
    "accounts:card_sign_in": "signing in with a card", "accounts:card_old_address": "an old card's address, refused",
    "accounts:home_code": "signing in at home", "accounts:home_picture": "signing in at home",
    "accounts:home_pin": "signing in at home",
    "accounts:my_data": "a learner's own data", "accounts:consent_give": "a learner's own data",
    "accounts:consent_withdraw": "a learner's own data", "accounts:my_data_export": "a learner's own data",
    "accounts:my_data_export_json": "a learner's own data", "accounts:erasure_request": "a learner's own data",
    "courses:my_path": "a learner's own path",
    "accounts:content_languages": "a learner's own content languages",
    "courses:step_in_language": "a step of a lesson of the catalogue, for a learner who started its course",
    "certification:my_certificates": "a learner's own certificates",
    "certification:verify": "public verification of a certificate",
    "certification:verify_code": "public verification of a certificate",
    "certification:exam_home": "a candidate's own exam home", "certification:api_join": "a candidate joins a session",
    "h5p:statements": "a learner's own H5P results",
    "courses:course_start": "a course belongs to the catalogue, not to a centre",
    "courses:lesson_restart": "a lesson belongs to the catalogue; progress is the signed-in learner's own",
    "courses:answer_create": "a lesson belongs to the catalogue; answers are the signed-in learner's own",
    "courses:step_visit": "a lesson belongs to the catalogue; progress is the signed-in learner's own",
    "courses:answer_preview": "a lesson belongs to the catalogue; its editors try its preview, nothing is stored",
    "courses:answer_preview_new": "a course belongs to the catalogue; those who may add its lessons try a new "
                                  "lesson's preview, nothing is stored",
    "certification:certificate_pdf": "the signed-in learner's own certificate (tests/certification)",
    "certification:certificate_credential": "the signed-in learner's own certificate (tests/certification)",
    "certification:api_start": "the exam tablet's API, for the candidate admitted to that session",
    "certification:exam_waiting": "the candidate's own place in a session they joined (tests/certification)",
    "certification:exam_start": "the candidate's own place in a session they joined (tests/certification)",
    "certification:exam_attempt": "the candidate's own exam (tests/certification)",
    "certification:practice_start": "a level belongs to the catalogue; the practice test is the learner's own",
    "certification:api_attempt": "the exam tablet's API, for the candidate's own attempt",
    "certification:api_answer": "the exam tablet's API, for the candidate's own attempt",
    "certification:api_submit": "the exam tablet's API, for the candidate's own attempt",
    "h5p:frame": "an H5P activity belongs to the catalogue",
    "h5p:file": "an H5P activity belongs to the catalogue",
    "h5p:state": "an H5P activity belongs to the catalogue; its state is the signed-in learner's own",
}


@dataclass(frozen=True)
class Route:
    name: str  # namespaced, for reverse()
    kwargs: tuple  # the URL's own parameters
    module: str  # where its view is written

    @property
    def namespace(self):
        return self.name.split(":")[0] if ":" in self.name else ""

    @property
    def kind(self):
        if self.name in TABLET_ROUTES:
            return "tablet"
        if self.namespace in ADMIN_NAMESPACES:
            return "admin"
        return "site"


def _pattern_kwargs(pattern):
    converters = getattr(pattern.pattern, "converters", None)
    names = converters.keys() if converters is not None else pattern.pattern.regex.groupindex.keys()
    return tuple(name for name in names if name not in pattern.default_args)


def all_routes(resolver=None, namespaces=()):
    """Every named URL pattern of the site, with its namespace path and parameters."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = (*namespaces, pattern.namespace) if pattern.namespace else namespaces
            yield from all_routes(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = ":".join((*namespaces, pattern.name))
            yield Route(name, _pattern_kwargs(pattern), getattr(pattern.callback, "__module__", ""))


def is_staff_route(route):
    return route.name not in PUBLIC_ROUTES and (
        route.name in STAFF_ELSEWHERE or route.namespace in SITE_STAFF_NAMESPACES or route.namespace in ADMIN_NAMESPACES
        or route.name in PK_OBJECTS or bool(SCOPED_KWARGS & set(route.kwargs))
    )


STAFF_ROUTES = sorted({route for route in all_routes() if is_staff_route(route)}, key=lambda r: r.name)


def our_packages():
    return {config.name.split(".")[0] for config in apps.get_app_configs()
            if config.path.startswith(str(settings.BASE_DIR)) and "site-packages" not in config.path}


# --- Centre B, centre A and the people of A --------------------------------------------------------

# ASCII names, so that they would show in a JSON export or a CSV as they are.
B_NAMES = {
    "centre": "Centre Bravo Xylophone", "cohort": "Cohorte Quetzal", "learner": "Zenobia Bravoski",
    "newcomer": "Ulrich Quokkason", "device": "Tablette Yakbravo", "session": "Atelier Bravo Zanzibar",
    "place": "Bibliothèque Quokka", "evidence": "Envoyé un courriel Xylobravo",
    "network": "Reseau Wombatique",
}
# The network admin of A administers a network of centres holding A (and not B).
ATTACKERS = ("anonymous", "learner_A", "referent_A", "trainer_A", "manager_A", "network_admin_A")
ADMIN_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    *[("centres", f"{action}_{model}") for action in ("add", "change", "delete") for model in ("centre", "cohort")],
]


def centre_admin_group():
    """What a platform administrator might give everyone of a centre, by mistake or not: the admin,
    and every permission on centres and cohorts. Scoping must hold even then."""
    group = Group.objects.create(name="Matrice : gestion des centres")
    for app_label, codename in ADMIN_PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return group


def person(centre, role, group, **fields):
    user = factories.UserFactory(**fields)
    Membership.objects.create(user=user, centre=centre, role=role)
    user.groups.add(group)
    return user


def certificate_of(learner, centre):
    level = CertificationLevel.objects.create(name="Niveau de la matrice")
    return Certificate.objects.create(
        code=verification_code_new(), learner=learner, level=level, level_name=level.name,
        holder_name=learner.display_name, score=0.9, centre=centre, centre_name=centre.name, issued_at=timezone.now(),
    )


def exam_candidate_of(learner, centre, supervisor):
    """An exam session open now at ``centre``, which ``learner`` joined."""
    opens_at = timezone.now() - timedelta(minutes=5)
    session = certification_services.exam_session_open(
        centre=centre, level=CertificationLevel.objects.get(name="Niveau de la matrice"), supervisor=supervisor,
        room="Salle B", opens_at=opens_at, closes_at=opens_at + timedelta(hours=2),
    )
    return certification_services.candidate_join(learner=learner, code=session.access_code)


def community_session_of(centre, host, title, learner=None):
    """A community session to come at ``centre``, in a named public place; ``learner`` registered, came and
    had a skill signed off."""
    session = CommunitySession.objects.create(
        centre=centre, host=host, title=title, starts_at=timezone.now() + timedelta(days=2), capacity=5,
        languages=",fr,", place_kind="public", place_name=f"{B_NAMES['place']}" if learner else "Parc Alpha",
    )
    if learner is not None:
        Registration.objects.create(session=session, learner=learner, status=RegistrationStatus.REGISTERED)
        session.registered_count = 1
        session.save()
        CheckIn.objects.create(session=session, learner=learner, client_uuid=uuid.uuid4(), checked_in_by=host)
        SkillSignOff.objects.create(learner=learner, competence=Competence.objects.get_or_create(
            code="MAT", defaults={"domain": "Matrice", "name": "Compétence de la matrice"})[0], session=session,
            signed_by=host, evidence=B_NAMES["evidence"])
    return session


def networks_of(a, b, manager_b):
    """A network holding A, with its administrator (an attacker), and B's network, administered by B's
    manager (the positive control of the network pages)."""
    network_a = Network.objects.create(name="Reseau Alpha")
    network_a.centres.add(a)
    admin_a = factories.UserFactory(display_name="Network admin A")
    network_a.administrators.add(admin_a)
    network_b = Network.objects.create(name=B_NAMES["network"])
    network_b.centres.add(b)
    network_b.administrators.add(manager_b)
    return admin_a, network_b


@dataclass
class World:
    centre_a: Centre
    centre_b: Centre
    cohort_b: Cohort
    learner_b: object
    newcomer_b: object
    manager_b: object
    device_b: EnrolledDevice
    erasure_b: object
    certificate_b: Certificate
    exam_session_b: ExamSession
    candidate_b: SessionCandidate
    session_b: CommunitySession
    network_b: Network
    cookie_a: str
    cookie_b: str
    superuser: object
    people: dict
    watched: dict = None  # B's rows to compare, as querysets
    rows: dict = None  # ... and their values before any request
    sessions: dict = None  # a signed-in session per role

    @property
    def b_user_ids(self):
        return [self.learner_b.pk, self.newcomer_b.pk, self.manager_b.pk]

    @property
    def b_texts(self):
        """What of B must never show: names, usernames, the certificate's code, the exam's access code."""
        return [*B_NAMES.values(), self.learner_b.username, self.newcomer_b.username, self.certificate_b.code,
                self.exam_session_b.access_code]


def world_build():
    group = centre_admin_group()
    a = factories.CentreFactory(name="Centre Alpha Arles", city="Arles")
    b = factories.CentreFactory(name=B_NAMES["centre"], city="Quimper")
    Cohort.objects.create(centre=a, name="Cohorte Alpha")
    cohort_b = Cohort.objects.create(centre=b, name=B_NAMES["cohort"])
    factories.learner_in(a, display_name="Alice Alpha")
    learner_b = person(b, Role.LEARNER, group, display_name=B_NAMES["learner"], username="zenobia.bravoski")
    Membership.objects.filter(user=learner_b).update(cohort=cohort_b)
    learner_profile_ensure(user=learner_b)
    newcomer_b = factories.UserFactory(display_name=B_NAMES["newcomer"], username="ulrich.quokkason")
    Membership.objects.create(user=newcomer_b, centre=b, role=Role.LEARNER, confirmed=False)
    manager_b = person(b, Role.MANAGER, group, display_name="Bernadette Bravo")
    device_b, cookie_b = centre_services.device_enrol(centre=b, name=B_NAMES["device"], by=manager_b)
    _device_a, cookie_a = centre_services.device_enrol(centre=a, name="Tablette Alpha", by=None)
    people = {
        f"{role.name.lower()}_A": person(a, role, group, display_name=f"{role.label} A")
        for role in (Role.LEARNER, Role.REFERENT, Role.TRAINER, Role.MANAGER)
    }
    certificate_b = certificate_of(learner_b, b)
    candidate_b = exam_candidate_of(learner_b, b, manager_b)
    session_a = community_session_of(a, people["referent_A"], "Atelier Alpha")
    CheckIn.objects.create(session=session_a, learner=people["learner_A"], client_uuid=uuid.uuid4())
    people["network_admin_A"], network_b = networks_of(a, b, manager_b)
    return World(
        centre_a=a, centre_b=b, cohort_b=cohort_b, learner_b=learner_b, newcomer_b=newcomer_b,
        manager_b=manager_b, device_b=device_b, cookie_a=cookie_a, cookie_b=cookie_b,
        erasure_b=privacy.erasure_request_create(user=learner_b, by=learner_b),
        certificate_b=certificate_b, exam_session_b=candidate_b.session, candidate_b=candidate_b, network_b=network_b,
        session_b=community_session_of(b, manager_b, B_NAMES["session"], learner=learner_b),
        superuser=factories.UserFactory(is_superuser=True, is_staff=True), people=people,
    )


# --- B's rows, before and after ------------------------------------------------------------------


def _b_roots(world):
    return {
        Centre: [world.centre_b.pk], Cohort: [world.cohort_b.pk], EnrolledDevice: [world.device_b.pk],
        Certificate: [world.certificate_b.pk], get_user_model(): world.b_user_ids,
        CommunitySession: [world.session_b.pk],
        Network: [world.network_b.pk],
    }


def _watched_models(root_models):
    """Our models (and the many-to-many tables of people: a user's groups, say) with the fields that
    point to B's centre, cohort, tablet, certificate or people. Wagtail's and other libraries' tables
    are left out, pages included: what they hold of a person (log entries, revisions, page owners)
    does not change who may do what."""
    ours = our_packages()
    watched = []
    for model in apps.get_models(include_auto_created=True):
        if model.__module__.split(".")[0] not in ours or issubclass(model, Page):
            continue
        fields = [field.name for field in model._meta.concrete_fields
                  if (field.many_to_one or field.one_to_one) and field.related_model in root_models]
        if fields or model in root_models:
            watched.append((model, fields))
    return watched


def _b_querysets(world):
    roots = _b_roots(world)
    querysets = {}
    for model, fields in _watched_models(roots):
        condition = Q(pk__in=roots[model]) if model in roots else Q()
        for name in fields:
            condition |= Q(**{f"{name}__in": roots[model._meta.get_field(name).related_model]})
        querysets[model._meta.label] = model._default_manager.filter(condition).order_by("pk").values()
    return querysets


def b_rows(world):
    """Every row of B, and every row of our models that points to one of them (so a model added later,
    a community session say, is watched too), as comparable values."""
    return {label: list(queryset.all()) for label, queryset in world.watched.items()}


def sessions_open(world):
    """One signed-in session per role, opened once for the module (signing in for each case costs)."""
    sessions = {}
    for role, user in world.people.items():
        client = Client()
        client.force_login(user)
        sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return sessions


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module, in a transaction rolled back at its end. Each test runs inside it
    and is rolled back too, so B's rows before every request are the ones read here."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            built = world_build()
            built.watched = _b_querysets(built)
            built.rows = b_rows(built)
            built.sessions = sessions_open(built)
            yield built
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


# --- Filling in a URL's parameters with B's objects ------------------------------------------------


OBJECTS = {
    "centre": lambda world: world.centre_b.pk,
    "cohort": lambda world: world.cohort_b.pk,
    "learner": lambda world: world.learner_b.pk,
    "certificate": lambda world: world.certificate_b.pk,
}


def _user_of_b(world, route):
    return world.newcomer_b.pk if route.name in NEWCOMER_ROUTES else world.learner_b.pk


def _pk_of(route):
    return PK_OBJECTS.get(route.name) or PK_OBJECTS.get(route.namespace)


PARAMETERS = {
    "centre_id": lambda world, route: world.centre_b.pk,
    "user_id": _user_of_b,
    "learner_id": _user_of_b,
    "device_id": lambda world, route: world.device_b.pk,
    "request_id": lambda world, route: world.erasure_b.pk,
    "cohort_id": lambda world, route: world.cohort_b.pk,
    "exam_session_id": lambda world, route: world.exam_session_b.pk,
    "candidate_id": lambda world, route: world.candidate_b.pk,
    "session_id": lambda world, route: world.session_b.pk,
    "network_id": lambda world, route: world.network_b.pk,
    # What a dashboard file is: the learners' export as CSV (streamed), the reports as XLSX.
    "kind": lambda world, route: "learners",
    "file_format": lambda world, route: "csv" if route.name == "dashboards:export_download" else "xlsx",
    "pk": lambda world, route: OBJECTS[_pk_of(route)](world),
}


def missing_builders(route):
    return [name for name in route.kwargs if name not in PARAMETERS or (name == "pk" and not _pk_of(route))]


def url_of(world, route):
    missing = missing_builders(route)
    assert not missing, f"{route.name}: no parameter builder for {missing}; add one to PARAMETERS"
    return reverse(route.name, kwargs={name: PARAMETERS[name](world, route) for name in route.kwargs})


def post_data(world):
    """One body that fills the forms of the staff pages, aimed at B wherever a field names a centre."""
    return {
        "name": "Intrus", "city": "Ailleurs", "idle_timeout_minutes": "30", "show_learner_tiles": "on",
        "centre": world.centre_b.pk, "cohort": world.cohort_b.pk, "action": "open", "scope": "all",
        "learner": [world.learner_b.pk, world.newcomer_b.pk], "display_name": "Intrus", "avatar_colour": "#1f5f8b",
        "pictures": ["cat", "sun", "key"], "pin": "4826", "token": "x", "reason": "Erreur de saisie",
        "username": "intrus", "password1": "un-mot-de-passe-42", "password2": "un-mot-de-passe-42",
    }


# --- What an answer may show ---------------------------------------------------------------------


def content_of(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def b_texts_shown(world, response):
    content = content_of(response)
    return [text for text in world.b_texts if text.encode() in content]


def refusal_paths():
    return {reverse("centres:start"), reverse("accounts:login"), "/admin/login/", "/admin/"}


def is_refusal(client, response, url):
    """401, 403, 404 or 405; a redirect to a sign-in page or to the admin's home (Wagtail's "you may not");
    or LocaleMiddleware's redirect of a 404 to the same path under /fr/, which must answer 404."""
    if response.status_code in (401, 403, 404, 405):  # 401: a JSON endpoint's "sign in again"
        return True
    if response.status_code not in (301, 302):
        return False
    target = urlparse(response["Location"]).path
    if target in refusal_paths():
        return True
    return target == f"/fr{url}" and client.get(target).status_code == 404


# --- The clients ---------------------------------------------------------------------------------


def client_for(world, role, route):
    client = Client()
    if role != "anonymous":
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
    if route.kind == "tablet":  # centre A's tablet, whoever holds it
        client.cookies[centre_services.DEVICE_COOKIE] = world.cookie_a
    return client


def entitled_client(world, route):
    """Someone who may open this URL on B's objects."""
    client = Client()
    if route.kind == "tablet":
        client.cookies[centre_services.DEVICE_COOKIE] = world.cookie_b
    elif route.namespace in SUPERUSER_NAMESPACES:
        client.force_login(world.superuser)
    elif route.name in LEARNER_ROUTES:
        client.force_login(world.learner_b)
    else:
        client.force_login(world.manager_b)
    return client


# --- The matrix ------------------------------------------------------------------------------------


CASES = [
    pytest.param(role, method, route, id=f"{role}-{method}-{route.name}")
    for route in STAFF_ROUTES for role in ATTACKERS for method in ("GET", "POST")
]


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "method", "route"), CASES)
def test_nothing_of_centre_b_is_readable_or_changeable(world, role, method, route):
    url = url_of(world, route)
    client = client_for(world, role, route)
    response = client.get(url) if method == "GET" else client.post(url, post_data(world))
    shown = b_texts_shown(world, response)
    assert not shown, f"{method} {url} by {role} shows {shown}"
    assert b_rows(world) == world.rows, f"{method} {url} by {role} changed centre B's data"
    if route.kwargs:  # the URL names one of B's objects: the answer must be a refusal
        assert is_refusal(client, response, url), f"{method} {url} by {role}: {response.status_code}"


@pytest.mark.django_db
@pytest.mark.parametrize("route", STAFF_ROUTES, ids=[route.name for route in STAFF_ROUTES])
def test_someone_entitled_opens_the_same_url(world, route):
    """The positive control: B's manager (B's tablet for tablet pages, a superuser for Wagtail's user
    admin) is not refused, so each refusal above is about who asks, not about a wrong URL."""
    url = url_of(world, route)
    client = entitled_client(world, route)
    response = client.get(url)
    if response.status_code == 405:  # a POST-only action: do it
        response = client.post(url, post_data(world))
        assert response.status_code not in (403, 404, 405), f"POST {url}: {response.status_code}"
        assert not is_refusal(client, response, url), f"POST {url} was refused: {response.get('Location')}"
        return
    assert response.status_code in (200, 302), f"GET {url}: {response.status_code}"
    if response.status_code == 302:
        assert not is_refusal(client, response, url), f"GET {url} was refused: {response['Location']}"


# --- The matrix covers what it should --------------------------------------------------------------


def test_every_staff_url_has_its_parameters_filled():
    unfilled = {route.name: missing_builders(route) for route in STAFF_ROUTES if missing_builders(route)}
    assert not unfilled, f"add parameter builders for {unfilled}"


def test_every_url_of_ours_is_in_the_matrix_or_said_why_not():
    """A new URL (/sessions/<int:session_id>/, or a staff list without any id) must be classified: a staff
    URL (its namespace is a staff one, or it is added to STAFF_ELSEWHERE, PK_OBJECTS or PARAMETERS) or not
    (OUTSIDE_THE_MATRIX, PUBLIC_ROUTES, with the reason)."""
    classified = {route.name for route in STAFF_ROUTES} | set(OUTSIDE_THE_MATRIX) | set(PUBLIC_ROUTES)
    ours = our_packages()
    unclassified = sorted(
        route.name for route in all_routes() if route.module.split(".")[0] in ours and route.name not in classified
    )
    assert not unclassified, f"classify these URLs in tests/security/test_matrix.py: {unclassified}"


def test_the_matrix_holds_the_staff_pages_and_the_admin_screens():
    names = {route.name for route in STAFF_ROUTES}
    site = {"centres:devices", "centres:device_revoke", "centres:learner_list", "centres:card_reissue",
            "centres:learner_export", "centres:erasure_confirm", "centres:newcomer_remove",
            "dashboards:learner_list", "dashboards:learner_detail", "dashboards:matrix", "dashboards:export_download",
            "dashboards:report", "dashboards:report_download", "dashboards:network_report",
            "centres:learner_pictures", "certification:exam_sessions_home", "dashboards:settings"}
    admin = {f"{namespace}:{view}" for namespace in ADMIN_NAMESPACES for view in ("index", "edit", "delete")}
    assert site | admin | TABLET_ROUTES <= names
    assert not names & set(PUBLIC_ROUTES)
    assert not {name for name in names if name.startswith("accounts:")}, "sign-in and a learner's own pages"


def test_the_exceptions_name_urls_that_exist():
    """An exception for a URL that is gone would hide a new one of the same name."""
    names = {route.name for route in all_routes()}
    listed = set(PUBLIC_ROUTES) | TABLET_ROUTES | NEWCOMER_ROUTES | LEARNER_ROUTES | STAFF_ELSEWHERE
    listed |= set(OUTSIDE_THE_MATRIX)
    listed |= {name for name in PK_OBJECTS if ":" in name}
    assert listed <= names, f"gone: {listed - names}"


def test_django_admin_site_is_not_mounted():
    """Django's own admin knows nothing of centres: mounted, it would show every centre's people."""
    assert not [route.name for route in all_routes() if route.namespace == "admin"]


def test_the_matrix_holds_the_community_pages():
    names = {route.name for route in STAFF_ROUTES}
    community = {"community:session_detail", "community:check_in", "community:check_in_tap", "community:session_review",
                 "community:session_cancel", "community:session_edit", "community:attendee_progress",
                 "community:host_sessions",
                 "community:session_plan", "community:referents", "community:referent_grant",
                 "community:register", "community:unregister", "community:sessions"}
    assert community <= names
