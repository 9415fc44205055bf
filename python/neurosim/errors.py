"""The exceptions of the Python package: NeuroSim's own one-line messages, as the CLI prints them after 'neurosim: '."""


class NeuroSimError(Exception):
    """Base class. ``java_exception`` holds the Java exception when there is one (for its stack trace)."""

    def __init__(self, message, java_exception=None):
        super().__init__(message)
        self.message = message
        self.java_exception = java_exception


class ConfigError(NeuroSimError, ValueError):
    """A config, override or option NeuroSim refuses: the CLI's exit-2 errors (unknown key, bad unit, missing file)."""


class NumericalFailure(NeuroSimError, ArithmeticError):
    """The integration failed (a NaN or an infinity in the state): the CLI's exit 3."""


class OutputError(NeuroSimError, OSError):
    """An output file could not be written: the CLI's exit 4."""


class JarNotFoundError(NeuroSimError, FileNotFoundError):
    """NeuroSim's jar was not found: build it with ``mvn -B package -DskipTests`` or set NEUROSIM_JAR."""
