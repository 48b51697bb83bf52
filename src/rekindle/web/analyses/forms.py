from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from rekindle.web.analyses.storage import ALLOWED_EXTENSIONS, extension_of

KINDS_TEXT = "a WhatsApp, Telegram, Signal, Messenger, iMessage or similar chat export"


def check_upload(upload: UploadedFile[bytes]) -> UploadedFile[bytes]:
    """The size and type checks an export must pass before it is stored."""
    limit_mb = settings.UPLOAD_MAX_MB
    if upload.size is not None and upload.size > limit_mb * 1024 * 1024:
        raise forms.ValidationError(
            f"This file is larger than {limit_mb} MB. Please export the chat without media."
        )
    if upload.size == 0:
        raise forms.ValidationError("This file is empty.")
    if extension_of(upload.name or "") not in ALLOWED_EXTENSIONS:
        allowed = ", ".join(ALLOWED_EXTENSIONS)
        raise forms.ValidationError(
            f"Rekindle reads chat exports saved as {allowed}. This file is not one of those."
        )
    return upload


class UploadForm(forms.Form):
    export = forms.FileField(
        label="Your chat export",
        help_text=f"Upload {KINDS_TEXT}, as a .txt, .zip, .json, .csv or .html file.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_export(self) -> UploadedFile[bytes]:
        return check_upload(self.cleaned_data["export"])


class RerunForm(forms.Form):
    export = forms.FileField(
        label="A fresh export (needed once the earlier upload has been deleted)",
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_export(self) -> UploadedFile[bytes] | None:
        upload = self.cleaned_data.get("export")
        return check_upload(upload) if upload else None
