from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    """One row: bumped by database triggers on every write to the tables public pages show.

    `epoch` changes whenever the row is created anew (an emptied database, a restore), so a
    counter that starts over can never meet a page cached under the same number before.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    counter = models.BigIntegerField(_("räknare"), default=0)
    epoch = models.CharField(_("epok"), max_length=32)

    class Meta:
        verbose_name = _("innehållsversion")
        verbose_name_plural = _("innehållsversioner")
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="pagecache_single_version_row")]

    def __str__(self):
        return f"{self.epoch}-{self.counter}"
