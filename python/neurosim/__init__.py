"""NeuroSim from Python: run a network config (a YAML file or a dict) in-process and get its spikes and traces as
NumPy arrays and pandas DataFrames.

    import neurosim
    r = neurosim.run("examples/cuba.yaml", duration="500 ms", overrides={"populations.exc.size": 1600}, seed=7)
    neurons, times = r.spikes("exc")        # int32 and float64 arrays, times in s
    r.spikes_frame()                         # DataFrame: population, neuron, time_s
    r.plot_raster()

The engine runs in the JVM (JPype), started once per process with the repository's cli-runner/target/neurosim.jar
(or $NEUROSIM_JAR; JVM options in $NEUROSIM_JAVA_OPTS, e.g. -Xmx8g). Bad configs raise neurosim.ConfigError with
NeuroSim's one-line message.
"""

import time as _time

from . import bridge
from .errors import ConfigError, JarNotFoundError, NeuroSimError, NumericalFailure, OutputError
from .result import Result

__all__ = ["run", "load", "Result", "NeuroSimError", "ConfigError", "NumericalFailure", "OutputError",
           "JarNotFoundError", "start_jvm", "bridge", "pynn_path", "use_pynn"]
__version__ = "0.1.0"


def pynn_path():
    """The folder holding the PyNN backend package ``neurosim/``: append it to ``pyNN.__path__`` to make
    ``pyNN.neurosim`` importable (use_pynn() does it)."""
    from pathlib import Path
    return str(Path(__file__).resolve().parent / "pynn_backend")


def use_pynn():
    """Makes ``pyNN.neurosim`` importable (PyNN 0.10, Debian's python3-pynn) and returns it."""
    import importlib
    import pyNN
    if pynn_path() not in pyNN.__path__:
        pyNN.__path__.append(pynn_path())
    return importlib.import_module("pyNN.neurosim")


def start_jvm(jar=None, jvm_options=None):
    """Starts the JVM with NeuroSim's jar now (run() does it when needed); jvm_options e.g. ["-Xmx8g"]."""
    bridge.start(jar, jvm_options)


def load(config, overrides=None, seed=None, duration=None, dt=None, threads=None, base_dir=None):
    """The effective config, every override applied, as YAML text (what the CLI writes to config.yaml); raises
    ConfigError for a config NeuroSim cannot read or an override it refuses (the network is not built)."""
    tree, _ = bridge.config_tree(config, overrides, seed, duration, dt, threads, base_dir)
    return bridge.tree_text(tree)


def run(config, duration=None, overrides=None, seed=None, threads=None, dt=None, base_dir=None, warnings=True,
        arrays=None):
    """Builds and simulates a network in-process, as ``neurosim run CONFIG`` does, without writing files.

    config     a YAML file's path, YAML text, or a dict shaped as the YAML
    duration   simulated time: '500 ms', or a number of seconds (default: the config's)
    overrides  {'populations.exc.size': 8000, 'projections[0].weight': '2 mV'} or ['key=value', ...]: the CLI's
               --set, read by the same code (a string value is YAML text: '20 ms', 'all')
    seed, threads, dt   as --seed, --threads, --dt (default: the config's)
    base_dir   the folder a dict's or text's relative file names are read from (default: the working folder)
    warnings   issue NeuroSim's warnings about the network as Python warnings
    arrays     {KEY: (sources, targets, weights, delays)} of NumPy arrays (weights, delays may be None) for the
               projections whose connect is {arrays: KEY}: synapses one by one, weights and delays in the units of
               the projection's weight and delay ('1 nA', '1 ms'), each array copied once into the JVM

    Returns a Result. Raises ConfigError (an exit-2 error of the CLI) with NeuroSim's one-line message,
    NumericalFailure, or JarNotFoundError when the jar is not built.
    """
    tree, base = bridge.config_tree(config, overrides, seed, duration, dt, threads, base_dir)
    text = bridge.tree_text(tree)
    t0 = _time.perf_counter()
    network = bridge.build(tree, base, arrays)
    build_s = _time.perf_counter() - t0
    if warnings:
        import warnings as w

        for message in network.warnings():
            w.warn("neurosim: " + str(message), RuntimeWarning, stacklevel=2)
    summary, collected = bridge.simulate(network)
    summary.setdefault("wall_s", {})["build"] = build_s
    return Result(summary, collected, text)
