from django.urls import path

from . import attachment_views, point_views, protocol_views
from . import secretariat_views as views

app_name = "secretariat"

urlpatterns = [
    path("", views.index, name="index"),
    path("arenden/ny/", views.case_new, name="case_new"),
    path("arenden/<str:key>/", views.case_workspace, name="case"),
    path("arenden/<str:key>/bilagor/ny/", attachment_views.upload, name="attachment_new"),
    path("arenden/<str:key>/bilagor/<int:attachment_id>/ta-bort/", attachment_views.remove, name="attachment_remove"),
    path("arenden/<str:key>/tjansteutlatande/ny/", views.proposal_new, name="proposal_new"),
    path("arenden/<str:key>/punkter/<int:point_id>/", views.point_edit, name="point_edit"),
    path("arenden/<str:key>/las-in-protokoll/", protocol_views.protocol_upload, name="protocol_import"),
    path("arenden/<str:key>/tjansteutlatande/<int:proposal_id>/punkter/ny/", point_views.point_add, name="point_add"),
    path("arenden/<str:key>/punkter/<int:point_id>/ta-bort/", point_views.point_remove, name="point_remove"),
    path("sammantraden/ny/", views.meeting_new, name="meeting_new"),
    path("sammantraden/<int:meeting_id>/", views.meeting_detail, name="meeting"),
    path("sammantraden/<int:meeting_id>/beslut/ny/", views.decision_new, name="decision_new"),
    path("beslut/<int:decision_id>/", views.decision_detail, name="decision"),
    path("beslut/<int:decision_id>/anteckning/", views.note_new, name="note_new"),
    path("beslut/<int:decision_id>/uppdrag/", views.assignment_review, name="review"),
]
