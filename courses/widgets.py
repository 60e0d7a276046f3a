"""Admin widget on which a trainer draws target zones over the chosen image."""

from django import forms

from .zones import zones_json


class ZoneEditorWidget(forms.Widget):
    """Stores the zones as JSON in a hidden input; `courses/static/courses/admin/zone_editor.js`
    (the ``zone-editor`` Stimulus controller) shows the image chosen in the sibling ``image_field``
    of the same block and lets the trainer draw, move and remove zones with the mouse, a finger or
    the keyboard. The strings it shows come translated from the template."""

    template_name = "courses/widgets/zone_editor.html"

    class Media:
        # Included by Wagtail wherever the block is edited (the editor collects its blocks' widget media).
        # Not the old ``insert_editor_css`` hook: Wagtail 8 no longer outputs it.
        js = ["courses/admin/zone_editor.js"]
        css = {"all": ["courses/admin/zone_editor.css"]}

    def __init__(self, attrs=None, image_field="image"):
        super().__init__(attrs)
        self.image_field = image_field

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["image_field"] = self.image_field
        return context

    def format_value(self, value):
        if value in (None, ""):
            return "[]"
        return value if isinstance(value, str) else zones_json(value)

    def value_from_datadict(self, data, files, name):
        return data.get(name)
