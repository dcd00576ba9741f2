"""Signpost's custom actions (Rasa SDK). Thin: they read the conversation's slots, ask
the services directory through `directory_client` (never its database), and format
replies (`replies`). They must not import `services_directory` or `bot`."""
