"""The admin's image upload form, hardened: a file that claims to be an image but cannot be read
(e.g. a truncated PNG) gets the usual "not a valid image" message instead of a server error."""

from django.core.exceptions import ValidationError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class ReadableImageField(WagtailImageField):
    def check_image_pixel_size(self, f):
        try:
            f.image.get_size()
        except ValidationError:
            raise
        except Exception as exc:  # noqa: BLE001 - any decoder failure means "not an image"
            if "DecompressionBomb" not in type(exc).__name__:
                raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from exc
        super().check_image_pixel_size(f)


class PasserelleImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            self.fields["file"] = ReadableImageField(
                label=field.label, required=field.required, help_text=field.help_text, widget=field.widget
            )
