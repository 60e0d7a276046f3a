"""The H5P step of a lesson. ``courses`` names it by string so that it imports nothing of this app;
in ``LessonStepsBlock`` (courses/blocks.py), the step must be called ``h5p`` (see
``h5p.constants.H5P_STEP_TYPE``)::

    h5p = import_string("h5p.blocks.H5PStepBlock")()

This module imports only Wagtail and the app's constants, so it can be loaded while
``courses.blocks`` is."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .constants import DEFAULT_PASS_THRESHOLD

# What the admin's preview shows where the activity plays (there is no package in a preview).
PREVIEW_TITLE = "Remets les parties de l'adresse dans l'ordre : amina.diallo, @, exemple.fr"


class H5PStepBlock(blocks.StructBlock):
    """An interactive H5P activity as one step of a lesson, played in a sandboxed frame. Its score
    comes from the learner's browser: it counts for the lesson's progress, never for certification."""

    package = SnippetChooserBlock("h5p.H5PPackage", label=_("H5P activity"))
    required = blocks.BooleanBlock(
        required=False, default=True, label=_("Required to complete the lesson"),
        help_text=_("Untick for an optional activity: the lesson can be completed without it."),
    )
    pass_threshold = blocks.IntegerBlock(
        min_value=0, max_value=100, default=DEFAULT_PASS_THRESHOLD, label=_("Score needed (%)"),
        help_text=_("The share of the activity's points a learner needs for the step to count as passed."),
    )

    def get_preview_context(self, value, parent_context=None):
        context = super().get_preview_context(value, parent_context=parent_context)
        # As courses' steps have it (courses/block_preview.html), with a stand-in for the activity.
        return {**context, "kind": self.name, "step_id": "preview", "eager": True, "preview_title": PREVIEW_TITLE}

    class Meta:
        icon = "code"
        preview_template = "courses/block_preview.html"
        label = _("H5P activity")
        template = "blocks/h5p_step_block.html"
        description = _("An interactive exercise (drag the words, fill in the blanks…) uploaded as a .h5p file.")
        preview_value = {"package": None, "required": True, "pass_threshold": DEFAULT_PASS_THRESHOLD}
