"""Build the demo: languages, catalogues, competences, the five courses (and their translations),
a demo centre with its people. Every function is idempotent: it looks things up by a stable key
(slug under the parent, image title, username) and updates them, so running it again keeps one copy.
Accounts are the exception: one that already exists is never changed (see ``people_ensure``).
"""

import copy
import importlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.utils.module_loading import import_string
from wagtail.blocks import StreamValue
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail.utils.file import hash_filelike

from accounts.constants import SecretKind
from accounts.models import User
from accounts.services import learner_profile_ensure, learner_secret_set
from centres.constants import Role
from centres.models import Centre, Membership

from ..models import CatalogueIndexPage, Competence, CoursePage, LessonPage
from ..services import enrolment_create
from ..utterances import lesson_utterances
from ..voices import voices_version_bump
from ..voicing import voices_synthesize
from .content import COMPETENCES, COURSE_MODULES
from .content.alt_texts import ALT_TEXTS

DEMO_DIR = Path(__file__).resolve().parent
IMAGES_DIR = DEMO_DIR / "images"
MOCKUPS_DIR = DEMO_DIR / "mockups"
ZONES_FILE = IMAGES_DIR / "zones.json"

LANGUAGES = ("fr", "en", "ar", "fa", "uk")
COLLECTION_NAME = "Démo Passerelle"
DEMO_PASSWORD = "passerelle-demo"  # noqa: S105 — the published password of the demo accounts
CENTRE_NAME = "Centre d'accueil Belleville (démo)"

CATALOGUE_TEXT = {
    "fr": ("Les cours", "<p>Des cours courts, avec des images, pour la vie numérique en France.</p>"),
    "en": ("Courses", "<p>Short courses, with pictures, for digital life in France.</p>"),
    "ar": ("الدروس", "<p>دروس قصيرة، بالصور، للحياة الرقمية في فرنسا.</p>"),
    "fa": ("کورس‌ها", "<p>کورس‌های کوتاه، با عکس، برای زندگی دیجیتال در فرانسه.</p>"),
    "uk": ("Курси", "<p>Короткі курси з картинками для цифрового життя у Франції.</p>"),
}

# username, display name, role at the centre (None: no centre), preferred language
PEOPLE = [
    ("admin", "Admin", None, "fr"),
    ("responsable", "Claire R.", Role.MANAGER, "fr"),
    ("formatrice", "Nadia F.", Role.TRAINER, "fr"),
    ("referent", "Moussa K.", Role.REFERENT, "fr"),
    ("amina", "Amina D.", Role.LEARNER, "fr"),
    ("yonas", "Yonas T.", Role.LEARNER, "en"),
    ("farid", "Farid H.", Role.LEARNER, "ar"),
    ("mariam", "Mariam S.", Role.LEARNER, "fr"),
]

# Demo learners' picture passwords (to try the shared-tablet sign-in) and avatar colours.
LEARNER_PICTURES = {
    "amina": (["cat", "sun", "key"], "#1f5f8b"),
    "yonas": (["tree", "fish", "moon"], "#1e7b46"),
    "farid": (["house", "star", "cup"], "#a3281c"),
    "mariam": (["flower", "bird", "heart"], "#7b3fa0"),
}

STEP_DEFAULTS = {
    "image": {"audio": None},
    "hotspot": {"audio": None},
    "tip": {"kind": "tip", "image": None, "audio": None},
    "video": {"poster": None, "caption": "", "audio": None},
    "h5p": {"required": True, "pass_threshold": 100},
}
# The demo's H5P activities are made by the h5p app, which sits above courses: named by string, as
# courses.blocks names the H5P step. A step's "package" is a key of h5p.demo.DEMO_ACTIVITIES.
H5P_DEMO_PACKAGE = "h5p.demo.demo_package_ensure"
QUESTION_DEFAULTS = {"image": None, "audio": None, "competence": None}
KIND_DEFAULTS = {
    "single_choice": {"choices": []},
    "multiple_choice": {"choices": []},
    "true_false": {"is_true": False},
    "ordering": {"items": []},
    "typed_answer": {"ignore_case": True, "ignore_accents": True, "input_mode": "text"},
    "hotspot_question": {},
}
CHOICE_DEFAULTS = {"text": "", "image": None, "is_correct": False}


@dataclass
class DemoContext:
    """What the building functions share: the locales, images and competences found so far."""

    locales: dict = field(default_factory=dict)
    collection: Collection | None = None
    competences: dict = field(default_factory=dict)
    images: dict = field(default_factory=dict)
    zones: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)


