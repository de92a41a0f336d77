from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from goteborg_uppdrag.auth import LoginForm

from . import comparison_pdf, export_views, views
from .search_views import search_page

urlpatterns = [
    path("", views.start, name="start"),
    path("logga-in/", auth_views.LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("uppdrag/export.csv", export_views.assignments_export, {"fmt": "csv"}, name="assignments_export_csv"),
    path("uppdrag/export.xlsx", export_views.assignments_export, {"fmt": "xlsx"}, name="assignments_export_xlsx"),
    path("uppdrag/", include("assignments.urls")),
    path("arenden/<str:key>/jamfor.pdf", comparison_pdf.comparison_pdf, name="comparison_pdf"),
    path("arenden/<str:key>/jamfor.csv", export_views.comparison_csv, name="comparison_csv"),
    path("arenden/", include("motions.urls")),
    path(
        "budget/<slug:board>/<int:year>/<slug:period>/resultatredovisning.xlsx",
        export_views.statement_xlsx,
        name="statement_xlsx",
    ),
    path("budget/", include("budget.urls")),
    path("rapporter/", include("goteborg_uppdrag.reports.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("goteborg_uppdrag.api.urls")),
    path("sok/", search_page, name="search"),
    path("floden/", include("goteborg_uppdrag.feed_urls")),
    path("konto/aviseringar/", include("goteborg_uppdrag.notifications.urls")),
]
