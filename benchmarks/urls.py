"""The product's URLs plus the reference view; mounted only via DJANGO_SETTINGS_MODULE=benchmarks.settings."""

from django.urls import path

from goteborg_uppdrag.urls import urlpatterns as product_urlpatterns

from .views import trivial

urlpatterns = [path("bench/trivial/", trivial, name="bench-trivial"), *product_urlpatterns]
