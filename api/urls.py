from django.urls import path

from . import views
from .resources import RESOURCES

app_name = "api"

urlpatterns = [
    path("", views.root, name="root"),
    path("openapi.json", views.openapi, name="openapi"),
]
for _resource in RESOURCES:
    urlpatterns += [
        path(f"{_resource.name}/", views.resource_list, {"resource": _resource.name}, name=f"{_resource.name}-list"),
        path(
            f"{_resource.name}/<int:pk>/",
            views.resource_detail,
            {"resource": _resource.name},
            name=f"{_resource.name}-detail",
        ),
    ]
