"""Runs a PyNN script unchanged with pyNN.neurosim available: ``python3 -m neurosim.pynn SCRIPT.py [ARGS...]``.

PyNN finds a backend as the module ``pyNN.<name>`` (``get_simulator``, ``import pyNN.neurosim``); this puts the
backend's folder on ``pyNN.__path__`` and then runs SCRIPT as ``__main__`` with ARGS as its command line, so PyNN's
own examples run as they are: ``python3 -m neurosim.pynn VAbenchmarks.py neurosim CUBA``. With ``NEUROSIM_LOG=info``
the backend's log (the network's build time, at the first run) goes to stderr.
"""
import logging
import os
import runpy
import sys

from . import use_pynn


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if argv else 2
    level = os.environ.get("NEUROSIM_LOG")
    if level:
        logging.basicConfig(level=level.upper(), format="%(name)s %(levelname)s: %(message)s")
    use_pynn()
    sys.argv = list(argv)
    runpy.run_path(argv[0], run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())
