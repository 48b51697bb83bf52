"""The words that stand in for a media message whose file Rekindle never reads.

Every parser uses the same placeholders ("<photo>", "<video>"...) so that later stages can
recognise them whatever the export format. (WhatsApp writes its own, in the phone's language;
those are kept as written.)
"""

from __future__ import annotations

PHOTO = "<photo>"
VIDEO = "<video>"
AUDIO = "<audio>"
VOICE = "<voice message>"
STICKER = "<sticker>"
GIF = "<GIF>"
FILE = "<file>"
LINK = "<link>"
CALL = "<call>"

_EXTENSION_PLACEHOLDERS = {
    **dict.fromkeys(("jpg", "jpeg", "png", "webp", "heic", "heif", "bmp", "tif", "tiff"), PHOTO),
    **dict.fromkeys(("mp4", "mov", "m4v", "webm", "mkv", "avi", "3gp"), VIDEO),
    **dict.fromkeys(("mp3", "m4a", "aac", "wav", "flac", "ogg", "oga", "opus", "amr"), AUDIO),
    "gif": GIF,
}


def placeholder_for_file(file_name: str) -> str:
    """The placeholder for an attached file, judged from its extension ("<file>" if unknown)."""
    _, dot, extension = file_name.rpartition(".")
    if not dot:
        return FILE
    return _EXTENSION_PLACEHOLDERS.get(extension.lower(), FILE)
