"""Small admin-only views used by the lesson editor."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST
from wagtail.images import get_image_model
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from . import falc

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


def _isolated(text):
    """French words inside a message that may be in Arabic: kept in their own direction."""
    return f"\u2068{text}\u2069"


def _falc_json(report):
    """The hints, each with its message in the editor's language."""
    flags = [
        {"kind": "long_sentence", "text": sentence.text, "message": ngettext(
            "Long sentence (%(count)s word): cut it in two, 15 words at most.",
            "Long sentence (%(count)s words): cut it in two, 15 words at most.", sentence.words,
        ) % {"count": sentence.words}}
        for sentence in report.long_sentences
    ]
    flags += [{"kind": "rare_word", "text": word, "message": _("A rare word: « %(word)s ». Is there a simpler one?")
               % {"word": _isolated(word)}} for word in report.rare_words]
    flags += [{"kind": "passive", "text": phrase, "message": _("Passive voice: « %(words)s ». Say who does it.")
               % {"words": _isolated(phrase)}} for phrase in report.passives]
    return {"flags": flags}


@require_POST
def falc_check(request):
    """Easy-French hints for the text a trainer is writing in a step (courses/static/courses/admin/falc.js).

    Reads and stores nothing: the page being edited is never touched. Only for people who may edit pages."""
    if not PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"]):
        return JsonResponse({"error": _("You may not edit pages.")}, status=403)
    text = request.POST.get("text")
    if text is None:
        return JsonResponse({"error": _("No text given.")}, status=400)
    if len(text) > falc.MAX_TEXT_CHARS:
        return JsonResponse({"error": _("This text is too long to check (%(max)s characters at most).")
                             % {"max": falc.MAX_TEXT_CHARS}}, status=400)
    return JsonResponse(_falc_json(falc.analyse(text)))
