"""Lesson steps. Each step is one screen of the lesson player; questions are graded by the server
(see ``courses.grading``) and their templates never contain the answer key.

Every step has a ``description`` and a French ``preview_value`` without images (a placeholder
stands in for them), so the admin's block chooser shows a trainer what each step looks like on the
tablet before they pick one (Wagtail's block previews)."""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.telepath import register
from wagtail.blocks.list_block import ListBlockAdapter
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .constants import StepKind
from .widgets import ZoneEditorWidget
from .zones import zones_from_value, zones_json

TEXT_FEATURES = ["bold"]


class ZonesField(forms.Field):
    """The zones as JSON; an empty, damaged or out-of-image value gets the message of ``zones_from_value``."""

    widget = ZoneEditorWidget

    def to_python(self, value):
        if not isinstance(value, str):
            return value
        try:
            return json.loads(value) if value.strip() else []
        except ValueError:
            raise ValidationError(_("A target zone is damaged; draw it again.")) from None

    def validate(self, value):
        zones_from_value(value)


class ZonesBlock(blocks.FieldBlock):
    """Target zones drawn on the image of the same step (never typed as coordinates)."""

    def __init__(self, required=True, help_text=None, **kwargs):
        self.field = ZonesField(required=required, help_text=help_text)
        super().__init__(**kwargs)

    def get_prep_value(self, value):
        return json.loads(value) if isinstance(value, str) else value

    def to_python(self, value):
        return json.loads(value) if isinstance(value, str) else (value or [])

    def value_for_form(self, value):
        # A string here is raw form input that did not parse: leave it for ZonesField to reject.
        return value if isinstance(value, str) else zones_json(value)

    def value_from_form(self, value):
        try:
            return json.loads(value) if isinstance(value, str) else value
        except ValueError:
            return value

    # wagtail-localize: zones are coordinates on the image, the same in every language. They give the
    # translator nothing to translate, and a translation keeps its source's zones (copied on each sync).
    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value

    class Meta:
        icon = "crosshairs"
        default = []
        description = _("The target zones, drawn over the step's image.")
        preview_value = [{"x": 0.05, "y": 0.08, "w": 0.3, "h": 0.12}]


class CountedListBlock(blocks.ListBlock):
    """A list whose minimum count is checked when the page is saved, not as soon as the form opens
    (Wagtail's browser-side check shows « The minimum number of items is 2 » before the trainer wrote
    anything, and pauses autosave). A new one starts with that many empty items to fill."""

    def __init__(self, child_block, **kwargs):
        super().__init__(child_block, **kwargs)
        if not self._has_default and self.meta.min_num:
            self.meta.default = [self.child_block.get_default() for _ in range(self.meta.min_num)]


class CountedListBlockAdapter(ListBlockAdapter):
    def js_args(self, block):
        name, child_block, child_state, meta = super().js_args(block)
        meta.pop("minNum", None)  # ListBlock.clean still refuses too few items on save
        return [name, child_block, child_state, meta]


register(CountedListBlockAdapter(), CountedListBlock)


class StepImageBlock(ImageBlock):
    """A picture a learner sees in a step or a question, with the alt text of this use, written in the
    language of the lesson (the image's own title or description is one text for every language).
    Wagtail's ``ImageBlock``: its value is the image, carrying ``contextual_alt_text`` and
    ``decorative``; an image marked decorative gets an empty alt. Stored values of the former
    ``ImageChooserBlock`` (an image id) are read too, as a frozen exam question may hold one."""

    def __init__(self, required=True, **kwargs):
        blocks.StructBlock.__init__(self, [
            ("image", ImageChooserBlock(required=required, label=kwargs.get("label"))),
            ("decorative", blocks.BooleanBlock(
                default=False, required=False, label=_("Decorative picture (nothing to describe)"),
            )),
            ("alt_text", blocks.CharBlock(
                required=False, max_length=250, label=_("Alt text"),
                help_text=_("What the learner sees in the picture, in the language of this lesson, in a few words."),
            )),
        ], **kwargs)

    def deconstruct(self):
        return ("courses.blocks.StepImageBlock", [], self._constructor_kwargs)

    def bulk_to_python(self, values):
        values = list(values)
        legacy = [index for index, value in enumerate(values) if value is None or isinstance(value, int)]
        if not legacy or len(legacy) == len(values):
            return super().bulk_to_python(values)
        found = dict(zip(legacy, super().bulk_to_python([values[i] for i in legacy]), strict=True))
        current = iter(super().bulk_to_python([v for i, v in enumerate(values) if i not in found]))
        return [found[index] if index in found else next(current) for index in range(len(values))]

    class Meta:
        icon = "image"


