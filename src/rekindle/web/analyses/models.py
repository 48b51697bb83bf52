"""A chat analysis: one uploaded export, the job that reads it, and the report it made."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from rekindle.web.encryption import EncryptedTextField

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
STATUSES = [
    (QUEUED, "Waiting to start"),
    (RUNNING, "Reading the chat"),
    (DONE, "Ready"),
    (FAILED, "Could not finish"),
]


class Analysis(models.Model):
    """One run of the library's analysis over an uploaded export.

    Uploaded while in a couple, the report is the uploader's alone until the partner in that
    couple approves seeing it. The report quotes messages, so it is encrypted at rest. The
    raw upload is deleted once the analysis ends (see ``REKINDLE_UPLOAD_RETENTION_HOURS``).
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="analyses"
    )
    couple = models.ForeignKey(
        "couples.Couple", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    file_name = models.CharField(max_length=255)
    # Path of the stored upload inside the upload folder; empty once it has been deleted.
    upload = models.CharField(max_length=255, blank=True)
    upload_size = models.PositiveBigIntegerField(default=0)
    status = models.CharField(max_length=10, choices=STATUSES, default=QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    messages_read = models.PositiveIntegerField(default=0)
    progress = models.PositiveSmallIntegerField(default=0)  # percent, 100 when done
    error = models.CharField(max_length=300, blank=True)
    report_json = EncryptedTextField(blank=True)
    # What the safety screen saw in the messages, as counts (never a message), for the
    # uploader alone; never part of the report. See rekindle.web.safety.uploads.
    safety_note = EncryptedTextField(blank=True, default="")
    task_id = models.CharField(max_length=64, blank=True)
    partner_approved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    # Touched when the job starts and whenever it reports progress; a running analysis
    # without a heartbeat for REKINDLE_ANALYSIS_STALL_MINUTES lost its worker.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-id")
        verbose_name_plural = "analyses"

    def __str__(self) -> str:
        return f"Analysis of {self.file_name} by {self.owner}"

    @property
    def is_finished(self) -> bool:
        return self.status in (DONE, FAILED)
