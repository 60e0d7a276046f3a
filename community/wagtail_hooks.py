"""The community app's part in pages of other apps, through hooks they call (courses imports no
community module): a section of « Mon parcours »."""

from django.template.loader import render_to_string
from wagtail import hooks

from . import selectors
from .constants import RegistrationStatus
from .demo import demo_sessions_ensure
from .models import Registration


@hooks.register("passerelle_my_path_sections")
def my_path_community_section(request):
    """The learner's upcoming sessions and the skills a référent signed off for them."""
    learner = request.user
    upcoming = selectors.upcoming_for_learner(learner=learner)
    registrations = Registration.objects.filter(
        learner=learner, session__in=upcoming, status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITING]
    ).select_related("session").order_by("session__starts_at")
    return render_to_string("community/_my_path_section.html", {
        "registrations": list(registrations), "sign_offs": list(selectors.sign_offs_of_learner(learner=learner)),
    }, request=request)


@hooks.register("passerelle_demo_load")
def demo_sessions(result):
    return demo_sessions_ensure(result)
