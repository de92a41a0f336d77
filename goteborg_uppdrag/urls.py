from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from assignments.export_views import assignments_export
from budget.export_views import statement_xlsx
from budget.proposal_import_views import proposal_import_page
from motions.comparison_views import comparison_csv, comparison_pdf
from search.views import search_page

from . import views
from .auth import LoginForm

urlpatterns = [
    path("", views.start, name="start"),
    path("logga-in/", auth_views.LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("uppdrag/export.csv", assignments_export, {"fmt": "csv"}, name="assignments_export_csv"),
    path("uppdrag/export.xlsx", assignments_export, {"fmt": "xlsx"}, name="assignments_export_xlsx"),
    path("uppdrag/", include("assignments.urls")),
    path("arenden/<str:key>/jamfor.pdf", comparison_pdf, name="comparison_pdf"),
    path("arenden/<str:key>/jamfor.csv", comparison_csv, name="comparison_csv"),
    path("arenden/", include("motions.urls")),
    path("sekretariat/perioder/", include("assignments.period_urls")),
    path("sekretariat/arenden/<str:key>/tjansteutlatande/las-in/", proposal_import_page, name="proposal_import"),
    path("sekretariat/historik/", include("reports.history_urls")),
    path("sekretariat/", include("motions.secretariat_urls")),
    path(
        "budget/<slug:board>/<int:year>/<slug:period>/resultatredovisning.xlsx",
        statement_xlsx,
        name="statement_xlsx",
    ),
    path("budget/", include("budget.urls")),
    path("rapporter/", include("reports.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("api.urls")),
    path("sok/", search_page, name="search"),
    path("floden/", include("goteborg_uppdrag.feed_urls")),
    path("konto/aviseringar/", include("notifications.urls")),
]
