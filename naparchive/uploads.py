"""Refuse oversized file uploads while they stream in, before they fill memory or disk."""
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler


def _limit_text(limit: int) -> str:
    return f"{limit / (1024 * 1024):.0f} MB" if limit >= 1024 * 1024 else f"{limit} bytes"


class UploadSizeLimitHandler(FileUploadHandler):
    """Pass file data on to the next handler until a file exceeds MAX_UPLOAD_FILE_SIZE, then refuse the request.

    DATA_UPLOAD_MAX_MEMORY_SIZE does not count file parts, so without this an upload is unbounded.
    RequestDataTooBig is a SuspiciousOperation: Django answers 400 and logs it, the view never runs.
    """

    def __init__(self, request=None):
        super().__init__(request)
        self.limit = settings.MAX_UPLOAD_FILE_SIZE
        self.received = 0

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        # The whole body is larger than any file we accept plus its form fields: refuse before reading it.
        if content_length and content_length > self.limit + settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            raise RequestDataTooBig(f"Upload refused: files may be at most {_limit_text(self.limit)}.")
        return None

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            raise RequestDataTooBig(f"Upload refused: “{self.file_name}” is larger than {_limit_text(self.limit)}.")
        return raw_data

    def file_complete(self, file_size):
        return None
