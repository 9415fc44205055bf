"""neurosim.run against references: the LIF's closed form, the CLI's own outputs for the same config and seed,
what an override must change, and NeuroSim's messages for configs it refuses."""
import csv
import math
import os
import subprocess
import sys

import numpy as np
import pytest

import neurosim

# examples/lif.yaml: normalised LIF, tau_m dv/dt = v_in - v, threshold 1, reset 0, from v = 0
TAU_M, TAU_REF = 0.020, 0.002
INPUTS = [0.8, 1.1, 1.5, 2.0, 5.0]


def closed_form_rate(v_in, tau_m=TAU_M, tau_ref=TAU_REF):
    """G(v_in) = 1 / (tau_ref - tau_m ln(1 - 1/v_in)), 0 below threshold."""
    return 0.0 if v_in <= 1 else 1.0 / (tau_ref - tau_m * math.log(1 - 1 / v_in))


def test_single_lif_fires_at_the_closed_form_rate(examples):
    r = neurosim.run(examples / "lif.yaml", duration="10 s")
    neurons, times = r.spikes("neurons")
    for i, v in enumerate(INPUTS):
        t = times[neurons == i]
        g = closed_form_rate(v)
        if g == 0:
            assert len(t) == 0
            continue
        first = TAU_M * math.log(v / (v - 1))   # from v = 0 to threshold
        period = 1 / g                          # tau_ref + the same climb from reset 0
        assert len(t) == math.floor((10 - first) / period) + 1, f"input {v}: G = {g:.4f} Hz"
        assert t[0] == pytest.approx(first, abs=1e-12)
        assert np.abs(np.diff(t) - period).max() < 1e-12
        assert 1 / np.diff(t).mean() == pytest.approx(g, rel=1e-12)
    # reference values of G at v_in = 1.1, 1.5, 2, 5 (Hz)
    assert [round(closed_form_rate(v), 3) for v in INPUTS[1:]] == [20.017, 41.715, 63.040, 154.730]


def test_dict_config_gives_the_same_run_as_the_yaml_file(examples):
    config = {
        "name": "lif", "dt": "0.1 ms", "duration": "1 s",
        "populations": {"neurons": {"model": "lif", "size": 5, "params": {"tau_m": "20 ms", "tau_ref": "2 ms"},
                                    "input": np.array(INPUTS)}},
        "record": {"spikes": "all", "state": [{"population": "neurons", "variables": ["v"], "neurons": [1, 2, 3]}],
                   "rates": {"bin": "50 ms"}},
    }
    a = neurosim.run(config)
    b = neurosim.run(examples / "lif.yaml")
    for x, y in zip(a.spikes("neurons"), b.spikes("neurons")):
        np.testing.assert_array_equal(x, y)
    np.testing.assert_array_equal(a.traces, b.traces)


def cli_run(jar, config, out, *args):
    return subprocess.run([ "java", "-Djava.awt.headless=true", "-jar", str(jar), "run", str(config), "--out",
                            str(out), "--no-plots", *args], capture_output=True, text=True)


def test_cuba_spikes_are_the_clis_spikes_csv_for_the_same_seed(jar, examples, tmp_path):
    p = cli_run(jar, examples / "cuba.yaml", tmp_path / "cuba", "--seed", "7", "--duration", "400 ms")
    assert p.returncode == 0, p.stderr
    with open(tmp_path / "cuba" / "spikes.csv") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["population", "neuron", "time_s"]
    cli = sorted((pop, int(n), float(t)) for pop, n, t in rows[1:])

    r = neurosim.run(examples / "cuba.yaml", seed=7, duration="400 ms")
    frame = r.spikes_frame()
    assert len(frame) == len(rows) - 1 == r.spike_count()
    ours = sorted(zip(frame["population"].astype(str), frame["neuron"].tolist(), frame["time_s"].tolist()))
    assert ours == cli   # every spike, its time to the last bit (spikes.csv writes Double.toString)
    # and the rates of summary.json
    import json
    with open(tmp_path / "cuba" / "summary.json") as f:
        summary = json.load(f)
    for pop in ("exc", "inh"):
        assert r.summary["populations"][pop]["spikes"] == summary["populations"][pop]["spikes"]
        assert r.mean_rates[pop] == summary["populations"][pop]["mean_rate_hz"]
    # state.csv: the same samples
    with open(tmp_path / "cuba" / "state.csv") as f:
        state = np.array([[float(x) for x in row] for row in list(csv.reader(f))[1:]])
    np.testing.assert_array_equal(state[:, 0], r.trace_times)
    np.testing.assert_array_equal(state[:, 1:], r.traces)


