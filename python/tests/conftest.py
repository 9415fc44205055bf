"""Tests of the neurosim package against the jar of this source tree (cli-runner/target/neurosim.jar, or
$NEUROSIM_JAR): run them with `/usr/bin/python3 -m pytest python/tests` after `mvn -B package -DskipTests`."""
import os
import sys
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

REPOSITORY = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPOSITORY / "python"))   # the package of this source tree, installed or not


@pytest.fixture(scope="session")
def repository():
    return REPOSITORY


@pytest.fixture(scope="session")
def jar():
    import neurosim.bridge

    return neurosim.bridge.jar_path()


@pytest.fixture(scope="session")
def examples():
    return REPOSITORY / "examples"
