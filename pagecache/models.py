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


class TableVersion(models.Model):
    """One row per tracked table that has been written: bumped by the same triggers, so a part of a
    page can be keyed by the tables it shows alone (a write elsewhere leaves it valid). A table
    without a row has never been written since the content version's epoch began: counter 0."""

    table_name = models.CharField(_("tabell"), max_length=63, primary_key=True)
    counter = models.BigIntegerField(_("räknare"), default=0)

    class Meta:
        verbose_name = _("tabellversion")
        verbose_name_plural = _("tabellversioner")

    def __str__(self):
        return f"{self.table_name}-{self.counter}"
