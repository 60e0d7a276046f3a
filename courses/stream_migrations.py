"""Data migrations of the steps' stored values, written with Wagtail's StreamField migration helpers.

``MigrateStepImages`` turns each picture a step or a question shows, stored by the former
``ImageChooserBlock`` as an image id, into the value of ``courses.blocks.StepImageBlock``:
``{"image": id, "alt_text": <the alt the learner got until now>, "decorative": false}``, in the
pages (or snippets) and in every revision. The alt text kept is what the template showed before
(the image's description, else its title), so that nothing a learner hears changes until a trainer
writes it in the lesson's language. Backwards, each value is the image id again. Both directions
leave a value already in the target shape as it is."""

from django.utils.deconstruct import deconstructible
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.blocks.migrations.operations import BaseBlockOperation
from wagtail.blocks.migrations.utils import formatted_list_child_generator


class _ImageAlts:
    """The alt text each image had, read from the migration's historical image model, once per id."""

    def __init__(self, image_model):
        self.image_model = image_model
        self.found = {}

    def __call__(self, image_id):
        if image_id not in self.found:
            image = self.image_model.objects.filter(pk=image_id).only("title", "description").first()
            self.found[image_id] = (image.description or image.title) if image else ""
        return self.found[image_id]


def _as_id(value):
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return value if isinstance(value, int) else None


@deconstructible
class ImageIdToStepImageOperation(BaseBlockOperation):
    """An image id (or nothing) → a StepImageBlock value; backwards, the value → its image id."""

    def __init__(self, backwards=False):
        super().__init__()
        self.backwards = backwards
        self.alts = None  # set by MigrateStepImages before it runs

    def apply(self, block_value):
        if self.backwards:
            return block_value.get("image") if isinstance(block_value, dict) else block_value
        if isinstance(block_value, dict):
            return block_value
        image_id = _as_id(block_value)
        alt = self.alts(image_id) if image_id is not None else ""
        return {"image": image_id, "alt_text": alt, "decorative": False}

    @property
    def operation_name_fragment(self):
        return "step_image_alt_text"


@deconstructible
class ChoiceImagesToStepImageOperation(ImageIdToStepImageOperation):
    """The same, for the ``image`` of every item of a list of choices (Wagtail's own list path
    stops at an empty list, which an unsaved draft may hold)."""

    def apply(self, block_value):
        if not block_value:
            return block_value
        items = []
        for child in formatted_list_child_generator(block_value):
            value = dict(child["value"])
            value["image"] = super().apply(value.get("image"))
            items.append({**child, "value": value})
        return items


class MigrateStepImages(MigrateStreamData):
    """``MigrateStreamData`` whose operations read the historical image model, and that can go back."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reverse_code = self.migrate_stream_data_backward

    def _with_alts(self, apps, backwards):
        alts = _ImageAlts(apps.get_model("wagtailimages", "Image"))
        for operation, _path in self.operations_and_block_paths:
            operation.alts, operation.backwards = alts, backwards

    def migrate_stream_data_forward(self, apps, schema_editor):
        self._with_alts(apps, backwards=False)
        super().migrate_stream_data_forward(apps, schema_editor)

    def migrate_stream_data_backward(self, apps, schema_editor):
        self._with_alts(apps, backwards=True)
        try:
            super().migrate_stream_data_forward(apps, schema_editor)
        finally:
            self._with_alts(apps, backwards=False)


# The paths of every picture a learner sees: (block path, operation class).
QUESTION_KINDS = ("single_choice", "multiple_choice", "true_false", "ordering", "typed_answer", "hotspot_question")
LESSON_KINDS = ("image", "hotspot", "tip") + QUESTION_KINDS


def step_image_operations(kinds):
    operations = [(ImageIdToStepImageOperation(), f"{kind}.image") for kind in kinds]
    operations += [
        (ChoiceImagesToStepImageOperation(), f"{kind}.choices")
        for kind in kinds if kind in ("single_choice", "multiple_choice")
    ]
    return operations
