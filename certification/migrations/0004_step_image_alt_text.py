"""Step images get their own alt text (courses.blocks.StepImageBlock): the stored image ids become
{"image": id, "alt_text": <what learners heard until now>, "decorative": false} in the questions and in every
revision (courses.stream_migrations); backwards, the ids again."""

import courses.blocks
import wagtail.blocks
import wagtail.fields
from django.db import migrations

from courses.stream_migrations import QUESTION_KINDS, MigrateStepImages, step_image_operations


class Migration(migrations.Migration):

    dependencies = [
        ('certification', '0003_question_fields_in_trainer_order'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.AlterField(
            model_name='questionbank',
            name='questions',
            field=wagtail.fields.StreamField([('single_choice', 7), ('multiple_choice', 9), ('true_false', 11), ('ordering', 13), ('typed_answer', 18), ('hotspot_question', 21)], block_lookup={0: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold'], 'label': 'Question', 'max_length': 400, 'required': True}), 1: ('courses.blocks.StepImageBlock', [], {'label': 'Image'}), 2: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'help_text': 'Optional recording of the text (mp3, ogg, m4a). Without it, the tablet reads the text aloud.', 'label': 'Audio', 'required': False}), 3: ('courses.blocks.CountedListBlock', (wagtail.blocks.StructBlock([('text', wagtail.blocks.CharBlock(label='Text', max_length=120, required=False)), ('image', courses.blocks.StepImageBlock(label='Image')), ('is_correct', wagtail.blocks.BooleanBlock(label='Correct answer', required=False))]),), {'label': 'Choices', 'max_num': 6, 'min_num': 2}), 4: ('wagtail.blocks.CharBlock', (), {'label': 'Feedback when right', 'max_length': 200}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Feedback when wrong', 'max_length': 200}), 6: ('wagtail.snippets.blocks.SnippetChooserBlock', ('courses.Competence',), {'help_text': "What this question checks the learner can do (for example « Write an e-mail address »). The certification and the centre's dashboards count the answers per competence.", 'label': 'Competence', 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('prompt', 0), ('image', 1), ('audio', 2), ('choices', 3), ('feedback_correct', 4), ('feedback_wrong', 5), ('competence', 6)]], {}), 8: ('courses.blocks.CountedListBlock', (wagtail.blocks.StructBlock([('text', wagtail.blocks.CharBlock(label='Text', max_length=120, required=False)), ('image', courses.blocks.StepImageBlock(label='Image')), ('is_correct', wagtail.blocks.BooleanBlock(label='Correct answer', required=False))]),), {'label': 'Choices', 'max_num': 8, 'min_num': 2}), 9: ('wagtail.blocks.StructBlock', [[('prompt', 0), ('image', 1), ('audio', 2), ('choices', 8), ('feedback_correct', 4), ('feedback_wrong', 5), ('competence', 6)]], {}), 10: ('wagtail.blocks.BooleanBlock', (), {'label': 'The statement is true', 'required': False}), 11: ('wagtail.blocks.StructBlock', [[('prompt', 0), ('image', 1), ('audio', 2), ('is_true', 10), ('feedback_correct', 4), ('feedback_wrong', 5), ('competence', 6)]], {}), 12: ('courses.blocks.CountedListBlock', (wagtail.blocks.CharBlock(label='Item', max_length=120),), {'help_text': 'The learner sees them shuffled.', 'label': 'Items, in the right order', 'max_num': 8, 'min_num': 2}), 13: ('wagtail.blocks.StructBlock', [[('prompt', 0), ('image', 1), ('audio', 2), ('items', 12), ('feedback_correct', 4), ('feedback_wrong', 5), ('competence', 6)]], {}), 14: ('courses.blocks.CountedListBlock', (wagtail.blocks.CharBlock(label='Accepted answer', max_length=120),), {'label': 'Accepted answers', 'min_num': 1}), 15: ('wagtail.blocks.BooleanBlock', (), {'default': True, 'label': 'Ignore upper/lower case', 'required': False}), 16: ('wagtail.blocks.BooleanBlock', (), {'default': True, 'label': 'Ignore accents', 'required': False}), 17: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('text', 'Text'), ('email', 'E-mail address'), ('numeric', 'Number')], 'label': 'Keyboard'}), 18: ('wagtail.blocks.StructBlock', [[('prompt', 0), ('image', 1), ('audio', 2), ('accepted_answers', 14), ('ignore_case', 15), ('ignore_accents', 16), ('input_mode', 17), ('feedback_correct', 4), ('feedback_wrong', 5), ('competence', 6)]], {}), 19: ('courses.blocks.StepImageBlock', [], {'label': 'Screenshot'}), 20: ('courses.blocks.ZonesBlock', (), {'label': 'Target zones'}), 21: ('wagtail.blocks.StructBlock', [[('prompt', 0), ('image', 19), ('audio', 2), ('zones', 20), ('feedback_correct', 4), ('feedback_wrong', 5), ('competence', 6)]], {})}, verbose_name='questions'),
        ),
        MigrateStepImages(
            app_name="certification", model_name="QuestionBank", field_name="questions",
            operations_and_block_paths=step_image_operations(QUESTION_KINDS),
        ),
    ]
