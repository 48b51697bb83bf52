"""Rekindle: an open-source relationship coach that reads how a couple actually talks.

The analysis library is pure Python: it never imports Django, touches a database or uses the
network. Stages run in one direction: ``ingest`` turns an export into messages, and later
stages turn messages into cues, metrics, a report and guidance.
"""

__version__ = "0.1.0"
