"""pyNN.neurosim's connections: lists sent as arrays (each connection with its own weight and delay, seen in the
membrane at its exact arrival), and the connectors NeuroSim draws itself (native.py), whose counts and weight and
delay laws are PyNN's."""
import math

import numpy as np
import pytest

pytest.importorskip("pyNN")

import neurosim  # noqa: E402


@pytest.fixture(scope="module")
def sim(jar):
    return neurosim.use_pynn()


def psp(s, w, cm, tau_m, tau_s):
    """V - v_rest (mV) at s ms after an exponential current of peak w (nA), decay tau_s, enters a LIF (C = cm nF)."""
    s = np.maximum(s, 0.0)
    return w / cm * tau_m * tau_s / (tau_m - tau_s) * (np.exp(-s / tau_m) - np.exp(-s / tau_s))


def test_from_list_each_connection_arrives_with_its_own_weight_at_its_own_delay(sim):
    # two sources onto three IF_curr_exp cells below threshold: V - v_rest is the sum of the closed-form PSPs of
    # the listed connections, each arriving at its spike + its delay rounded to whole steps (at least one): 0.34 ms
    # is 0.3 ms, 0.05 ms one step; a pair listed twice is two synapses
    dt, cm, tau_m, tau_s = 0.1, 0.25, 20.0, 5.0
    conns = [(0, 0, 0.3, 1.5), (1, 0, -0.2, 4.0), (0, 1, 0.25, 0.34), (1, 2, 0.1, 0.05), (0, 2, 0.4, 2.2),
             (0, 2, 0.15, 7.7)]
    sim.setup(timestep=dt, min_delay=dt)
    src = sim.Population(2, sim.SpikeSourceArray(spike_times=[[5.0, 20.0], [12.3]]))
    cells = sim.Population(3, sim.IF_curr_exp(cm=cm, tau_m=tau_m, tau_syn_E=tau_s, tau_syn_I=tau_s, v_rest=-65.0,
                                              v_thresh=0.0))
    cells.initialize(v=-65.0)
    prj = sim.Projection(src, cells, sim.FromListConnector(conns), sim.StaticSynapse())
    assert not prj.native and len(prj) == 6
    cells.record("v")
    sim.run(40.0)
    v = np.asarray(cells.get_data().segments[0].analogsignals[0].magnitude)
    got = sorted(prj.get(["weight", "delay"], format="list"))
    sim.end()
    t = np.arange(v.shape[0]) * dt
    spikes = {0: [5.0, 20.0], 1: [12.3]}
    expected = np.full((t.size, 3), -65.0)
    for i, j, w, d in conns:
        steps = max(1, math.floor(d / dt + 0.5))
        for ts in spikes[i]:
            expected[:, j] += psp(t - ts - steps * dt, w, cm, tau_m, tau_s)
    assert np.max(np.abs(expected + 65.0)) > 1.0
    assert np.max(np.abs(v - expected)) < 1e-7 * 2.0    # every grid point, to 1e-7 of the PSPs' size
    # read back as simulated: delays in whole steps
    assert got == sorted([(i, j, w, round(max(1, math.floor(d / dt + 0.5)) * dt, 12)) for i, j, w, d in conns])


def test_from_file_with_weights_and_delays_per_connection(sim, tmp_path):
    dt = 0.1
    f = tmp_path / "conns.txt"
    f.write_text("# columns = ['i', 'j', 'weight', 'delay', 'U']\n0 1 0.5 1.0 0.2\n1 0 0.25 2.0 0.4\n2 1 0.5 3.0 0.2\n")
    sim.setup(timestep=dt)
    a = sim.Population(3, sim.SpikeSourceArray(spike_times=[1.0]))
    b = sim.Population(2, sim.IF_curr_exp())
    prj = sim.Projection(a, b, sim.FromFileConnector(str(f)), sim.TsodyksMarkramSynapse())
    sim.run(10.0)
    got = prj.get(["weight", "delay", "U"], format="list")
    sim.end()
    assert sorted(got) == [(0, 1, 0.5, 1.0, 0.2), (1, 0, 0.25, 2.0, 0.4), (2, 1, 0.5, 3.0, 0.2)]


