"""Signpost's services directory: local services, helplines and safeguarding routes.

Owns the data model (shaped on Open Referral UK), the human-editable data files, the
loader, place resolution, search, ORUK import/export and a read-only HTTP API.

It knows nothing of Rasa, the chat channels or the actions: any front end can use it,
either in-process (`services_directory.search`) or over HTTP (`services_directory.api`).
It must not import from `bot` or `actions`.
"""
