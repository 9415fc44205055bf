"""The bridge to NeuroSim's engine in the JVM (JPype), for this package and for other front ends built on it.

Everything crosses as whole arrays: a run's spikes come back as one int[] and one double[] per population, its
state as one row-major double[] (ArrayOutput in the network module), turned into NumPy arrays with one copy each.

    start()                          start the JVM once, with the project's jar (found by jar_path())
    config_tree(config, ...)         a config file or dict, with overrides, as NeuroSim's config tree
    build(tree, base_dir, arrays)    the Network of a config tree (arrays: synapse lists named by connect.arrays)
    simulate(network)                run it; returns (summary dict, collected arrays)
    java_errors()                    a context manager turning NeuroSim's Java exceptions into neurosim.errors
"""

import contextlib
import json
import os
import shlex
from pathlib import Path

import numpy as np

from .errors import ConfigError, JarNotFoundError, NeuroSimError, NumericalFailure, OutputError

BUILD_COMMAND = "mvn -B package -DskipTests"
JAR_IN_REPOSITORY = Path("cli-runner") / "target" / "neurosim.jar"

_registry = None


def _repositories():
    """Where the source tree may be: beside this package (a checkout on PYTHONPATH, an editable install), or the
    one recorded when the package was installed from it."""
    here = Path(__file__).resolve().parent
    yield here.parent.parent
    try:
        from . import _source_tree  # written by setup.py at installation
        yield Path(_source_tree.REPOSITORY)
    except ImportError:
        pass


def jar_path():
    """NeuroSim's jar: $NEUROSIM_JAR, else cli-runner/target/neurosim.jar of the source tree. Raises
    JarNotFoundError, saying how to build it, when there is none."""
    env = os.environ.get("NEUROSIM_JAR")
    if env:
        p = Path(env).expanduser()
        if not p.is_file():
            raise JarNotFoundError(f"NEUROSIM_JAR={env}: no such file; build the jar with '{BUILD_COMMAND}' in the "
                                   f"repository (it makes {JAR_IN_REPOSITORY}) or point NEUROSIM_JAR at it")
        return p.resolve()
    looked = []
    for repo in _repositories():
        p = repo / JAR_IN_REPOSITORY
        if p.is_file():
            return p.resolve()
        if (repo / "pom.xml").is_file():
            raise JarNotFoundError(f"{p} is missing: build it with '{BUILD_COMMAND}' in {repo} (or set NEUROSIM_JAR "
                                   f"to a neurosim.jar)")
        looked.append(str(p))
    raise JarNotFoundError("NeuroSim's jar was not found (looked for " + ", ".join(looked) + "); build it with '"
                           + BUILD_COMMAND + "' in the repository, or set NEUROSIM_JAR to its neurosim.jar")


def start(jar=None, jvm_options=None):
    """Starts the JVM with NeuroSim's jar on its class path, once per process (later calls do nothing).

    jar: the jar (default jar_path()); jvm_options: JVM options such as ["-Xmx8g"] (default: the words of
    $NEUROSIM_JAVA_OPTS). A JVM started earlier by someone else must already have the jar on its class path.
    """
    import jpype

    if jpype.isJVMStarted():
        _check_classes()
        return
    jar = Path(jar) if jar is not None else jar_path()
    if not jar.is_file():
        raise JarNotFoundError(f"{jar}: no such file; build it with '{BUILD_COMMAND}'")
    if jvm_options is None:
        jvm_options = shlex.split(os.environ.get("NEUROSIM_JAVA_OPTS", ""))
    options = ["-Djava.awt.headless=true", *jvm_options]
    # interrupt=False: Ctrl-C stays with Python (the JVM would otherwise install its own handler and exit)
    jpype.startJVM(*options, classpath=[str(jar), *_jpype_support_jar()], convertStrings=False, interrupt=False)
    _check_classes()


def _jpype_support_jar():
    """JPype's own classes (org.jpype.jar): a pip-installed JPype finds them beside its module, Debian's
    python3-jpype keeps them in /usr/share/java, where JPype 1.4 does not look, so they go on the class path."""
    import _jpype

    if (Path(_jpype.__file__).resolve().parent / "org.jpype.jar").is_file():
        return []
    return [str(p) for p in (Path("/usr/share/java/org.jpype.jar"),) if p.is_file()]


def _check_classes():
    import jpype

    try:
        jpype.JClass("org.neurosim.network.output.ArrayOutput")
    except (TypeError, jpype.JException) as e:
        raise NeuroSimError("the JVM was started without NeuroSim's jar on its class path (or with one older than "
                            "ArrayOutput); call neurosim.bridge.start() before anything else starts the JVM, and "
                            f"rebuild with '{BUILD_COMMAND}'") from e


def java(name):
    """The Java class ``name`` (``org.neurosim.network.Simulation``), starting the JVM if need be."""
    import jpype

    start()
    return jpype.JClass(name)


