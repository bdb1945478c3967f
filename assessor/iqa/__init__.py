"""Internal quality assurance: sampling plans, samples and their outcomes."""
