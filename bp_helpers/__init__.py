"""bp_helpers: the small package behind the backpropagation notebooks.

One idea per module. Import what a notebook needs, e.g.
``from bp_helpers import calculus`` or ``from bp_helpers.autograd import Value``.

Batch convention (the whole package, matching the notebooks' maths): a layer computes
``Z = W @ A + b`` with **one sample per column**: ``A`` has shape ``(n_in, N)``, ``W`` has
shape ``(n_out, n_in)``, ``b`` has shape ``(n_out, 1)``, and ``Z`` has shape ``(n_out, N)``.

This file imports nothing heavy, so ``import bp_helpers`` stays fast; sympy, matplotlib
and ipywidgets are imported by the modules that need them.
"""

__version__ = "0.1.0"
