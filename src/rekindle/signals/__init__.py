"""Stage 2: per-message cues.

Every message's text is read once into a :class:`~rekindle.signals.text.Text`; each registered
detector then reports the cues it finds, each with its evidence. :func:`run` streams the
results per message id, batching the emotion model and caching repeated texts.
"""
