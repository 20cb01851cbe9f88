"""What a learner sees: figures, widgets and the checker API. No maths of its own.

- :mod:`~bp_helpers.ui.style`: the course style, :class:`~bp_helpers.ui.style.View`, fresh figures.
- :mod:`~bp_helpers.ui.palette`: the colour-blind-safe colours, by meaning.
- :mod:`~bp_helpers.ui.legibility`: text sizes as a learner sees them.
- :mod:`~bp_helpers.ui.drawings`: reusable drawings (computational graph, decision boundary,
  loss curve, per-layer norms).
- :mod:`~bp_helpers.ui.explore`: :class:`~bp_helpers.ui.explore.Explorer` and its controls.
- :mod:`~bp_helpers.ui.playground_views` and :mod:`~bp_helpers.ui.playground`: the playground's
  figure and its widget.
- :mod:`~bp_helpers.ui.checks`: the public checker API of the exercises.

This layer may import the core (``bp_helpers.nn``, ``autograd`` …); the core never imports it.
"""
