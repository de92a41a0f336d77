from django.urls import path

from . import register_views, version_views, views

app_name = "reports"

_REPORT = "<slug:board>/<int:year>/<slug:period>"

urlpatterns = [
    path("", views.index, name="index"),
    path("verkstallighetsregister/", register_views.register_page, name="register"),
    path("verkstallighetsregister.pdf", register_views.register_pdf, name="register_pdf"),
    path("verkstallighetsregister.xlsx", register_views.register_excel, name="register_xlsx"),
    path(f"{_REPORT}/", views.preview, name="preview"),
    path(f"{_REPORT}.pdf", views.pdf, name="pdf"),
    path(f"{_REPORT}/versioner/", views.publish, name="publish"),
    path(f"{_REPORT}/versioner/<int:version>.pdf", views.version_pdf, name="version_pdf"),
    path(f"{_REPORT}/versioner/<int:version>/faststall/", views.adopt, name="adopt"),
    path(
        f"{_REPORT}/versioner/<int:version>/jamfor/<int:other>/",
        version_views.version_compare,
        name="version_compare",
    ),
]
