"""pyNN.neurosim's HH_cond_exp, Izhikevich and IF_curr_delta, and gsyn recording, each against a reference named in
its test: an accurate SciPy solution of NEST's hh_cond_exp_traub equations, NEST's izhikevich update rule written out
(forward Euler, consistent_integration), iaf_psc_delta's closed form, and the exponential conductance's closed form."""
import math

import numpy as np
import pytest

pytest.importorskip("pyNN")

import neurosim  # noqa: E402


@pytest.fixture(scope="module")
def sim(jar):
    return neurosim.use_pynn()


HH = {'gbar_Na': 20.0, 'gbar_K': 6.0, 'g_leak': 0.01, 'cm': 0.2, 'v_offset': -63.0, 'e_rev_Na': 50.0,
      'e_rev_K': -90.0, 'e_rev_leak': -65.0, 'e_rev_E': 0.0, 'e_rev_I': -80.0, 'tau_syn_E': 0.2, 'tau_syn_I': 2.0,
      'i_offset': 1.0}


def traub(t, y, p):
    """NEST's hh_cond_exp_traub right-hand side (mV, ms, nS, pF, pA), as in its models/hh_cond_exp_traub.cpp."""
    v, m, h, n = y
    u = v - p['v_offset']
    an = 0.032 * (15 - u) / (math.exp((15 - u) / 5) - 1)
    bn = 0.5 * math.exp((10 - u) / 40)
    am = 0.32 * (13 - u) / (math.exp((13 - u) / 4) - 1)
    bm = 0.28 * (u - 40) / (math.exp((u - 40) / 5) - 1)
    ah = 0.128 * math.exp((17 - u) / 18)
    bh = 4 / (1 + math.exp((40 - u) / 5))
    i_ion = (1e3 * p['gbar_Na'] * m ** 3 * h * (v - p['e_rev_Na']) + 1e3 * p['gbar_K'] * n ** 4 * (v - p['e_rev_K'])
             + 1e3 * p['g_leak'] * (v - p['e_rev_leak']))
    return [(-i_ion + 1e3 * p['i_offset']) / (1e3 * p['cm']), am - (am + bm) * m, ah - (ah + bh) * h,
            an - (an + bn) * n]


def test_hh_cond_exp_follows_an_accurate_solution_of_nests_equations(sim):
    from scipy.integrate import solve_ivp
    dt, tstop = 0.01, 20.0
    sim.setup(timestep=dt)
    cell = sim.Population(2, sim.HH_cond_exp(**HH))
    cell[1:2].set(gbar_K=4.0, e_rev_leak=-60.0)   # a value per neuron: neuron 1 its own
    cell.initialize(v=-64.0)                       # m, h, n: PyNN's initial values 0, 1, 0
    cell.record(["v", "spikes"])
    sim.run(tstop)
    data = cell.get_data().segments[0]
    v = np.asarray(data.filter(name="v")[0])
    spikes = [np.asarray(s) for s in data.spiketrains]
    sim.end()
    t = np.arange(0, tstop + dt / 2, dt)
    for i, p in enumerate([HH, dict(HH, gbar_K=4.0, e_rev_leak=-60.0)]):
        ref = solve_ivp(traub, (0, tstop), [-64.0, 0.0, 1.0, 0.0], args=(p,), t_eval=t, method="DOP853",
                        rtol=1e-11, atol=1e-11)
        # dormand-prince at its default tolerance: within 0.05 mV of the accurate trace through the spikes' upstrokes
        # (where V moves by up to 100 mV/ms), 1e-3 mV between them
        err = np.abs(v[:, i] - ref.y[0])
        assert err.max() < 0.05, (i, err.max())
        assert np.median(err) < 1e-3, (i, np.median(err))
        # spikes: V_T + 30 mV reached, once per upstroke (NEST counts one per 2 ms of refractoriness)
        rises = np.flatnonzero((ref.y[0][:-1] < -33.0) & (ref.y[0][1:] >= -33.0))
        assert len(spikes[i]) == len(rises) >= 2
        assert np.all(np.abs(spikes[i] - t[rises + 1]) < dt)


def izhikevich_reference(steps, dt, a, b, c, d, i_pa, v0, u0, jumps):
    """NEST's izhikevich.cpp update (consistent_integration): v += h (0.04 v^2 + 5 v + 140 - u + I) + jumps,
    u += h a (b v_old - u_old) from the old values; v >= 30 mV: v = c, u += d, a spike at the step's end."""
    v, u, vs, us, spikes = v0, u0, [v0], [u0], []
    for k in range(steps):
        vo, uo = v, u
        v = vo + dt * (0.04 * vo * vo + 5 * vo + 140 - uo + i_pa) + jumps.get(k + 1, 0.0)
        u = uo + dt * a * (b * vo - uo)
        if v >= 30:
            v, u = c, u + d
            spikes.append((k + 1) * dt)
        vs.append(v)
        us.append(u)
    return np.array(vs), np.array(us), np.array(spikes)