def test_from_list_refuses_indices_outside_the_populations(sim):
    from pyNN.errors import ConnectionError
    sim.setup()
    a = sim.Population(2, sim.SpikeSourceArray())
    b = sim.Population(2, sim.IF_curr_exp())
    with pytest.raises(ConnectionError, match="target index out of range"):
        sim.Projection(a, b, sim.FromListConnector([(0, 2, 0.1, 1.0)]))
    sim.end()


def counts(prj, axis):
    pre, post = np.array(prj.get("weight", format="list"))[:, :2].T.astype(int)
    return np.bincount(post if axis == "post" else pre, minlength=prj.post.size if axis == "post" else prj.pre.size)


@pytest.mark.parametrize("replace", [False, True])
def test_native_fixed_numbers_are_exact(sim, replace):
    sim.setup(timestep=0.1, rng_seed=3)
    a = sim.Population(300, sim.SpikeSourcePoisson(rate=5.0))
    b = sim.Population(200, sim.IF_curr_exp())
    syn = sim.StaticSynapse(weight=0.1, delay=1.0)
    pre = sim.Projection(a, b, sim.FixedNumberPreConnector(40, with_replacement=replace), syn)
    post = sim.Projection(a, b, sim.FixedNumberPostConnector(25, with_replacement=replace), syn)
    total = sim.Projection(a, b, sim.FixedTotalNumberConnector(5000, with_replacement=replace), syn)
    self_pre = sim.Projection(b, b, sim.FixedNumberPreConnector(199, allow_self_connections=False,
                                                               with_replacement=replace), syn)
    assert pre.native and post.native and total.native and self_pre.native
    assert (len(pre), len(post), len(total), len(self_pre)) == (8000, 7500, 5000, 39800)   # before any build
    for when in ("before run", "after run"):
        assert np.all(counts(pre, "post") == 40), when        # exactly K per target
        assert np.all(counts(post, "pre") == 25), when        # exactly K per source
        assert len(total.get("weight", format="list")) == 5000, when
        pairs = np.array(self_pre.get("weight", format="list"))[:, :2].astype(int)
        assert not np.any(pairs[:, 0] == pairs[:, 1]), when    # no autapse
        if not replace:
            for prj in (pre, post, total, self_pre):
                p = np.array(prj.get("weight", format="list"))[:, :2].astype(int)
                assert len(np.unique(p[:, 0] * 1000 + p[:, 1])) == len(p), when   # no multapse
        else:   # with replacement: about 40^2 / (2 * 300) = 2.7 repeated sources per target
            p = np.array(pre.get("weight", format="list"))[:, :2].astype(int)
            repeats = len(p) - len(np.unique(p[:, 0] * 1000 + p[:, 1]))
            assert 200 * 1.5 < repeats < 200 * 4.5
        first = sorted(pre.get("weight", format="list"))
        sim.run(1.0)
    assert sorted(pre.get("weight", format="list")) == first   # read before the run: the synapses it simulated
    sim.end()


