"""Small admin-only views used by the lesson editor."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.images import get_image_model
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.permissions import policy_registry

ZONE_IMAGE_FILTER = "max-800x800"


@require_GET
def zone_image(request):
    """The URL and size of a large-enough rendition of an image, for drawing target zones over it.

    Mounted under the Wagtail admin (so only people with admin access reach it), and only for an image
    the user may choose in their collections."""
    image_id = request.GET.get("id", "")
    if not image_id.isdigit():
        return JsonResponse({"error": _("No image given.")}, status=400)
    image = get_object_or_404(get_image_model(), pk=int(image_id))
    permission_policy = policy_registry.get_by_type(get_image_model())
    if not permission_policy.user_has_permission_for_instance(request.user, "choose", image):
        return JsonResponse({"error": _("You may not use this image.")}, status=403)
    rendition = get_rendition_or_not_found(image, ZONE_IMAGE_FILTER)
    return JsonResponse(
        {"id": image.pk, "title": image.title, "url": rendition.url,
         "width": rendition.width, "height": rendition.height}
    )
