from django.urls import path

from . import history_views

app_name = "history"

urlpatterns = [
    path("las-in/", history_views.history_import, name="import"),
]