LESSON_AUDIO_HELP = _(
    "Optional recording of the whole step (mp3, ogg, m4a), played first. To record each part in "
    "each language, use the lesson's « Voices » screen; without a recording, a synthetic voice "
    "reads the text."
)


def audio_block(help_text=LESSON_AUDIO_HELP):
    """A step's own recording; ``help_text`` says what plays without it where the block is used."""
    return DocumentChooserBlock(required=False, label=_("Audio"), help_text=help_text)


def _text_block(label, required=True):
    return blocks.RichTextBlock(features=TEXT_FEATURES, required=required, label=label, max_length=400)


PREVIEW_ZONES = [{"x": 0.05, "y": 0.08, "w": 0.3, "h": 0.12}]
PREVIEW_QUESTION = {
    "image": None, "audio": None, "competence": None,
    "feedback_correct": "Bravo ! C'est la bonne réponse.", "feedback_wrong": "Pas tout à fait. Regarde encore.",
}


class StepBlock(blocks.StructBlock):
    """What every step shares: a preview in the admin as the lesson player shows it."""

    def get_preview_context(self, value, parent_context=None):
        context = super().get_preview_context(value, parent_context=parent_context)
        # What the lesson's steps template gives each step (see lesson_steps.html).
        return {**context, "kind": self.name, "step_id": "preview", "eager": True}

    class Meta:
        preview_template = "courses/block_preview.html"


class ImageStepBlock(StepBlock):
    image = StepImageBlock(label=_("Image"))
    text = _text_block(_("One or two short sentences"))
    audio = audio_block()

    class Meta:
        icon = "image"
        label = _("Image step")
        label_format = "{text}"
        template = "blocks/image_step_block.html"
        description = _("A picture and one or two short sentences, read aloud on request.")
        preview_value = {
            "image": None, "audio": None,
            "text": "<p>Une adresse e-mail a toujours un <b>@</b>.</p><p>Exemple : amina.diallo@exemple.fr</p>",
        }


class HotspotStepBlock(StepBlock):
    """A screenshot on which the learner practises tapping the right place (not scored)."""

    image = StepImageBlock(label=_("Screenshot"))
    instruction = _text_block(_("Instruction"))
    zones = ZonesBlock(label=_("Target zones"))
    feedback_correct = blocks.CharBlock(label=_("Feedback when right"), max_length=200)
    feedback_wrong = blocks.CharBlock(label=_("Feedback when wrong"), max_length=200)
    audio = audio_block()

    class Meta:
        icon = "crosshairs"
        label = StepKind.HOTSPOT.label
        label_format = "{instruction}"  # not the first readable child, the zones' raw JSON
        template = "blocks/hotspot_step_block.html"
        description = _(
            "Practice: the learner taps the right place on a screenshot, as many times as needed. "
            "Not scored: it does not count in the lesson's score (use « Question: tap the right area » for that)."
        )
        help_text = _("Practice step, not scored: the learner tries again until they find the right place.")
        preview_value = {
            "image": None, "audio": None, "zones": PREVIEW_ZONES,
            "instruction": "<p>Pour écrire un message, touche le bouton <b>Écrire</b>.</p>",
            "feedback_correct": "Oui ! Le message s'ouvre.",
            "feedback_wrong": "Pas ici. Le bouton Écrire est en haut, à gauche.",
        }


class TipBlock(StepBlock):
    kind = blocks.ChoiceBlock(
        choices=[("tip", _("Tip")), ("warning", _("Warning"))], default="tip", label=_("Kind")
    )
    text = _text_block(_("Text"))
    image = StepImageBlock(required=False, label=_("Image"))
    audio = audio_block()

    class Meta:
        icon = "warning"
        label = _("Tip or warning")
        label_format = "{text}"
        template = "blocks/tip_block.html"
        description = _("A tip to remember or a warning (a scam, a password), with an optional picture.")
        preview_value = {
            "kind": "warning", "image": None, "audio": None,
            "text": "<p>Ne donne <b>jamais</b> ton mot de passe, même à quelqu'un de la CAF.</p>",
        }


