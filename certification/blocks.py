"""The blocks of a question bank: the lesson question blocks trainers already know, graded by
``courses.grading`` exactly as in lessons."""

from wagtail import blocks

from courses.blocks import (
    HotspotQuestionBlock,
    MultipleChoiceQuestionBlock,
    OrderingQuestionBlock,
    SingleChoiceQuestionBlock,
    TrueFalseQuestionBlock,
    TypedAnswerQuestionBlock,
)


class ExamQuestionsBlock(blocks.StreamBlock):
    """The questions of a bank. Block names match ``courses.constants.StepKind`` so the grader applies."""

    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()
    ordering = OrderingQuestionBlock()
    typed_answer = TypedAnswerQuestionBlock()
    hotspot_question = HotspotQuestionBlock()
