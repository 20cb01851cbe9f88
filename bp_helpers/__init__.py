"""bp_helpers: the small package behind the backpropagation notebooks.

One idea per module. Import what a notebook needs, e.g.
``from bp_helpers import calculus`` or ``from bp_helpers.autograd import Value``.

Batch convention (the whole package, matching the notebooks' maths): a layer computes
``Z = W @ A + b`` with **one sample per column**: ``A`` has shape ``(n_in, N)``, ``W`` has
shape ``(n_out, n_in)``, ``b`` has shape ``(n_out, 1)``, and ``Z`` has shape ``(n_out, N)``.

Bad numbers (one policy for the whole package):

- **Elementwise maths propagates NaN**, like NumPy: the activations and their derivatives
  (``bp_helpers.nn.activations``) return nan where their input is nan, never a number.
- **Functions that take data raise**: losses, layers, ``MLP``, ``train``,
  ``gradient_check``, the numerical derivatives of ``calculus`` and the forward-mode
  ``dual.derivative``/``jvp`` raise a ValueError for nan or inf in their input (or in
  what a user function returned). Complex numbers, ``None`` and strings are a TypeError,
  never converted to a number; lists are accepted where arrays are asked for; sizes and
  counts are bounded (a ValueError before anything is allocated).
- **Scalars**: ``autograd.Value`` overflows IEEE-style to ±inf (``exp(1000)`` is inf, its
  limit) but never holds nan: an undefined operation (inf − inf, 0·inf) raises a
  ValueError naming it. ``dual.Dual`` stays finite: overflow raises OverflowError naming
  the operation.
- ``nn.train`` raises ``TrainingDiverged`` when training diverges, whatever the sign.

Input is checked once, at the boundary: code that has checked its data (``train``)
calls the layers and losses with ``check=False``.

This file imports nothing heavy, so ``import bp_helpers`` stays fast; sympy, matplotlib
and ipywidgets are imported by the modules that need them.
"""

__version__ = "0.1.0"