# --- languages, images, competences -------------------------------------------------------------

def locales_ensure():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}


def collection_ensure():
    found = Collection.objects.filter(name=COLLECTION_NAME).first()
    return found or Collection.get_first_root_node().add_child(name=COLLECTION_NAME)


def competences_ensure():
    return {
        item["code"]: Competence.objects.update_or_create(
            code=item["code"], defaults={k: item[k] for k in ("domain", "name", "description")}
        )[0]
        for item in COMPETENCES
    }


def zones_read():
    return json.loads(ZONES_FILE.read_text(encoding="utf-8")) if ZONES_FILE.exists() else {}


def mockup_title(relative_path):
    """The <title> of the mock-up an image was made from: a short description, used as alt text."""
    source = MOCKUPS_DIR / Path(relative_path).with_suffix(".html")
    if not source.exists():
        return ""
    match = re.search(r"<title>(.*?)</title>", source.read_text(encoding="utf-8"), re.S)
    return match[1].strip()[:250] if match else ""


def _image_file(path, relative_path):
    return ImageFile(io.BytesIO(path.read_bytes()), name=relative_path.replace("/", "-"))


def image_ensure(ctx, relative_path):
    """The Wagtail image of ``courses/demo/images/<relative_path>``: imported once, replaced if the file changed."""
    if relative_path in ctx.images:
        return ctx.images[relative_path]
    path = IMAGES_DIR / relative_path
    if not path.exists():
        raise FileNotFoundError(f"Demo image missing: {path} (run: python -m courses.demo.make_images)")
    with path.open("rb") as handle:
        digest = hash_filelike(handle)
    Image = get_image_model()
    image = Image.objects.filter(title=relative_path, collection=ctx.collection).first()
    if image is None or image.file_hash != digest:
        image = image or Image(title=relative_path, collection=ctx.collection)
        if image.pk:
            image.renditions.all().delete()
        image.file = _image_file(path, relative_path)
        image.file_hash, image.file_size = digest, path.stat().st_size
        image.description = mockup_title(relative_path)
        image.save()
    ctx.images[relative_path] = image
    return image


# --- steps ---------------------------------------------------------------------------------------

def alt_text(relative_path, language):
    """What a learner sees in a demo picture, in the lesson's language (French if not written)."""
    texts = ALT_TEXTS.get(relative_path, {})
    return texts.get(language) or texts.get("fr", "")


def step_image(ctx, relative_path, language):
    """A step's picture as ``StepImageBlock`` holds it: the image, with this use's alt text."""
    image = copy.copy(image_ensure(ctx, relative_path))
    image.contextual_alt_text, image.decorative = alt_text(relative_path, language), False
    return image


def _resolve(ctx, key, value, language="fr"):
    if key == "image" and isinstance(value, str):
        return step_image(ctx, value, language)
    if key == "poster" and isinstance(value, str):
        return image_ensure(ctx, value)
    if key == "zones" and isinstance(value, str):
        if value not in ctx.zones:
            raise KeyError(f"No zones named {value!r} in {ZONES_FILE}")
        return ctx.zones[value]
    if key == "competence" and isinstance(value, str):
        return ctx.competences[value]
    if key == "package" and isinstance(value, str):
        return import_string(H5P_DEMO_PACKAGE)(value)
    return value


def step_value(ctx, kind, value, language="fr"):
    """A step as written in a content module → the value the StreamField stores."""
    defaults = STEP_DEFAULTS.get(kind, QUESTION_DEFAULTS | KIND_DEFAULTS.get(kind, {}))
    resolved = {key: _resolve(ctx, key, item, language) for key, item in (defaults | value).items()}
    if "choices" in resolved:
        resolved["choices"] = [
            {key: _resolve(ctx, key, item, language) for key, item in (CHOICE_DEFAULTS | choice).items()}
            for choice in resolved["choices"]
        ]
    return resolved


def steps_build(ctx, steps, language="fr"):
    return [(kind, step_value(ctx, kind, value, language)) for kind, value in steps]


# --- pages ---------------------------------------------------------------------------------------

def publish(page):
    page.save_revision().publish()
    return page


