"""Custom Rasa graph components. Each has a test next to it in tests/."""
