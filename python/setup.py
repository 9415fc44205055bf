"""Records, in the installed package, the source tree it was installed from: a copy in site-packages finds the
repository's jar (cli-runner/target/neurosim.jar) there, as a checkout on PYTHONPATH finds it beside itself."""
import os

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))


class BuildPy(build_py):
    def run(self):
        super().run()
        target = os.path.join(self.build_lib, "neurosim", "_source_tree.py")
        with open(target, "w", encoding="utf-8") as f:
            f.write("# written by setup.py at installation: the repository this package was installed from\n")
            f.write("REPOSITORY = %r\n" % os.path.dirname(HERE))


setup(cmdclass={"build_py": BuildPy})
