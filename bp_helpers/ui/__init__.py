"""What a learner sees: figures, widgets and the public checker API (:mod:`.checks`)."""
