"""The admin form of an H5P package: a trainer uploads a .h5p file; it is checked as the form is
validated (the refusal is shown next to the field, in the trainer's language) and stored by the
service when the form is saved. A package never changes afterwards; only its title can be edited."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from . import services
from .validation import PackageRefused, package_check


class H5PPackageForm(WagtailAdminModelForm):
    package_file = forms.FileField(
        label=_("H5P file (.h5p)"),
        help_text=_("The .h5p file exported from your H5P editor (such as Lumi), with its libraries."),
        widget=forms.ClearableFileInput(attrs={"accept": ".h5p"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            upload = self.fields["package_file"]
            upload.required, upload.disabled = False, True
            upload.help_text = _("A package cannot be replaced: to change an activity, upload a new one "
                                 "and choose it in the lesson.")
        else:
            self.fields["title"].required = False
            self.fields["title"].help_text = _("Leave empty to use the title given in the package.")

    def clean_package_file(self):
        upload = self.cleaned_data.get("package_file")
        if self.instance.pk or upload is None:
            return None
        try:
            package_check(upload)
        except PackageRefused as refused:
            raise ValidationError(refused.message, code="refused") from None
        return upload

    def save(self, commit=True):
        if self.instance.pk:
            return super().save(commit=commit)
        self.instance = services.h5p_package_create(
            uploaded_file=self.cleaned_data["package_file"], by=self.for_user, title=self.cleaned_data.get("title"),
        )
        return self.instance