def child_ensure(parent, model, slug, fields):
    """The child page of ``parent`` with this slug, created or updated with ``fields``, published."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, locale=parent.locale, **fields)
        parent.add_child(instance=page)
    else:
        for name, item in fields.items():
            setattr(page, name, item)
    return publish(page)


def _catalogue_fields(code):
    title, intro = CATALOGUE_TEXT[code]
    return {"title": title, "intro": intro}


def site_root_set(catalogue):
    """The default site starts at the French catalogue; Wagtail's "Welcome" page goes away."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True, site_name="Passerelle")
    site.root_page, site.site_name = catalogue, site.site_name or "Passerelle"
    site.save()
    plain_page = ContentType.objects.get_for_model(Page)
    for welcome in Page.objects.filter(depth=2, content_type=plain_page):
        if not welcome.get_children().exists() and not Site.objects.filter(root_page=welcome).exists():
            welcome.delete()


def catalogues_ensure(ctx):
    root = Page.get_first_root_node()
    french = CatalogueIndexPage.objects.filter(depth=2, locale=ctx.locales["fr"]).first()
    if french is None:
        french = CatalogueIndexPage(slug="catalogue", locale=ctx.locales["fr"], **_catalogue_fields("fr"))
        root.add_child(instance=french)
    else:
        for name, item in _catalogue_fields("fr").items():
            setattr(french, name, item)
    catalogues = {"fr": publish(french)}
    site_root_set(french)
    for code in LANGUAGES[1:]:
        catalogues[code] = translation_ensure(french, ctx.locales[code], _catalogue_fields(code))
    return catalogues


def translation_ensure(source, locale, fields):
    """The translation of ``source`` into ``locale`` (same translation key), updated and published."""
    page = source.get_translation_or_none(locale)
    page = page.specific if page else source.copy_for_translation(locale).specific
    for name, item in fields.items():
        setattr(page, name, item)
    return publish(page)


def course_fields(ctx, data):
    return {
        "title": data["title"], "summary": data["summary"], "level": data.get("level", "beginner"),
        "estimated_minutes": data.get("estimated_minutes", 30),
        "cover": image_ensure(ctx, data["cover"]) if data.get("cover") else None,
        "competences": [ctx.competences[code] for code in data.get("competences", [])],
    }


def lesson_fields(ctx, data, language="fr"):
    fields = {"title": data["title"], "summary": data.get("summary", ""),
              "steps": steps_build(ctx, data["steps"], language)}
    for name in ("estimated_minutes", "pass_mark"):
        if name in data:
            fields[name] = data[name]
    return fields


def course_ensure(ctx, catalogue, data):
    course = child_ensure(catalogue, CoursePage, data["slug"], course_fields(ctx, data))
    lessons = [child_ensure(course, LessonPage, item["slug"], lesson_fields(ctx, item)) for item in data["lessons"]]
    return course, lessons


def course_translate(ctx, course, lessons, locale, data):
    """Translate a French course and its lessons; untranslated fields (level, cover…) stay as in French."""
    fields = course_fields(ctx, {**_course_base(course), **data})
    translated = translation_ensure(course, locale, fields)
    by_slug = {item["slug"]: item for item in data.get("lessons", [])}
    for lesson in lessons:
        if lesson.slug in by_slug:
            fields = lesson_fields(ctx, by_slug[lesson.slug], locale.language_code)
            fields["steps"] = steps_aligned(lesson, fields["steps"])
            translation_ensure(lesson, locale, fields)
    return translated


def steps_aligned(source, steps):
    """Translated steps that keep the block ids of the source lesson's steps (same place, same
    kind), as Wagtail's translate action does: a learner's progress follows them across languages."""
    ids = [(step.block_type, step.id) for step in source.steps]
    items = [
        (kind, value, ids[index][1]) if index < len(ids) and ids[index][0] == kind else (kind, value)
        for index, (kind, value) in enumerate(steps)
    ]
    return StreamValue(source.steps.stream_block, items, is_lazy=False)


def _course_base(course):
    return {
        "level": course.level, "estimated_minutes": course.estimated_minutes,
        "cover": course.cover.title if course.cover else None,
        "competences": [c.code for c in course.competences.all()],
    }


def course_module(slug, warnings):
    """The content module of a course, or None (with a warning) if it is not written yet."""
    name = f"{__package__}.content.{slug}"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name != name:
            raise
        warnings.append(f"Course module {name} not found: course « {slug} » skipped.")
        return None


def courses_ensure(ctx, catalogues):
    made = []
    for slug in COURSE_MODULES:
        module = course_module(slug, ctx.warnings)
        if module is None:
            continue
        course, lessons = course_ensure(ctx, catalogues["fr"], module.COURSE)
        made.append(course)
        for code, data in getattr(module, "TRANSLATIONS", {}).items():
            if code in catalogues and code != "fr":
                made.append(course_translate(ctx, course, lessons, ctx.locales[code], data))
    return made


