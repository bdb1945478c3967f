"""Assessment: the assessor's queue, decisions per criterion, corrections and sign-off."""
