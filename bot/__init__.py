"""Signpost's Rasa side: channels and web pages, the terminal chat, custom Rasa
components and the spaCy place pipeline. Channels talk to Rasa over HTTP and know
nothing of SQL; only the pipeline builder reads the directory's data files."""
