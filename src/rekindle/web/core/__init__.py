"""The core app: what every part of the web app shares, starting with the ``serve`` command."""