def registry():
    """NeuroSim's plugin registry (models, integrators, kernels...), loaded once."""
    global _registry
    if _registry is None:
        with java_errors():
            _registry = java("org.neurosim.core.plugin.PluginRegistry").load()
    return _registry


def _one_line(s):
    return "" if s is None else str(s).replace("\n", " ").strip()


@contextlib.contextmanager
def java_errors():
    """Turns NeuroSim's Java exceptions into this package's, with the message the CLI prints after 'neurosim: '.
    Others (internal errors) pass unchanged."""
    import jpype

    start()
    invalid = jpype.JClass("org.neurosim.core.InvalidInputException")
    numerical = jpype.JClass("org.neurosim.core.NumericalFailureException")
    output = jpype.JClass("org.neurosim.core.output.OutputException")
    provision = (jpype.JClass("com.google.inject.ProvisionException"),
                 jpype.JClass("com.google.inject.CreationException"))
    try:
        yield
    except jpype.JException as raised:
        e = raised
        if isinstance(e, provision) and e.getCause() is not None:
            e = e.getCause()
        if isinstance(e, invalid):
            raise ConfigError(_one_line(e.getMessage()), e) from None
        if isinstance(e, numerical):
            raise NumericalFailure("numerical failure: " + _one_line(e.getMessage()), e) from None
        if isinstance(e, output):
            raise OutputError(_one_line(e.getMessage()), e) from None
        if isinstance(e, jpype.JClass("java.lang.OutOfMemoryError")):
            mib = int(jpype.JClass("java.lang.Runtime").getRuntime().maxMemory()) >> 20
            raise MemoryError(f"out of memory (the Java heap holds {mib} MiB); raise it with "
                              "NEUROSIM_JAVA_OPTS=-Xmx<size> before the JVM starts, or make the network smaller") \
                from None
        raise


def yaml_value(value):
    """A Python value as the YAML text of a ``--set KEY=VALUE`` override: strings as they are ('20 ms', 'all'),
    numbers, booleans, None, lists and dicts as YAML (JSON is YAML), NumPy scalars and arrays as their values."""
    if isinstance(value, str):
        return value
    return _dumps(_plain(value))


def _plain(v):
    """Python and NumPy values as JSON-serialisable ones; floats always with a '.' (YAML reads 1e-05 as text)."""
    if isinstance(v, np.ndarray):
        return _plain(v.tolist())
    if isinstance(v, np.generic):
        return _plain(v.item())
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, os.PathLike):
        return os.fspath(v)
    if isinstance(v, float) and v == v and v not in (float("inf"), float("-inf")):
        return _Float(v)
    return v


class _Float(float):
    """A float that json writes with a decimal point (1.0e-05, not 1e-05, which YAML 1.1 reads as a string)."""

    def __repr__(self):
        r = float.__repr__(self)
        if "e" in r and "." not in r:
            r = r.replace("e", ".0e")
        return r


def _dumps(tree):
    """A tree of plain values as YAML flow text (JSON with YAML's floats: 1.0e-05, .nan, .inf)."""
    def enc(v):
        if isinstance(v, _Float):
            return repr(v)
        if isinstance(v, float):
            return ".nan" if v != v else (".inf" if v > 0 else "-.inf")
        if isinstance(v, dict):
            return "{" + ", ".join(json.dumps(k) + ": " + enc(x) for k, x in v.items()) + "}"
        if isinstance(v, list):
            return "[" + ", ".join(enc(x) for x in v) + "]"
        return json.dumps(v)

    return enc(tree)


def overrides_list(overrides):
    """Overrides as NeuroSim's KEY=VALUE assignments: a dict {key: value} or an iterable of 'key=value' strings."""
    if overrides is None:
        return []
    if isinstance(overrides, dict):
        return [f"{k}={yaml_value(v)}" for k, v in overrides.items()]
    if isinstance(overrides, str):
        return [overrides]
    return [str(s) for s in overrides]


def _time(q, what):
    """A time option: a number is seconds, a string a quantity ('200 ms')."""
    if q is None or isinstance(q, str):
        return q
    if isinstance(q, (int, float, np.integer, np.floating)):
        return repr(float(q)) + " s"
    raise ConfigError(f"{what}: expected a time such as '200 ms' or a number of seconds, got {q!r}")