def test_native_probability_all_to_all_and_one_to_one(sim):
    sim.setup(timestep=0.1, rng_seed=5)
    a = sim.Population(400, sim.IF_curr_exp())
    b = sim.Population(400, sim.IF_curr_exp())
    prob = sim.Projection(a, b, sim.FixedProbabilityConnector(0.05), sim.StaticSynapse(weight=0.2))
    no_self = sim.Projection(a, a, sim.AllToAllConnector(allow_self_connections=False), sim.StaticSynapse(weight=0.1))
    one = sim.Projection(a, b, sim.OneToOneConnector(), sim.StaticSynapse(weight=0.3, delay=0.5))
    assert prob.native and no_self.native and one.native
    sim.run(0.1)
    n = len(prob)
    assert abs(n - 8000) < 4 * math.sqrt(8000 * 0.95)          # Binomial(160000, 0.05)
    assert len(no_self) == 400 * 399
    assert sorted(one.get(["weight", "delay"], format="list")) == [(i, i, 0.3, 0.5) for i in range(400)]
    w = prob.get("weight", format="array")
    assert np.nansum(w) == pytest.approx(0.2 * n) and np.count_nonzero(~np.isnan(w)) == n
    sim.end()


def test_native_weights_and_delays_follow_pynn_laws(sim):
    # normal_clipped redraws outside [low, high] (a truncated normal), normal_clipped_to_boundary piles the rest
    # on the bounds, lognormal's mu and sigma are those of log w; delays round to whole steps
    from pyNN.random import RandomDistribution as RD
    dt = 0.1
    sim.setup(timestep=dt, rng_seed=11)
    a = sim.Population(500, sim.SpikeSourcePoisson(rate=1.0))
    b = sim.Population(200, sim.IF_curr_exp())
    conn = sim.FixedTotalNumberConnector(40000)
    redraw = sim.Projection(a, b, conn, sim.StaticSynapse(weight=RD("normal_clipped", mu=0.1, sigma=0.1, low=0.0,
                                                                    high=np.inf),
                                                         delay=RD("normal_clipped", mu=1.5, sigma=0.75, low=0.5,
                                                                  high=np.inf)))
    clip = sim.Projection(a, b, conn, sim.StaticSynapse(
        weight=RD("normal_clipped_to_boundary", mu=0.1, sigma=0.1, low=0.0, high=np.inf), delay=1.0))
    logn = sim.Projection(a, b, conn, sim.StaticSynapse(weight=RD("lognormal", mu=-2.0, sigma=0.5),
                                                       delay=RD("uniform", low=1.0, high=3.0)))
    inh = sim.Projection(a, b, conn, sim.StaticSynapse(weight=RD("normal_clipped", mu=-0.1, sigma=0.05, low=-np.inf,
                                                                 high=0.0)), receptor_type="inhibitory")
    unsafe = sim.Projection(a, b, conn, sim.StaticSynapse(weight=RD("normal", mu=0.1, sigma=0.01)))
    assert redraw.native and clip.native and logn.native and inh.native
    assert not unsafe.native   # a normal weight may go negative: PyNN's code draws and checks it
    sim.run(0.1)
    w = np.array(redraw.get("weight", format="list", with_address=False))
    # truncated normal N(0.1, 0.1) on [0, inf): mean 0.1 + 0.1 phi(1) / Phi(1) = 0.12876
    assert w.min() > 0 and abs(w.mean() - 0.12876) < 0.002
    d = np.array(redraw.get("delay", format="list", with_address=False))
    assert d.min() >= 0.5 and np.allclose(d / dt, np.rint(d / dt), atol=1e-9)
    # truncated N(1.5, 0.75) on [0.5, inf): mean 1.5 + 0.75 phi(-4/3) / (1 - Phi(-4/3)) = 1.6379 (before rounding)
    assert abs(d.mean() - 1.6379) < 0.02
    wc = np.array(clip.get("weight", format="list", with_address=False))
    assert abs(np.mean(wc == 0.0) - 0.1587) < 0.01              # Phi(-1) of the draws clipped up to 0
    wl = np.array(logn.get("weight", format="list", with_address=False))
    assert abs(np.mean(np.log(wl)) + 2.0) < 0.01 and abs(np.std(np.log(wl)) - 0.5) < 0.01
    dl = np.array(logn.get("delay", format="list", with_address=False))
    assert dl.min() == 1.0 and dl.max() == 3.0 and abs(dl.mean() - 2.0) < 0.02
    wi = np.array(inh.get("weight", format="list", with_address=False))
    assert wi.max() < 0
    sim.end()


