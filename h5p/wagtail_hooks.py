"""H5P packages in the Wagtail admin (Snippets › H5P activities): upload, list, usage."""

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, UserColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from .forms import H5PPackageForm
from .models import H5PPackage
from .selectors import lessons_using_packages


class LessonsColumn(Column):
    """The lessons (in every language) whose steps use the package, from Wagtail's reference index."""

    cell_template_name = "h5p/admin/lessons_cell.html"

    def get_value(self, instance):
        return getattr(instance, "lessons", [])


class SizeColumn(Column):
    def get_value(self, instance):
        return filesizeformat(instance.size_bytes)


class H5PPackageIndexView(IndexView):
    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        object_list = list(object_list)
        lessons = lessons_using_packages(packages=object_list)
        for package in object_list:
            package.lessons = lessons.get(package.pk, [])
        page.object_list = object_list
        return paginator, page, object_list, is_paginated


class H5PPackageViewSet(SnippetViewSet):
    model = H5PPackage
    icon = "code"
    menu_label = _("H5P activities")
    add_to_admin_menu = False
    index_view_class = H5PPackageIndexView
    copy_view_enabled = False  # a copy would share the original's files
    list_display = [
        "title",
        Column("main_library_label", label=_("Content type")),
        SizeColumn("size", label=_("Size unpacked")),
        UserColumn("uploaded_by", label=_("Uploaded by")),
        DateColumn("uploaded_at", label=_("Uploaded at")),
        LessonsColumn("lessons", label=_("Used in")),
    ]
    list_filter = ["main_library"]
    search_fields = ["title"]
    ordering = ["-uploaded_at"]
    edit_handler = ObjectList([FieldPanel("package_file"), FieldPanel("title")], base_form_class=H5PPackageForm)

    def get_queryset(self, request):
        return H5PPackage.objects.select_related("uploaded_by")


register_snippet(H5PPackageViewSet)
