from django.urls import path

from . import period_views

app_name = "periods"

urlpatterns = [
    path("", period_views.period_list, name="list"),
    path("<int:period_id>/", period_views.period_toggle, name="toggle"),
]
