"""``{% prepared_picture image "step" [alt=…] eager=… %}``: Wagtail's ``{% picture %}`` (its template
node and its ``Picture`` markup: AVIF then WebP sources, srcset, sizes), with the filter specs of
each role taken from ``courses.rendering``, where the task that makes renditions ahead reads them.

Unlike ``{% picture %}``, it never makes a rendition during a request: until the worker has made
them, the original image is shown (and ``courses.rendering`` asks the worker for them). Without
``alt=``, the alt is the one a step's ``StepImageBlock`` holds for this use of the image."""

from django import template
from django.forms.utils import flatatt
from django.utils.html import format_html
from wagtail.images.models import Filter, Picture
from wagtail.images.templatetags.wagtailimages_tags import PictureNode

from ..rendering import PICTURE_ROLES, POSTER_SPEC, picture_filter_specs, picture_sizes, step_image_alt

register = template.Library()


class _Literal:
    def __init__(self, value):
        self.value = value

    def resolve(self, context):
        return self.value


class PreparedPictureNode(PictureNode):
    """``{% picture %}`` reading only renditions that exist."""

    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        attrs = {key: value.resolve(context) for key, value in self.attrs.items()}
        attrs["loading"] = None if attrs.pop("eager", False) else "lazy"
        if "alt" not in attrs:  # a step's picture: the alt text of this use (see courses.blocks.StepImageBlock)
            attrs["alt"] = step_image_alt(image)
        filters = self.get_filters()
        found = image.find_existing_renditions(*filters)
        if len(found) < len(filters):
            return self.original(image, attrs)
        return Picture({f.spec: found[f] for f in filters}, attrs).__html__()

    @staticmethod
    def original(image, attrs):
        attrs = {"src": image.file.url, "width": image.width, "height": image.height, **attrs, "sizes": None}
        return format_html("<picture><img{}></picture>", flatatt(attrs))


@register.tag
def prepared_picture(parser, token):
    """{% prepared_picture <image> "<role>" [name=value ...] %}, role: step, choice or cover."""
    tag_name, *bits = token.split_contents()
    if len(bits) < 2 or bits[1][:1] not in "\"'" or bits[1][1:-1] not in PICTURE_ROLES:
        raise template.TemplateSyntaxError(f'{tag_name} needs an image and a role: "step", "choice" or "cover"')
    role = bits[1][1:-1]
    attrs = {"sizes": _Literal(picture_sizes(role)), "decoding": _Literal("async")}
    for bit in bits[2:]:
        name, _equals, value = bit.partition("=")
        if not value:
            raise template.TemplateSyntaxError(f"{tag_name}: attributes are name=value, not {bit!r}")
        attrs[name] = parser.compile_filter(value)
    return PreparedPictureNode(parser.compile_filter(bits[0]), picture_filter_specs(role), attrs=attrs)


@register.simple_tag
def poster_url(image):
    """The URL of a video's poster, if its rendition was made ahead ("" otherwise: no poster)."""
    found = list(image.find_existing_renditions(Filter(spec=POSTER_SPEC)).values()) if image else []
    return found[0].url if found else ""
