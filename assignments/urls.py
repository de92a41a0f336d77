from django.urls import path

from . import views

app_name = "assignments"

urlpatterns = [
    path("", views.assignment_list, name="list"),
    path("<int:pk>/", views.assignment_detail, name="detail"),
    path("<int:pk>/status/", views.status_change, name="status"),
    path("<int:pk>/rapport/", views.report_edit, name="report"),
    path("namnder/", views.board_index, name="boards"),
    path("namnder/<slug:slug>/", views.board_overview, name="board"),
]
