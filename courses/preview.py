"""The lesson an editor's preview shows, read back to grade the answers she gives in it.

Wagtail keeps what the editor has typed (saved or not) for its preview panel and new-tab preview
(a ``FormState`` per editor and page, or per editor and parent for a page not created yet). The
preview's answers are graded against that same content, so a question added a minute ago and not
saved yet is graded as the preview shows it; without such state, against the latest draft."""

from django.http import Http404, QueryDict
from wagtail.admin.views.pages.preview import PreviewOnCreateView, PreviewOnEditView

from .models import LessonPage


def _preview_view(request, *, lesson_id, parent_id):
    """Wagtail's own preview view for this lesson; its set-up checks the editor's rights
    (``PermissionDenied``) and that the page exists (``Http404``)."""
    if lesson_id is not None:
        view, kwargs = PreviewOnEditView(), {"page_id": lesson_id}
    else:
        view = PreviewOnCreateView()
        kwargs = {"content_type_app_name": LessonPage._meta.app_label,
                  "content_type_model_name": LessonPage._meta.model_name, "parent_page_id": parent_id}
    view.setup(request, **kwargs)
    return view


def lesson_previewed(request, *, lesson_id=None, parent_id=None):
    """The lesson as ``request.user``'s preview shows it: a lesson being edited (``lesson_id``) or
    one being created under the course ``parent_id``. Raises PermissionDenied for someone who may
    not edit it, Http404 for a page that is not a lesson."""
    view = _preview_view(request, lesson_id=lesson_id, parent_id=parent_id)
    if not isinstance(view.object, LessonPage):
        raise Http404
    state = view.get_form_state_queryset().first()
    if state is not None:
        form = view.get_form(QueryDict(state.data))
        if view.validate_form(form):
            form.save(commit=False)
    return view.object

