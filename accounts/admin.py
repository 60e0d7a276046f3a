from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import LearnerProfile, User


@admin.register(User)
class PasserelleUserAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + ((None, {"fields": ("display_name", "preferred_language")}),)


admin.site.register(LearnerProfile)
