"""The resources of the open data API: what each lists, how it is read, and the JSON schema of one item.

Names follow the OParl council-information standard where it has the concept (the body, its
organizations, persons, meetings, papers); parties, motions, decision points, decisions, votes,
assignments and status reports are our own.

Incremental sync (`modified_since`): an object counts as modified when anything its JSON shows
changed at or after the given time: its own row (the modification time where the model has one,
else a change recorded in its history by django-simple-history) and the rows it shows parts of,
such as a party's abbreviation on a person or the records of a vote. Each resource lists those
sources in its `modified` function.

Deletions (as OParl 1.1): with `modified_since`, a list also holds a tombstone for each object of
the resource deleted at or after the given time, as django-simple-history recorded the deletion:
only its id, type, `modified` (the time of deletion) and `"deleted": true`, nothing else, whether or
not the object was ever public. They follow the live objects, ordered by id, and are paginated with
them. A resource without a history model (the static Body) has no tombstones.

The resources are grouped as a reader of OParl would look for them: `organisation` (the city, its
organizations, parties and persons), `proceedings` (meetings, papers, motions, decision points,
decisions, votes) and `assignments` (assignments and status reports); `base` holds what they share.
"""

from __future__ import annotations

from . import assignments, files, organisation, proceedings
from .base import URL, Resource, StaticResource

__all__ = ["BY_NAME", "RESOURCES", "URL", "Resource", "StaticResource"]

# The order of the API's root document and of the schema.
RESOURCES: list[Resource] = [
    *organisation.RESOURCES,
    *proceedings.RESOURCES,
    *files.RESOURCES,
    *assignments.RESOURCES,
]

BY_NAME = {resource.name: resource for resource in RESOURCES}
