"""Notifications: notices in the app and emails, in each person's language, as each person chose per kind."""