def test_izhikevich_is_nests_forward_euler_with_voltage_jumps(sim):
    dt, tstop = 0.1, 200.0
    sim.setup(timestep=dt, min_delay=dt)
    src = sim.Population(1, sim.SpikeSourceArray(spike_times=[50.0, 120.0]))
    params = [dict(a=0.02, b=0.2, c=-65.0, d=8.0, i_offset=0.01), dict(a=0.1, b=0.2, c=-65.0, d=2.0, i_offset=0.0)]
    cells = sim.Population(2, sim.Izhikevich(a=[p["a"] for p in params], b=0.2, c=-65.0, d=[p["d"] for p in params],
                                             i_offset=[p["i_offset"] for p in params]))
    sim.Projection(src, cells, sim.AllToAllConnector(), sim.StaticSynapse(weight=20.0, delay=1.0))
    cells.record(["v", "u", "spikes"])
    sim.run(tstop)
    data = cells.get_data().segments[0]
    v, u = np.asarray(data.filter(name="v")[0]), np.asarray(data.filter(name="u")[0])
    spikes = [np.asarray(s) for s in data.spiketrains]
    sim.end()
    # arrivals at 51 and 121 ms, in the update that ends there (one weight for the projection: held in double)
    jumps = {510: 20.0, 1210: 20.0}
    for i, p in enumerate(params):
        rv, ru, rs = izhikevich_reference(2000, dt, p["a"], 0.2, -65.0, p["d"], 1e3 * p["i_offset"], -70.0, -14.0,
                                          jumps)
        assert np.abs(v[:, i] - rv).max() < 1e-9
        assert np.abs(u[:, i] - ru).max() < 1e-9
        # NeuroSim places the spike inside the step (linear interpolation); NEST at the step's end
        assert len(spikes[i]) == len(rs) >= 1
        assert np.all((spikes[i] > rs - dt) & (spikes[i] <= rs + 1e-9))


@pytest.mark.parametrize("precision", ["on_grid", "off_grid"])
def test_if_curr_delta_jumps_by_the_weight_and_decays_with_tau_m(sim, precision):
    dt, tau_m, w = 0.1, 20.0, 2.5
    sim.setup(timestep=dt, min_delay=dt, spike_precision=precision)
    src = sim.Population(1, sim.SpikeSourceArray(spike_times=[10.0]))
    cell = sim.Population(1, sim.IF_curr_delta(tau_m=tau_m, v_rest=-65.0, v_thresh=-50.0))
    cell.initialize(v=-65.0)
    sim.Projection(src, cell, sim.OneToOneConnector(), sim.StaticSynapse(weight=w, delay=1.5))
    cell.record("v")
    sim.run(50.0)
    v = np.asarray(cell.get_data().segments[0].filter(name="v")[0])[:, 0]
    sim.end()
    t = np.arange(v.size) * dt
    # iaf_psc_delta: V - v_rest = w e^(-(t - 11.5)/tau_m) from the arrival at 11.5 ms on (the jump shows at 11.5;
    # OneToOneConnector with one weight is drawn natively, its weight held in double)
    expected = -65.0 + np.where(t >= 11.5 - 1e-9, w * np.exp(-(t - 11.5) / tau_m), 0.0)
    if precision == "off_grid":
        # iaf_psc_delta_ps: the same, but the sample at the arrival's own instant shows V just before the jump
        # (NeuroSim's exact applies an arrival on a grid point at the start of the next step; NEST samples after it)
        expected[115] = -65.0
    assert np.abs(v - expected).max() < 1e-9


def test_gsyn_exc_and_inh_are_the_exponential_conductances(sim):
    dt, w_e, w_i, tau_e, tau_i = 0.1, 0.01, 0.02, 2.0, 8.0
    sim.setup(timestep=dt, min_delay=dt)
    src = sim.Population(1, sim.SpikeSourceArray(spike_times=[5.0, 7.0]))
    cell = sim.Population(1, sim.IF_cond_exp(tau_syn_E=tau_e, tau_syn_I=tau_i))
    sim.Projection(src, cell, sim.AllToAllConnector(), sim.StaticSynapse(weight=w_e, delay=1.0),
                   receptor_type="excitatory")
    sim.Projection(src, cell, sim.AllToAllConnector(), sim.StaticSynapse(weight=w_i, delay=2.0),
                   receptor_type="inhibitory")
    cell.record(["gsyn_exc", "gsyn_inh"])
    sim.run(40.0)
    data = cell.get_data().segments[0]
    ge = np.asarray(data.filter(name="gsyn_exc")[0])[:, 0]
    gi = np.asarray(data.filter(name="gsyn_inh")[0])[:, 0]
    sim.end()
    t = np.arange(ge.size) * dt

    def g(w, tau, arrivals):   # peak-normalised exponential: w e^(-(t - t_a)/tau) from each arrival on
        return sum(np.where(t >= a - 1e-9, w * np.exp(-(t - a) / tau), 0.0) for a in arrivals)

    assert np.abs(ge - g(w_e, tau_e, [6.0, 8.0])).max() < 1e-9
    assert np.abs(gi - g(w_i, tau_i, [7.0, 9.0])).max() < 1e-9


