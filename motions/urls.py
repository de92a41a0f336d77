from django.urls import path

from . import attachment_views, comparison_views, views

app_name = "motions"

urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("<str:key>/", views.case_detail, name="case"),
    path("<str:key>/jamfor/", comparison_views.compare, name="compare"),
    path("<str:key>/punkter/<int:point_id>/", views.point_lineage_page, name="point"),
    path("<str:key>/bilagor/<int:attachment_id>/<str:filename>", attachment_views.download, name="attachment"),
    path("<str:key>/las-in-yrkande/", views.motion_import, name="motion_import"),
    path("<str:key>/beslut/<int:decision_id>/las-in-omrostning/", views.rollcall_import, name="rollcall_import"),
]