# --- people --------------------------------------------------------------------------------------

@dataclass
class DemoAccount:
    """A demo account and whether this run created it (an account that already existed is left as it is)."""

    user: User
    role_label: str
    created: bool


def user_create(username, display_name, language):
    """A new demo account with the published demo password."""
    user = User(username=username, display_name=display_name, preferred_language=language)
    user.is_superuser = user.is_staff = username == "admin"
    if username in ("admin", "formatrice", "responsable"):
        user.email = f"{username}@exemple.fr"
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def editors_group():
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return group


def centre_ensure():
    centre, _ = Centre.objects.get_or_create(name=CENTRE_NAME, defaults={"city": "Paris"})
    return centre


def person_set_up(user, centre, role):
    """What a new demo account gets: its role at the demo centre, the editors' group, its pictures."""
    if role is not None:
        Membership.objects.get_or_create(user=user, centre=centre, role=role)
    if role == Role.TRAINER:
        user.groups.add(editors_group())
    if user.username in LEARNER_PICTURES:
        learner_sign_in_ensure(user, *LEARNER_PICTURES[user.username])


def people_ensure(centre):
    """The demo accounts, in display order. An account whose username is already taken is never changed:
    not its password, not its rights, not its centres (it may be a real person's)."""
    accounts = []
    for username, display_name, role, language in PEOPLE:
        user = User.objects.filter(username=username).first()
        created = user is None
        if created:
            user = user_create(username, display_name, language)
            person_set_up(user, centre, role)
        accounts.append(DemoAccount(user=user, role_label=role.label if role else "Superuser", created=created))
    return accounts


def learner_sign_in_ensure(user, pictures, colour):
    """A learner code, a colour and a picture password, as a trainer would have given them."""
    profile = learner_profile_ensure(user=user)
    if profile.avatar_colour != colour:
        profile.avatar_colour = colour
        profile.save(update_fields=["avatar_colour"])
    learner_secret_set(user=user, kind=SecretKind.PICTURE, value=pictures)


def learners_enrol(accounts, catalogues):
    """Each new demo learner has started « Les e-mails » in their own language, so lessons open at once."""
    for account in accounts:
        user = account.user
        if not account.created or not user.memberships.filter(role=Role.LEARNER).exists():
            continue
        catalogue = catalogues.get(user.preferred_language, catalogues["fr"])
        course = CoursePage.objects.child_of(catalogue).filter(slug="emails").first()
        if course is not None:
            enrolment_create(learner=user, course=course)


# --- all together --------------------------------------------------------------------------------

@dataclass
class DemoResult:
    courses: list
    accounts: list
    centre: Centre
    warnings: list


def demo_load():
    """Build (or bring up to date) the whole demo. Safe to run again."""
    ctx = DemoContext(locales=locales_ensure(), collection=collection_ensure(), zones=zones_read())
    ctx.competences = competences_ensure()
    catalogues = catalogues_ensure(ctx)
    courses = courses_ensure(ctx, catalogues)
    centre = centre_ensure()
    accounts = people_ensure(centre)
    learners_enrol(accounts, catalogues)
    return DemoResult(courses=courses, accounts=accounts, centre=centre, warnings=ctx.warnings)


# --- voices --------------------------------------------------------------------------------------

# The demo's e-mail course has a voice for every step in these languages (synthetic ones: espeak-ng).
VOICED_COURSE = "emails"
VOICED_LANGUAGES = ("fr", "ar")


def demo_voices_make(courses):
    """The synthetic voices of every step of the e-mail course's lessons in French and Arabic, made in
    one pass per language (several espeak-ng at a time) rather than one task per publication.
    Returns how many were made (0 when they exist already, or synthesis is off)."""
    made = 0
    voiced = {course.translation_key for course in courses if course.slug == VOICED_COURSE}
    for course in courses:
        language = course.locale.language_code
        if course.translation_key not in voiced or language not in VOICED_LANGUAGES:
            continue
        lessons = list(LessonPage.objects.child_of(course).live())
        texts = [utterance.text for lesson in lessons for utterance in lesson_utterances(lesson)]
        made += voices_synthesize(texts, language)
        for lesson in lessons:
            voices_version_bump(lesson.translation_key, language)
    return made
