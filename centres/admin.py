from django.contrib import admin

from .models import Centre, Cohort, Membership

admin.site.register(Centre)
admin.site.register(Cohort)
admin.site.register(Membership)
