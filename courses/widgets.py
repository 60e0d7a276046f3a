"""Admin widget on which a trainer draws target zones over the chosen image."""

import json

from django import forms


class ZoneEditorWidget(forms.Widget):
    """Stores the zones as JSON in a hidden input; `courses/static/courses/admin/zone_editor.js`
    (a Stimulus controller) lets the trainer draw them with the mouse or a finger."""

    template_name = "courses/widgets/zone_editor.html"

    def format_value(self, value):
        if value in (None, ""):
            return "[]"
        return value if isinstance(value, str) else json.dumps(value)

    def value_from_datadict(self, data, files, name):
        return data.get(name)