def test_native_connections_survive_reset_and_set(sim):
    sim.setup(timestep=0.1, rng_seed=2)
    a = sim.Population(50, sim.SpikeSourceArray(spike_times=[1.0]))
    b = sim.Population(50, sim.IF_curr_exp())
    prj = sim.Projection(a, b, sim.FixedProbabilityConnector(0.2), sim.StaticSynapse(weight=0.1, delay=1.0))
    sim.run(5.0)
    first = sorted(prj.get("weight", format="list"))
    sim.reset()
    assert sorted(prj.get("weight", format="list")) == first
    sim.run(5.0)
    assert sorted(prj.get("weight", format="list")) == first      # built again: the same draws
    sim.reset()
    prj.set(weight=0.25)                                           # now sent as arrays, the same synapses
    assert not prj.native
    sim.run(5.0)
    assert sorted(prj.get("weight", format="list")) == [(i, j, 0.25) for i, j, _ in first]
    sim.end()


def test_arrays_and_native_agree_in_law(sim):
    # PyNN's own FixedNumberPreConnector (native_connectors=False: sent as arrays) and NeuroSim's in_degree
    for native in (True, False):
        sim.setup(timestep=0.1, native_connectors=native)
        a = sim.Population(100, sim.IF_curr_exp())
        prj = sim.Projection(a, a, sim.FixedNumberPreConnector(10, allow_self_connections=False),
                             sim.StaticSynapse(weight=0.05, delay=1.5))
        assert prj.native == native
        sim.run(1.0)
        assert np.all(counts(prj, "post") == 10)
        assert set(prj.get("delay", format="list", with_address=False)) == {1.5}
        sim.end()


def test_every_other_connector_goes_as_arrays(sim):
    # PyNN's generic connectors (their own code, through _convergent_connect) and native ones between views: the
    # connections PyNN made are the ones NeuroSim simulates (read back from the engine's projection sizes).
    # (SmallWorldConnector raises NotImplementedError in PyNN 0.10.1 itself; CSAConnector needs the csa package.)
    from pyNN.connectors import IndexBasedExpression

    class Below(IndexBasedExpression):
        def __call__(self, i, j):
            return np.where(i > j, 1.0, 0.0)

    sim.setup(timestep=0.1, rng_seed=4)
    a = sim.Population(30, sim.SpikeSourcePoisson(rate=10.0))
    b = sim.Population(20, sim.IF_curr_exp())
    syn = sim.StaticSynapse(weight=0.05, delay=1.0)
    prjs = [sim.Projection(a, b, c, syn) for c in (
        sim.DistanceDependentProbabilityConnector("d < 5"),
        sim.IndexBasedProbabilityConnector(Below()),
        sim.DisplacementDependentProbabilityConnector(lambda d: np.exp(-np.abs(d[0]))),
        sim.ArrayConnector(np.eye(30, 20, dtype=bool)),
        sim.FixedProbabilityConnector(0.3))]
    prjs.append(sim.Projection(a, b, sim.CloneConnector(prjs[-1]), syn))
    prjs.append(sim.Projection(a[5:15], b[::2], sim.AllToAllConnector(), syn))
    assert [p.native for p in prjs] == [False, False, False, False, True, False, False]
    before = [p.get("weight", format="array") for p in prjs]
    sim.run(1.0)
    engine = sim.simulator.state.network.projections()
    for p, w in zip(prjs, before):
        assert len(p) > 0
        counted = sum(int(engine.get(p.ns_index + g).synapseCount()) for g in range(p.ns_count))
        assert counted == len(p)
        assert np.array_equal(np.isnan(w), np.isnan(p.get("weight", format="array")))
    assert len(prjs[6]) == 10 * 10 and len(prjs[3]) == 20
    sim.end()
