"""The lesson an editor's preview shows, read back to grade the answers she gives in it.

Wagtail keeps what the editor has typed (saved or not) for its preview panel and new-tab preview
(a ``FormState`` per editor and page, or per editor and parent for a page not created yet). The
answers of that preview are graded against that same content, so a question added a minute ago
and not saved yet is graded as the preview shows it. The other previews (« Voir le brouillon », a
moderator's) show the latest draft, and their answers are graded against it."""

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
    if not isinstance(view.object, LessonPage):
        raise Http404
    if lesson_id is None and not LessonPage.can_create_at(view.object.get_parent().specific):
        raise Http404  # a lesson is made in a course only
    return view


def _as_typed(view):
    """The lesson as the editor's form holds it, or None when there is no such form or it no longer
    validates (a sibling took its slug, a picture was deleted)."""
    state = view.get_form_state_queryset().first()
    if state is None:
        return None
    form = view.get_form(QueryDict(state.data))
    if not view.validate_form(form):
        return None
    form.save(commit=False)
    return view.object


def lesson_previewed(request, *, lesson_id=None, parent_id=None, editing=True):
    """The lesson as ``request.user``'s preview shows it: a lesson being edited (``lesson_id``) or
    one being created in the course ``parent_id``; ``editing`` False: the latest draft, whatever
    the editor is typing. Raises PermissionDenied for someone who may not edit it, Http404 for a
    page that is not a lesson, or a parent that is not a course."""
    view = _preview_view(request, lesson_id=lesson_id, parent_id=parent_id)
    if not editing:
        return view.object
    typed = _as_typed(view)
    if typed is not None:
        return typed
    # A form that failed validation has already written its valid fields on the object: read again.
    return _preview_view(request, lesson_id=lesson_id, parent_id=parent_id).object