@pytest.mark.parametrize("precision", ["on_grid", "off_grid"])
def test_a_change_between_runs_acts_from_then_on(sim, precision):
    # Reference: the same change written as a schedule in one run. i_offset set to 0.6 nA after 50 ms equals a
    # StepCurrentSource adding 0.6 nA from 50 ms (on the grid, as pyNN.nest: V first changes at 50 + dt); spike
    # times set after the first run replace the rest of the train; a static weight set between runs acts on the next
    # arrivals. Everything the first run left (membranes, synaptic currents, spikes in flight) carries over.
    def network(changed):
        sim.setup(timestep=0.1, min_delay=0.1, spike_precision=precision)
        src = sim.Population(1, sim.SpikeSourceArray(spike_times=[10.0, 42.0, 60.0, 80.0]))
        cells = sim.Population(2, sim.IF_curr_exp(tau_m=10.0, cm=0.25, v_thresh=-50.0, tau_refrac=2.0))
        cells.initialize(v=-65.0)
        prj = sim.Projection(src, cells, sim.AllToAllConnector(), sim.StaticSynapse(weight=0.5, delay=7.0))
        cells.record(["v", "spikes"])
        if changed:
            sim.run(50.0)
            cells[1:2].set(i_offset=0.6)
            src.set(spike_times=[42.0, 65.0, 80.0])   # 42: already past
            prj.set(weight=1.0)
            sim.run(50.0)
        else:
            sim.StepCurrentSource(times=[50.0], amplitudes=[0.6]).inject_into(cells[1:2])
            src.set(spike_times=[10.0, 42.0, 65.0, 80.0])
            sim.run(100.0)
        data = cells.get_data().segments[-1] if not changed else cells.get_data()
        return data

    scheduled = network(False)
    v_ref = np.asarray(scheduled.filter(name="v")[0])
    spikes_ref = [np.asarray(s) for s in scheduled.spiketrains]
    sim.end()
    block = network(True)
    seg = block.segments[0]
    v = np.asarray(seg.filter(name="v")[0])
    spikes = [np.asarray(s) for s in seg.spiketrains]
    sim.end()
    # the weight: 0.5 nA for arrivals before 50 ms (17, 49), 1 nA after (72, 87); the reference has 0.5 throughout,
    # so compare up to the first arrival after the change, 72 ms, where they must part
    t = np.arange(v.shape[0]) * 0.1
    before = t <= 72.0 + 1e-9
    assert v.shape == v_ref.shape
    assert np.abs(v[before] - v_ref[before]).max() < 1e-12
    assert np.abs(v[~before] - v_ref[~before]).max() > 0.1
    assert [list(s[s <= 72.0]) for s in spikes] == [list(s[s <= 72.0]) for s in spikes_ref]
    assert len(spikes[1]) > len(spikes[0])   # neuron 1 got 0.6 nA more from 50 ms


@pytest.mark.parametrize("connector", ["all", "list"])   # native (turned into arrays) and as arrays
def test_tau_syn_per_neuron_gives_each_neuron_its_own_psc(sim, connector):
    # iaf_psc_exp's PSP for a current w e^(-t/tau_s): w/cm tau_m tau_s/(tau_m - tau_s) (e^(-t/tau_m) - e^(-t/tau_s)),
    # each neuron with its own tau_s (one NeuroSim projection per value, each with its kernel)
    dt, cm, tau_m, w, delay = 0.1, 0.25, 20.0, 0.4, 1.0
    taus = [1.5, 5.0, 5.0, 8.0]
    sim.setup(timestep=dt, min_delay=dt, spike_precision="on_grid")
    src = sim.Population(1, sim.SpikeSourceArray(spike_times=[10.0]))
    cells = sim.Population(4, sim.IF_curr_exp(cm=cm, tau_m=tau_m, tau_syn_E=taus, v_rest=-65.0, v_thresh=-40.0))
    cells.initialize(v=-65.0)
    conn = sim.AllToAllConnector() if connector == "all" else sim.FromListConnector([(0, i) for i in range(4)])
    sim.Projection(src, cells, conn, sim.StaticSynapse(weight=w, delay=delay), receptor_type="excitatory")
    cells.record("v")
    sim.run(60.0)
    v = np.asarray(cells.get_data().segments[0].filter(name="v")[0])
    sim.end()
    t = np.arange(v.shape[0]) * dt
    for i, tau_s in enumerate(taus):
        s = np.maximum(t - 11.0, 0.0)
        expected = -65.0 + w / cm * tau_m * tau_s / (tau_m - tau_s) * (np.exp(-s / tau_m) - np.exp(-s / tau_s))
        assert np.abs(v[:, i] - expected).max() < 1e-6 * w / cm * tau_m, (i, tau_s)
