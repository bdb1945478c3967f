"""The landing page of each signed-in person: one section for each of their roles."""
