from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PageCacheConfig(AppConfig):
    """Whole-page cache of the public pages for anonymous visitors, keyed by a content version.

    Every table whose rows a public page shows carries a database trigger that bumps one
    content version in the writing transaction (triggers.py), so no write path (ORM save,
    queryset.update, bulk_create, admin, loaders, raw SQL) can leave a cached page behind.
    Logged-in users always get a fresh rendering.
    """

    name = "pagecache"
    label = "pagecache"
    verbose_name = "Sidcache"

    def ready(self):
        from .triggers import install_after_migrate

        # After every migrate (also a test database's): tables added since get their trigger.
        post_migrate.connect(install_after_migrate, dispatch_uid="pagecache-triggers")