def test_overrides_change_what_they_should(examples):
    base = neurosim.run(examples / "cuba.yaml", duration=0.2, seed=3)
    small = neurosim.run(examples / "cuba.yaml", duration=0.2, seed=3,
                         overrides={"populations.exc.size": 1600, "projections[1].weight": "-4.5 mV"})
    assert base.size("exc") == 3200 and small.size("exc") == 1600
    assert small.spikes("exc")[0].max() < 1600
    assert "size: 1600" in small.config and "-4.5 mV" in small.config
    assert base.duration == pytest.approx(0.2)
    # weaker inhibition and fewer neurons: a different network (more excitation per neuron: a higher rate)
    assert small.mean_rates["exc"] != base.mean_rates["exc"]
    # the same seed, the same spikes at any thread count; another seed, other spikes
    two = neurosim.run(examples / "cuba.yaml", duration=0.2, seed=3, threads=2)
    assert two.summary["threads"] == 2
    for x, y in zip(base.spikes("exc"), two.spikes("exc")):
        np.testing.assert_array_equal(x, y)
    other = neurosim.run(examples / "cuba.yaml", duration=0.2, seed=4)
    assert other.seed == 4 and other.spike_count() != base.spike_count()
    # a list of KEY=VALUE strings is the CLI's --set as it is
    listed = neurosim.run(examples / "lif.yaml", overrides=["populations.neurons.input=[3, 3, 3, 3, 3]"],
                          duration="100 ms")
    counts = np.bincount(listed.spikes("neurons")[0], minlength=5)
    assert (counts == counts[0]).all() and counts[0] > 0


def cli_error(jar, config, tmp_path, *args):
    p = cli_run(jar, config, tmp_path / "out", *args)
    assert p.returncode == 2, p.stderr
    line = p.stderr.strip().splitlines()[-1]
    assert line.startswith("neurosim: ")
    return line[len("neurosim: "):]


@pytest.mark.parametrize("override", [
    {"populations.exc.sise": 5},                  # an unknown key: NeuroSim suggests 'size'
    {"populations.exc.params.tau_m": "20 kg"},    # a unit of the wrong dimension
    {"projections[7].weight": "1 mV"},            # no such list element
])
def test_a_refused_override_raises_with_neurosims_message(jar, examples, tmp_path, override):
    (key, value), = override.items()
    expected = cli_error(jar, examples / "cuba.yaml", tmp_path, "--set", f"{key}={value}")
    with pytest.raises(neurosim.ConfigError) as e:
        neurosim.run(examples / "cuba.yaml", overrides=override)
    assert str(e.value) == expected
    assert isinstance(e.value, ValueError)


def test_bad_configs_raise_config_errors(tmp_path, examples):
    with pytest.raises(neurosim.ConfigError, match="sise: unknown key \\(did you mean 'size'\\?\\)"):
        neurosim.run(examples / "cuba.yaml", overrides={"populations.exc.sise": 5})
    with pytest.raises(neurosim.ConfigError, match="no-such.yaml"):
        neurosim.run(tmp_path / "no-such.yaml")
    with pytest.raises(neurosim.ConfigError, match="--duration"):
        neurosim.run(examples / "lif.yaml", duration="ten seconds")
    with pytest.raises(neurosim.ConfigError, match="--threads"):
        neurosim.run(examples / "lif.yaml", threads=0)
    with pytest.raises(neurosim.ConfigError, match="duration"):
        neurosim.run({"populations": {"a": {"model": "lif", "size": 1}}})   # no duration


