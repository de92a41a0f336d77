"""Uploads to the importers: a file above the size limit is never kept, in memory or on disk.

Django reads an uploaded file into memory or a temporary file before any form sees it, whatever its
size; the importer's form then refuses it for being too big. LimitedUploadHandler goes first: it
passes on the bytes up to the limit and drops the rest, and a file that went over becomes an empty
stand-in that still reports its size, so the form refuses it with its usual message.
"""

from __future__ import annotations

from functools import wraps

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.views.decorators.csrf import csrf_exempt, csrf_protect


class OversizedUpload(SimpleUploadedFile):
    """An upload that went over the limit: no content, only its name and the size received."""

    def __init__(self, name: str, content_type: str, size: int, *, is_pdf: bool = False):
        super().__init__(name, b"", content_type)
        self.size = size
        self.is_pdf = is_pdf


class LimitedUploadHandler(FileUploadHandler):
    """`limit` bytes for a file; `pdf_limit` (when given) for one whose first bytes say it is a PDF."""

    def __init__(self, request=None, *, limit: int, pdf_limit: int | None = None):
        super().__init__(request)
        self.text_limit = limit
        self.pdf_limit = pdf_limit
        self.limit = limit
        self.received = 0

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0
        self.limit = self.text_limit

    def receive_data_chunk(self, raw_data, start):
        if start == 0 and self.pdf_limit and raw_data[:1024].lstrip().startswith(b"%PDF-"):
            self.limit = self.pdf_limit
        self.received += len(raw_data)
        # None: the handlers after this one (memory, temporary file) get no more of the file.
        return raw_data if self.received <= self.limit else None

    def file_complete(self, file_size):
        if self.received <= self.limit:
            return None  # the next handler has the whole file
        return OversizedUpload(self.file_name, self.content_type, self.received, is_pdf=self.limit == self.pdf_limit)


def upload_limit(limit: int, *, pdf_limit: int | None = None):
    """View decorator: the handler goes in before anything reads the upload.

    The CSRF middleware reads request.POST (and so every uploaded file) before the view runs, and a
    handler added after that has no effect. The view is therefore exempt from the middleware's check
    and makes the same check itself (csrf_protect) once the handler is in place, as Django's
    documentation on changing upload handlers in a view describes.
    """

    def decorator(view):
        protected = csrf_protect(view)

        @csrf_exempt
        @wraps(view)
        def limited(request, *args, **kwargs):
            request.upload_handlers.insert(0, LimitedUploadHandler(request, limit=limit, pdf_limit=pdf_limit))
            return protected(request, *args, **kwargs)

        return limited

    return decorator
