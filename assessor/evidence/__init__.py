"""Evidence: what learners (and assessors, for observations) put forward, mapped to criteria."""
