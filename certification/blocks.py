"""The blocks of a question bank: the lesson question blocks trainers already know, graded by
``courses.grading`` exactly as in lessons."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from courses.blocks import (
    HotspotQuestionBlock,
    MultipleChoiceQuestionBlock,
    OrderingQuestionBlock,
    SingleChoiceQuestionBlock,
    TrueFalseQuestionBlock,
    TypedAnswerQuestionBlock,
    audio_block,
)

# An exam question has no « Voices » screen: its own recording, else the tablet's voice.
EXAM_AUDIO_HELP = _("Optional recording of the text (mp3, ogg, m4a). Without it, the tablet reads the text aloud.")


def _exam(question_block):
    """A lesson's question block, its recording described as the exam plays it."""
    return question_block([("audio", audio_block(EXAM_AUDIO_HELP))])


class ExamQuestionsBlock(blocks.StreamBlock):
    """The questions of a bank. Block names match ``courses.constants.StepKind`` so the grader applies."""

    single_choice = _exam(SingleChoiceQuestionBlock)
    multiple_choice = _exam(MultipleChoiceQuestionBlock)
    true_false = _exam(TrueFalseQuestionBlock)
    ordering = _exam(OrderingQuestionBlock)
    typed_answer = _exam(TypedAnswerQuestionBlock)
    hotspot_question = _exam(HotspotQuestionBlock)
