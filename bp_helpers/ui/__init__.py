"""What a learner sees: the course's palette, figures and widgets (no maths of its own)."""
