"""The languages a learner reads lessons in: chosen on the tablet at first sign-in (« Mon parcours »
shows the chooser until then) and changed from « Mon parcours ». Pictures of speech and each
language's own name: nothing to read in French."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from .. import selectors, services


def chosen_codes(post) -> list:
    """The languages ticked, in the order the learner tapped them (``order``, kept by the page's
    script) where it agrees with what is ticked, else in the order of the list."""
    ticked = post.getlist("languages")
    order = [code for code in post.get("order", "").split(",") if code in ticked]
    return order + [code for code in ticked if code not in order]


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return None


@login_required
@never_cache
def content_languages_choose(request):
    selected = selectors.learner_content_languages(user=request.user)
    error, status = "", 200
    if request.method == "POST":
        codes = chosen_codes(request.POST)
        try:
            services.learner_content_languages_set(user=request.user, codes=codes)
        except ValidationError as invalid:
            error, status, selected = invalid.messages[0], 400, [c for c in codes if isinstance(c, str)]
        else:
            selectors.learner_content_languages_forget(user=request.user)
            return redirect(_next_url(request) or "courses:my_path")
    return render(request, "accounts/content_languages.html", {
        "choices": selectors.content_language_choices(selected=selected), "error": error,
        "next": _next_url(request) or "",
    }, status=status)
