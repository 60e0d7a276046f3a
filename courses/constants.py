from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgressStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class CourseLevel(models.TextChoices):
    DISCOVERY = "discovery", _("Discovery")
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")


class StepKind(models.TextChoices):
    """The block types of a lesson's ``steps`` StreamField."""

    IMAGE = "image", _("Image")
    HOTSPOT = "hotspot", _("Tap the right place (practice, not scored)")
    TIP = "tip", _("Tip or warning")
    VIDEO = "video", _("Video")
    SINGLE_CHOICE = "single_choice", _("Single choice question")
    MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice question")
    TRUE_FALSE = "true_false", _("True or false")
    ORDERING = "ordering", _("Put in order")
    TYPED_ANSWER = "typed_answer", _("Typed answer")
    HOTSPOT_QUESTION = "hotspot_question", _("Question: tap the right area (scored)")
    H5P = "h5p", _("H5P activity")


# Steps whose answer counts towards the lesson score.
SCORED_STEP_KINDS = frozenset(
    {
        StepKind.SINGLE_CHOICE,
        StepKind.MULTIPLE_CHOICE,
        StepKind.TRUE_FALSE,
        StepKind.ORDERING,
        StepKind.TYPED_ANSWER,
        StepKind.HOTSPOT_QUESTION,
    }
)
# Steps whose result comes from elsewhere (the H5P player): they count towards the lesson score
# only when the trainer marked them required (``required`` in the step's value).
SCORED_WHEN_REQUIRED_STEP_KINDS = frozenset({StepKind.H5P})
# Steps the learner answers (graded by the server), scored or not.
ANSWERABLE_STEP_KINDS = SCORED_STEP_KINDS | {StepKind.HOTSPOT}

# Tries a learner has at a step, the first included: a second try at a question (only the first
# counts in the score); as many as they need at the unscored "tap the right place" step.
TRIES_PER_STEP = {kind: 2 for kind in SCORED_STEP_KINDS}
TRIES_PER_STEP[StepKind.HOTSPOT] = None  # no limit

DEFAULT_PASS_MARK = 80

# Image widths a tablet displays a lesson image at (phone, small tablet, 1024 px tablet).
STEP_IMAGE_WIDTHS = (480, 800, 1024)
STEP_IMAGE_FORMATS = ("avif", "webp")
STEP_IMAGE_SIZES = "(min-width: 1100px) 1024px, 100vw"
CHOICE_IMAGE_WIDTHS = (240, 480)
CHOICE_IMAGE_SIZES = "(min-width: 800px) 240px, 45vw"
COVER_IMAGE_WIDTHS = (400, 800)
COVER_IMAGE_SIZES = "(min-width: 800px) 400px, 100vw"

# What each staff group may do on a catalogue (a language's CatalogueIndexPage and the courses and lessons
# under it), and nowhere else in the page tree (issue 14). The groups are Wagtail's own, which staff roles
# put people in (centres.constants.ROLE_GROUPS): trainers write and publish; managers too, and lock.
CATALOGUE_PAGE_PERMISSIONS = {
    "Editors": ("add_page", "change_page", "publish_page"),
    "Moderators": ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
}
