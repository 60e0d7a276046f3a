"""H5P activities: the packages trainers upload, and what the player reports for each learner.

A package is someone else's JavaScript: it is checked before anything is written
(``h5p.validation``), unpacked under its own storage prefix, and played in a sandboxed frame
with no access to the learner's session (``h5p.views``). Scores come from the browser, so they
count for lesson progress and never for certification."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from .constants import MAX_FILE_COUNT, MAX_STATE_BYTES, MAX_TOTAL_BYTES, XapiVerb


class H5PPackage(index.Indexed, models.Model):
    """An interactive activity (drag the words, fill in the blanks, a memory game…) exported from an
    H5P editor such as Lumi: its content and the libraries that play it, unpacked for the player.
    A package never changes once uploaded; to change an activity, upload a new package."""

    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(_("H5P file"), upload_to="h5p/uploads/", max_length=255)
    storage_prefix = models.CharField(_("storage folder"), max_length=100, unique=True, editable=False)
    main_library = models.CharField(_("content type"), max_length=255, editable=False)
    main_library_version = models.CharField(_("content type version"), max_length=20, editable=False)
    language = models.CharField(_("language"), max_length=10, editable=False)
    size_bytes = models.PositiveBigIntegerField(_("size unpacked (bytes)"), editable=False)
    file_count = models.PositiveIntegerField(_("number of files"), editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now, editable=False)
    validated_at = models.DateTimeField(_("checked at"), editable=False)

    search_fields = [index.SearchField("title"), index.AutocompleteField("title"), index.FilterField("main_library")]

    class Meta:
        verbose_name = _("H5P activity")
        verbose_name_plural = _("H5P activities")
        ordering = ["-uploaded_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(size_bytes__lte=MAX_TOTAL_BYTES), name="h5p_package_size_limit"
            ),
            models.CheckConstraint(
                condition=models.Q(file_count__gte=1, file_count__lte=MAX_FILE_COUNT),
                name="h5p_package_file_count_limit",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def main_library_label(self):
        return f"{self.main_library} {self.main_library_version}"


class H5PResult(models.Model):
    """What the player reported when a learner answered, completed, passed or failed an H5P step of a
    lesson. ``statement_id`` makes a statement sent twice (a tablet retrying) count once. The score
    comes from the browser: it counts for lesson progress, never for certification."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="h5p_results"
    )
    package = models.ForeignKey(
        H5PPackage, verbose_name=_("H5P activity"), null=True, on_delete=models.SET_NULL, related_name="results"
    )
    lesson_key = models.UUIDField(_("lesson (all languages)"))
    lesson = models.ForeignKey(
        "courses.LessonPage", verbose_name=_("lesson"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    step_id = models.UUIDField(_("step"))
    statement_id = models.UUIDField(_("statement id"), unique=True)
    verb = models.CharField(_("verb"), max_length=60, choices=XapiVerb.choices)
    score_raw = models.FloatField(_("points"), null=True, blank=True)
    score_max = models.FloatField(_("points possible"), null=True, blank=True)
    score_scaled = models.FloatField(_("score"), null=True, blank=True)
    completion = models.BooleanField(_("completed"), null=True, blank=True)
    success = models.BooleanField(_("succeeded"), null=True, blank=True)
    statement = models.JSONField(_("xAPI statement"))
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("H5P result")
        verbose_name_plural = _("H5P results")
        indexes = [models.Index(fields=["learner", "lesson_key", "step_id"], name="h5p_result_learner_step")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score_scaled__isnull=True) | models.Q(score_scaled__gte=0, score_scaled__lte=1),
                name="h5p_result_scaled_range",
            ),
            models.CheckConstraint(
                condition=models.Q(score_raw__isnull=True) | models.Q(score_raw__gte=0), name="h5p_result_raw_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(score_max__isnull=True) | models.Q(score_max__gt=0), name="h5p_result_max_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(score_raw__isnull=True)
                | models.Q(score_max__isnull=True)
                | models.Q(score_raw__lte=models.F("score_max")),
                name="h5p_result_raw_at_most_max",
            ),
            models.CheckConstraint(condition=models.Q(verb__in=XapiVerb.values), name="h5p_result_known_verb"),
        ]

    def __str__(self):
        return f"{self.learner} · {self.package} · {self.get_verb_display()}"


class H5PUserState(models.Model):
    """Where a learner left an H5P activity (the player's own saved state, at most 64 KB), so that
    the activity opens where they stopped — for them only, never for the next person on the tablet."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="h5p_states"
    )
    package = models.ForeignKey(
        H5PPackage, verbose_name=_("H5P activity"), on_delete=models.CASCADE, related_name="user_states"
    )
    data = models.TextField(_("saved state"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("H5P saved state")
        verbose_name_plural = _("H5P saved states")
        constraints = [
            models.UniqueConstraint(fields=["learner", "package"], name="h5p_state_unique_learner_package"),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("data"), MAX_STATE_BYTES), name="h5p_state_size_limit"
            ),
        ]

    def __str__(self):
        return f"{self.learner} · {self.package}"