def test_arrays_are_numpy_arrays_of_the_right_dtype_and_length(examples):
    r = neurosim.run(examples / "lif.yaml", duration="500 ms")
    steps = round(0.5 / 1e-4)
    neurons, times = r.spikes("neurons")
    assert isinstance(neurons, np.ndarray) and neurons.dtype == np.int32
    assert isinstance(times, np.ndarray) and times.dtype == np.float64
    assert len(neurons) == len(times) == r.summary["populations"]["neurons"]["spikes"]
    assert np.all(np.diff(times) >= 0) and times.max() < 0.5
    assert r.trace_names == ["neurons.v[1]", "neurons.v[2]", "neurons.v[3]"]
    assert r.trace_times.dtype == np.float64 and r.trace_times.shape == (steps + 1,)
    assert r.traces.shape == (steps + 1, 3) and r.traces.dtype == np.float64
    t, v, ids = r.state("neurons", "v")
    assert v.shape == (steps + 1, 3) and list(ids) == [1, 2, 3]
    assert v[0].tolist() == [0.0, 0.0, 0.0] and v.max() < 1.0   # reset below threshold 1
    df = r.state()
    assert list(df.columns) == r.trace_names and df.index.name == "time_s" and len(df) == steps + 1
    rates = r.rates
    assert list(rates.columns) == ["neurons"] and len(rates) == 10   # 500 ms in 50 ms bins
    assert rates["neurons"].mean() == pytest.approx(r.mean_rates["neurons"])
    frame = r.spikes_frame()
    assert list(frame.columns) == ["population", "neuron", "time_s"]
    assert str(frame["neuron"].dtype) == "int32" and str(frame["time_s"].dtype) == "float64"
    assert len(frame) == r.spike_count()


def test_plots_draw_on_the_axes_they_are_given(examples):
    import matplotlib.pyplot as plt

    r = neurosim.run(examples / "cuba.yaml", duration="200 ms")
    fig, (a, b, c) = plt.subplots(3, 1)
    assert r.plot_raster(ax=a, max_neurons=100) is a
    assert sum(len(col.get_offsets()) for col in a.collections) > 0
    assert r.plot_state("exc", "v", ax=b) is b and len(b.lines) == 3
    assert r.plot_rates(ax=c) is c and len(c.lines) == 2
    plt.close(fig)


def test_a_missing_jar_says_how_to_build_it(tmp_path, repository):
    code = "import neurosim\ntry:\n    neurosim.run('x.yaml')\nexcept neurosim.JarNotFoundError as e:\n    print(e)\n"
    env = dict(os.environ, NEUROSIM_JAR=str(tmp_path / "neurosim.jar"), PYTHONPATH=str(repository / "python"))
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert p.returncode == 0, p.stderr
    assert "no such file" in p.stdout and "mvn -B package -DskipTests" in p.stdout


def test_a_numerical_failure_raises_with_the_clis_message(jar, tmp_path):
    config = tmp_path / "blowup.yaml"
    config.write_text("name: blowup\nduration: 50 ms\ndt: 0.5 ms\nintegrator: euler\n"
                      "populations: {n: {model: hh, size: 1, input: 200 uA/cm^2}}\n")
    p = cli_run(jar, config, tmp_path / "out")
    assert p.returncode == 3, p.stderr
    expected = p.stderr.strip().splitlines()[-1][len("neurosim: "):]
    with pytest.raises(neurosim.NumericalFailure) as e:
        neurosim.run(config)
    assert str(e.value) == expected and expected.startswith("numerical failure: population n, neuron 0: v became")


def test_synapses_given_as_numpy_arrays_arrive_with_their_own_delays():
    cfg = {"name": "arrays", "dt": "0.1 ms", "duration": "10 ms",
           "populations": {"pre": {"model": "spike-times", "size": 2, "times": [["1 ms"], ["2 ms"]]},
                           "post": {"model": "lif", "size": 3, "params": {"tau_m": "10 ms", "v_th": 0.5}}},
           "projections": [{"from": "pre", "to": "post", "connect": {"arrays": "syn"}, "weight": 1, "delay": "1 ms",
                            "synapse": {"kernel": "delta"}}],
           "record": {"spikes": ["post"]}}
    syn = (np.array([1, 0, 1]), np.array([1, 0, 2]), np.array([1.0, 1.0, 0.1]), np.array([2.5, 1.0, 1.0]))
    r = neurosim.run(cfg, arrays={"syn": syn})
    neurons, times = r.spikes("post")
    assert neurons.tolist() == [0, 1]                        # 0.1 onto neuron 2 stays below threshold
    assert times == pytest.approx([2.0e-3, 4.5e-3], abs=1e-12)   # each at its spike + its own delay
    with pytest.raises(neurosim.ConfigError, match=r"projections\[0\]\.connect\.arrays: no synapse arrays are "
                                                   r"registered as 'syn'"):
        neurosim.run(cfg)