def config_tree(config, overrides=None, seed=None, duration=None, dt=None, threads=None, base_dir=None):
    """The config tree of ``config`` (a YAML file's path, YAML text with a newline, or a dict) with the overrides
    applied as ``neurosim run --set KEY=VALUE --seed --duration --dt --threads`` applies them (the same Java code).

    Returns (tree, base_dir): base_dir resolves the config's relative file names (the file's folder; for a dict or
    text, ``base_dir`` or the working folder). Times: a number is seconds, a string a quantity ('500 ms').
    """
    ConfigTree = java("org.neurosim.network.config.ConfigTree")
    Paths = java("java.nio.file.Path")
    with java_errors():
        if isinstance(config, dict):
            tree = ConfigTree.parse(_dumps(_plain(config)), "the config dict")
            base = Path(base_dir) if base_dir is not None else Path.cwd()
            name = None
        elif isinstance(config, str) and "\n" in config:
            tree = ConfigTree.parse(config, "the config text")
            base = Path(base_dir) if base_dir is not None else Path.cwd()
            name = None
        elif isinstance(config, (str, os.PathLike)):
            path = Path(config)
            tree = ConfigTree.read(Paths.of(str(path)))
            base = Path(base_dir) if base_dir is not None else path.resolve().parent
            name = path.name
        else:
            raise TypeError(f"config: expected a path, YAML text or a dict, got {type(config).__name__}")
        sets = java("java.util.ArrayList")()
        for s in overrides_list(overrides):
            sets.add(s)
        Long = java("java.lang.Long")
        Integer = java("java.lang.Integer")
        if threads is not None and not isinstance(threads, (int, np.integer)):
            raise ConfigError(f"--threads: expected a whole number, got {threads!r}")
        ConfigTree.runOptions(tree, sets, None if seed is None else Long(int(seed)), _time(duration, "--duration"),
                              _time(dt, "--dt"), None if threads is None else Integer(int(threads)))
        if name is not None and not tree.has("name"):   # as the CLI names a run after its file
            import re
            tree.put("name", re.sub(r"\.ya?ml$", "", name))
    return tree, base


def build(tree, base_dir, arrays=None):
    """The Network of a config tree (NetworkLoader.build); NeuroSim's errors as neurosim.errors.

    arrays: {KEY: SynapseList (synapse_list()) or (sources, targets, weights, delays)} for the projections whose
    ``connect`` is ``{arrays: KEY}``: synapses given one by one, which cross as whole arrays (no text)."""
    NetworkLoader = java("org.neurosim.network.build.NetworkLoader")
    with java_errors():
        given = java("java.util.HashMap")()
        for key, value in (arrays or {}).items():
            given.put(key, value if not isinstance(value, tuple) else synapse_list(*value))
        return NetworkLoader.build(tree, java("java.nio.file.Path").of(str(base_dir)), registry(), given)


def synapse_list(sources, targets, weights=None, delays=None):
    """A SynapseList (org.neurosim.core.connect) from NumPy arrays, one Java array each (a bulk copy): sources and
    targets are neuron indices within their populations; weights and delays, when given, are numbers in the units
    the projection's ``weight`` and ``delay`` name (``weight: 1 nA``, ``delay: 1 ms``)."""
    import jpype

    SynapseList = java("org.neurosim.core.connect.SynapseList")

    def ints(a):
        return jpype.JArray(jpype.JInt)(np.ascontiguousarray(a, dtype=np.int32))

    def doubles(a):
        return None if a is None else jpype.JArray(jpype.JDouble)(np.ascontiguousarray(a, dtype=np.float64))

    with java_errors():
        return SynapseList(ints(sources), ints(targets), doubles(weights), doubles(delays))


def tree_text(tree):
    """A config tree as YAML text (the effective config, as the CLI writes it to config.yaml)."""
    mapper = java("com.fasterxml.jackson.dataformat.yaml.YAMLMapper")()
    return str(mapper.writeValueAsString(tree))


def simulate(network):
    """Runs ``network`` to the end of its duration without writing files, and collects what its record section
    asks for. Returns (summary, collected): summary is the dict of summary.json; collected a Collected."""
    ArrayOutput = java("org.neurosim.network.output.ArrayOutput")
    Simulation = java("org.neurosim.network.Simulation")
    with java_errors():
        out = ArrayOutput(network)
        result = Simulation(network).listen(out).run()
        summary = json.loads(str(result.summary().toString()))
        return summary, Collected(out)


def ints(jarray):
    """A Java int[] as a NumPy int32 array (one copy, through the buffer protocol)."""
    return np.array(jarray, dtype=np.int32, copy=True)


def doubles(jarray):
    """A Java double[] as a NumPy float64 array (one copy, through the buffer protocol)."""
    return np.array(jarray, dtype=np.float64, copy=True)


def strings(jarray):
    return [str(s) for s in jarray]


class Collected:
    """A run's recordings, copied out of an ArrayOutput as NumPy arrays (spikes per population, state, rates)."""

    def __init__(self, out):
        self.populations = strings(out.populations())
        self.spike_neurons = {}
        self.spike_times = {}
        for i, p in enumerate(self.populations):
            self.spike_neurons[p] = ints(out.spikeNeurons(i))
            self.spike_times[p] = doubles(out.spikeTimes(i))
        self.trace_names = strings(out.traceNames())
        self.state_times = doubles(out.stateTimes())
        self.state = doubles(out.state()).reshape(len(self.state_times), len(self.trace_names))
        self.rate_populations = strings(out.ratePopulations())
        self.rate_times = doubles(out.rateTimes())
        self.rates = doubles(out.rates()).reshape(len(self.rate_times), len(self.rate_populations))
