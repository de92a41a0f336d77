from django.urls import path

from . import views

app_name = "budget"

urlpatterns = [
    path("", views.index, name="index"),
    path("arenden/<str:key>/", views.case_costs_page, name="case"),
    path("arenden/<str:key>/punkter/<int:point_id>/", views.point_costs, name="point_costs"),
    path("kostnader/<int:pk>/", views.estimate_edit, name="estimate_edit"),
    path("namnder/<slug:board>/", views.board_page, name="board"),
    path("namnder/<slug:board>/<int:year>/<slug:period>/", views.statement_page, name="statement"),
    path("namnder/<slug:board>/<int:year>/<slug:period>/ny-redovisning/", views.statement_new, name="statement_new"),
    path(
        "namnder/<slug:board>/<int:year>/<slug:period>/kommuncentrala-poster/",
        views.central_items_edit,
        name="central_items_edit",
    ),
    path("redovisningar/<int:pk>/andra/", views.statement_edit, name="statement_edit"),
]