class VideoBlock(StepBlock):
    video = DocumentChooserBlock(label=_("Video file (mp4, webm)"))
    poster = ImageChooserBlock(required=False, label=_("Poster image"))
    caption = _text_block(_("Caption"), required=False)
    audio = audio_block()

    class Meta:
        icon = "media"
        label = _("Video")
        label_format = "{caption}"
        template = "blocks/video_block.html"
        description = _("A short video file (mp4 or webm) with an optional caption.")
        preview_value = {
            "video": None, "poster": None, "audio": None,
            "caption": "<p>Regarde comment Amina joint son attestation à un e-mail.</p>",
        }


# The fields every question ends with, after its own (choices, right answer…): a trainer writes the
# question, then the answers, then what the learner reads after answering, then what it assesses.
QUESTION_TRAILING_FIELDS = ("feedback_correct", "feedback_wrong", "competence")


class QuestionBlock(StepBlock):
    """What every question has: a prompt, an optional picture and sound, feedback, a competence.
    A subclass's own fields (choices, the right answer) come between the question and the feedback."""

    prompt = _text_block(_("Question"))
    image = StepImageBlock(required=False, label=_("Image"))
    audio = audio_block()
    feedback_correct = blocks.CharBlock(label=_("Feedback when right"), max_length=200)
    feedback_wrong = blocks.CharBlock(label=_("Feedback when wrong"), max_length=200)
    competence = SnippetChooserBlock(
        "courses.Competence", required=False, label=_("Competence"),
        help_text=_(
            "What this question checks the learner can do (for example « Write an e-mail address »). "
            "The certification and the centre's dashboards count the answers per competence."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in QUESTION_TRAILING_FIELDS:
            self.child_blocks[name] = self.child_blocks.pop(name)

    class Meta:
        label_format = "{prompt}"


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(required=False, max_length=120, label=_("Text"))
    image = StepImageBlock(required=False, label=_("Image"))
    is_correct = blocks.BooleanBlock(required=False, label=_("Correct answer"))

    def clean(self, value):
        value = super().clean(value)
        if not value.get("text") and not value.get("image"):
            raise StructBlockValidationError(
                block_errors={"text": ErrorList([_("Give this choice a text or an image.")])}
            )
        return value

    class Meta:
        icon = "radio-full"
        label = _("Choice")
        label_format = "{text}"
        description = _("One choice of a question: a text, a picture or both.")
        preview_value = {"text": "amina.diallo@exemple.fr", "image": None, "is_correct": True}


def _count_correct(choices):
    return sum(1 for choice in choices if choice["is_correct"])


class SingleChoiceQuestionBlock(QuestionBlock):
    choices = CountedListBlock(ChoiceBlock(), min_num=2, max_num=6, label=_("Choices"))

    def clean(self, value):
        value = super().clean(value)
        if _count_correct(value["choices"]) != 1:
            raise ValidationError(_("Mark exactly one choice as correct."))
        return value

    class Meta:
        icon = "radio-full"
        label = _("Single choice question")
        template = "blocks/choice_question_block.html"
        description = _("A question with one right answer among two to six choices (texts or pictures). Scored.")
        preview_value = {
            **PREVIEW_QUESTION,
            "prompt": "<p>Quelle adresse e-mail est <b>juste</b> ?</p>",
            "choices": [
                {"text": "amina.diallo@exemple.fr", "image": None, "is_correct": True},
                {"text": "amina.diallo.exemple.fr", "image": None, "is_correct": False},
                {"text": "amina diallo@exemple.fr", "image": None, "is_correct": False},
            ],
        }


class MultipleChoiceQuestionBlock(QuestionBlock):
    choices = CountedListBlock(ChoiceBlock(), min_num=2, max_num=8, label=_("Choices"))

    def clean(self, value):
        value = super().clean(value)
        if _count_correct(value["choices"]) < 1:
            raise ValidationError(_("Mark at least one choice as correct."))
        return value

    class Meta:
        icon = "tasks"
        label = _("Multiple choice question")
        template = "blocks/choice_question_block.html"
        description = _("A question with one or more right answers among two to eight choices. Scored.")
        preview_value = {
            **PREVIEW_QUESTION,
            "prompt": "<p>Ce message est-il une arnaque ? Coche <b>tous</b> les signes.</p>",
            "choices": [
                {"text": "« Payez tout de suite »", "image": None, "is_correct": True},
                {"text": "Un lien bizarre", "image": None, "is_correct": True},
                {"text": "« Bonjour Madame »", "image": None, "is_correct": False},
            ],
        }


class TrueFalseQuestionBlock(QuestionBlock):
    is_true = blocks.BooleanBlock(required=False, label=_("The statement is true"))

    class Meta:
        icon = "help"
        label = _("True or false")
        template = "blocks/true_false_question_block.html"
        description = _("A statement the learner marks as true or false. Scored.")
        preview_value = {
            **PREVIEW_QUESTION, "is_true": False,
            "prompt": "<p>La CAF peut te demander ton mot de passe par e-mail.</p>",
        }


class OrderingQuestionBlock(QuestionBlock):
    items = CountedListBlock(
        blocks.CharBlock(max_length=120, label=_("Item")), min_num=2, max_num=8,
        label=_("Items, in the right order"),
        help_text=_("The learner sees them shuffled."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Put in order")
        template = "blocks/ordering_question_block.html"
        description = _("Items the learner puts back in the right order; they see them shuffled. Scored.")
        preview_value = {
            **PREVIEW_QUESTION,
            "prompt": "<p>Mets les parties de l'adresse <b>dans l'ordre</b>.</p>",
            "items": ["amina.diallo", "@", "exemple.fr"],
        }


class TypedAnswerQuestionBlock(QuestionBlock):
    accepted_answers = CountedListBlock(
        blocks.CharBlock(max_length=120, label=_("Accepted answer")), min_num=1, label=_("Accepted answers")
    )
    ignore_case = blocks.BooleanBlock(required=False, default=True, label=_("Ignore upper/lower case"))
    ignore_accents = blocks.BooleanBlock(required=False, default=True, label=_("Ignore accents"))
    input_mode = blocks.ChoiceBlock(
        choices=[("text", _("Text")), ("email", _("E-mail address")), ("numeric", _("Number"))],
        default="text", label=_("Keyboard"),
    )

    class Meta:
        icon = "edit"
        label = _("Typed answer")
        template = "blocks/typed_answer_question_block.html"
        description = _(
            "The learner types a short answer (an address, a number); case and accents may be ignored. Scored."
        )
        preview_value = {
            **PREVIEW_QUESTION,
            "prompt": "<p>Écris cette adresse : <b>yonas.tesfaye@exemple.fr</b></p>",
            "accepted_answers": ["yonas.tesfaye@exemple.fr"],
            "ignore_case": True, "ignore_accents": True, "input_mode": "email",
        }


class HotspotQuestionBlock(QuestionBlock):
    image = StepImageBlock(label=_("Screenshot"))
    zones = ZonesBlock(label=_("Target zones"))

    class Meta:
        icon = "crosshairs"
        label = StepKind.HOTSPOT_QUESTION.label
        template = "blocks/hotspot_question_block.html"
        # Also a question of the certification's banks: nothing here about a lesson's second try.
        description = _(
            "Question: the learner taps the right area on a screenshot. Scored: it counts in the score."
        )
        help_text = _("Scored question: the learner's tap counts in the score (of the lesson or the exam).")
        preview_value = {
            **PREVIEW_QUESTION, "zones": PREVIEW_ZONES,
            "prompt": "<p>Tu veux répondre à Sophie. Touche le bouton <b>Répondre</b>.</p>",
        }


class LessonStepsBlock(blocks.StreamBlock):
    """The steps of a lesson, one screen each."""

    image = ImageStepBlock()
    hotspot = HotspotStepBlock()
    tip = TipBlock()
    video = VideoBlock()
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()
    ordering = OrderingQuestionBlock()
    typed_answer = TypedAnswerQuestionBlock()
    hotspot_question = HotspotQuestionBlock()
    # Named by string: courses imports nothing of the h5p app (which sits above it), and the block's
    # name must be ``h5p.constants.H5P_STEP_TYPE``. Its score counts in the lesson when required.
    h5p = import_string("h5p.blocks.H5PStepBlock")()

    class Meta:
        block_counts = {}
        description = _("The steps of a lesson, one screen each.")

