"""Signpost's web pages and the small server that forwards chat to Rasa's REST channel."""
