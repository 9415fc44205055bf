import numpy as np

from pyNN import common
from pyNN.space import Space

from . import simulator
from . import plasticity
from .standardmodels import StaticSynapse

MAX_MATRIX = 4_000_000   # entries of one explicit weight matrix (source size x target size), sent as YAML text


class Connection(common.Connection):
    """Connection k of a projection: indices in its pre and post, weight (nA or uS), delay (ms) and the synapse
    type's other parameters (U, tau_plus, ... as attributes); setting them changes the projection (before the first
    run())."""

    def __init__(self, projection, k):
        self._prj = projection
        self._k = k
        self.presynaptic_index = int(projection._pre[k])
        self.postsynaptic_index = int(projection._post[k])

    def _get(self, name):
        if name == "_w":
            learned = plasticity.learned_weights(self._prj)
            if learned is not None:
                return float(learned[self._k])
        return float(getattr(self._prj, name)[self._k])

    def __getattr__(self, name):
        params = self.__dict__.get("_prj") and self._prj._params
        if params and name in params:
            return float(params[name][self._k])
        if params and name + "s" in params:   # Projection.get(format="array") strips a final s: "A_plus" -> "A_plu"
            return float(params[name + "s"][self._k])
        raise AttributeError(name)

    def _set(self, name, value):
        self._prj._changed("changing a connection's weight or delay")
        getattr(self._prj, name)[self._k] = value

    weight = property(lambda self: self._get("_w"), lambda self, v: self._set("_w", v))
    delay = property(lambda self: self._get("_d"), lambda self, v: self._set("_d", v))

    def as_tuple(self, *attribute_names):
        return tuple(getattr(self, name) for name in attribute_names)


class Projection(common.Projection):
    __doc__ = common.Projection.__doc__
    _simulator = simulator
    _static_synapse_class = StaticSynapse

    def __init__(self, presynaptic_population, postsynaptic_population, connector, synapse_type=None, source=None,
                 receptor_type=None, space=Space(), label=None):
        simulator.state.refuse_if_built("creating a Projection")
        common.Projection.__init__(self, presynaptic_population, postsynaptic_population, connector, synapse_type,
                                   source, receptor_type, space, label)
        plasticity.check_synapse_type(self.synapse_type)
        if self.receptor_type not in ("excitatory", "inhibitory"):
            raise NotImplementedError(f"pyNN.neurosim: receptor type {self.receptor_type!r}")
        self._pre, self._post, self._w, self._d = [], [], [], []
        self._params = {}   # the synapse type's other parameters, one value per connection
        connector.connect(self)
        simulator.state.projections.append(self)

    def __len__(self):
        return len(self._arrays()[0])

    def _set_attributes(self, parameter_space):
        """Projection.set() before the first run(): values as (pre size x post size) matrices, read at each
        connection's (pre, post)."""
        self._changed("Projection.set()")
        parameter_space.evaluate(simplify=False)
        pre, post, w, d = self._arrays()
        for name, value in parameter_space.items():
            if name not in ("weight", "delay") and name not in self._params:
                raise NotImplementedError(f"pyNN.neurosim: setting {name!r} of a projection")
            m = np.broadcast_to(np.asarray(value, dtype=float), (self.pre.size, self.post.size))
            target = w if name == "weight" else d if name == "delay" else self._params[name]
            target[:] = m[pre, post]

    def _changed(self, what):
        """Static weights and delays may change between runs (the next run rebuilds the network from the new values
        and continues from the old one's state); a plastic projection's synapses keep their learnt state there, so a
        change to them after a run is refused."""
        if simulator.state.built and not isinstance(self.synapse_type, StaticSynapse):
            simulator.state.refuse_if_built(f"{what} of a plastic projection")
        simulator.state.changed(what)

    def _set_initial_value_array(self, variable, value):
        raise NotImplementedError(f"pyNN.neurosim: Projection.initialize({variable}=...) (plastic synapses start at "
                                  f"rest: TsodyksMarkramSynapse's u at 0 and x at 1, STDP traces at 0)")

    def _convergent_connect(self, presynaptic_indices, postsynaptic_index, **connection_parameters):
        if not isinstance(self._pre, list):   # read since (len(), connections): back to lists of arrays
            self._pre, self._post, self._w, self._d = [self._pre], [self._post], [self._w], [self._d]
            self._params = {k: [v] for k, v in self._params.items()}
        pre = np.asarray(presynaptic_indices, dtype=int).reshape(-1)
        n = pre.size
        w = np.broadcast_to(np.asarray(connection_parameters.pop("weight"), dtype=float), (n,)).copy()
        d = np.broadcast_to(np.asarray(connection_parameters.pop("delay"), dtype=float), (n,)).copy()
        for name, value in connection_parameters.items():
            if name not in plasticity.parameter_names(self.synapse_type):
                raise NotImplementedError(f"pyNN.neurosim: connection parameter {name!r}")
            self._params.setdefault(name, []).append(
                np.broadcast_to(np.asarray(value, dtype=float), (n,)).copy())
        self._pre.append(pre)
        self._post.append(np.full(n, int(postsynaptic_index)))
        self._w.append(w)
        self._d.append(d)

    def _arrays(self):
        """The connections as four arrays (pre index, post index, weight, delay), kept as one array each."""
        if isinstance(self._pre, list):
            cat = lambda a, t: np.concatenate(a) if a else np.zeros(0, t)
            self._pre, self._post = cat(self._pre, int), cat(self._post, int)
            self._w, self._d = cat(self._w, float), cat(self._d, float)
            self._params = {k: cat(v, float) for k, v in self._params.items()}
        return self._pre, self._post, self._w, self._d

    @property
    def connections(self):
        self._arrays()
        return [Connection(self, k) for k in range(len(self._pre))]

    def ns_projections(self):
        """NeuroSim projections of this one: an explicit weight matrix (rows = targets) per (source population,
        target population, delay in steps); connections of one pair with the same delay add their weights."""
        pre, post, w, d = self._arrays()
        if pre.size == 0:
            return []
        st = simulator.state
        pre_ids = self.pre.all_cells[pre].astype(int)
        post_ids = self.post.all_cells[post].astype(int)
        pops = [p for p in st.populations if p.size]
        firsts = np.array([int(p.first_id) for p in pops])
        pre_pop = np.searchsorted(firsts, pre_ids, side="right") - 1
        post_pop = np.searchsorted(firsts, post_ids, side="right") - 1
        steps = np.rint(d / st.dt).astype(np.int64)
        names = sorted(self._params)
        keys = np.stack([pre_pop, post_pop, steps] + [self._params[k] for k in names], axis=1)
        uniq, inverse = np.unique(keys, axis=0, return_inverse=True)
        plasticity.check_groups(self, len(uniq))
        out = []
        self.ns_groups = []   # per NeuroSim projection: its connections, sources and targets within its populations
        for g, row in enumerate(uniq):
            a, b, s = int(row[0]), int(row[1]), int(row[2])
            ks = np.flatnonzero(inverse.reshape(-1) == g)
            sp, tp = pops[a], pops[b]
            src, tgt = sp.ns_name, tp.ns_name
            if sp.size * tp.size > MAX_MATRIX:
                raise NotImplementedError(f"pyNN.neurosim: a projection between populations of {sp.size} and "
                                          f"{tp.size} neurons (connections go to NeuroSim as a dense weight "
                                          f"matrix, at most {MAX_MATRIX} entries for now)")
            m = np.zeros((tp.size, sp.size))
            cells = (post_ids[ks] - int(tp.first_id), pre_ids[ks] - int(sp.first_id))
            np.add.at(m, cells, w[ks])
            syn = self._synapse(tp)
            si = {"1 nA": 1e-9, "1 uS": 1e-6, "1 mV": 1e-3}[syn["unit"]]   # the engine holds weights in A, S or V
            self.ns_groups.append((ks, cells[1], cells[0], tp.size, si))
            rule = plasticity.block(self, dict(zip(names, row[3:])), syn, cells, w[ks])
            if rule:
                syn["plasticity"] = rule
            out.append({"from": src, "to": tgt, "connect": {"weights": m.tolist()}, "weight": syn.pop("unit"),
                        "delay": simulator._q(s * st.dt, "ms"), "synapse": syn})
        return out

    def _synapse(self, target):
        from . import standardmodels as sm
        ct = target.celltype
        exc = self.receptor_type == "excitatory"
        if isinstance(ct, (sm.IF_curr_delta, sm.Izhikevich)):   # voltage jumps, weights in mV
            return {"kernel": "delta", "unit": "1 mV"}
        tau = simulator._one(target, "tau_syn_E" if exc else "tau_syn_I", "ms")
        # peak-normalised kernels: exponential w e^(-t/tau), alpha w (t/tau) e^(1 - t/tau), as PyNN defines them
        if isinstance(ct, (sm.IF_curr_exp, sm.IF_curr_alpha)):
            kernel = "exponential" if isinstance(ct, sm.IF_curr_exp) else "alpha"
            return {"kernel": kernel, "tau": tau, "normalize": "peak", "unit": "1 nA"}
        if isinstance(ct, (sm.IF_cond_exp, sm.IF_cond_alpha, sm.EIF_cond_exp_isfa_ista, sm.EIF_cond_alpha_isfa_ista,
                           sm.HH_cond_exp)):
            kernel = "alpha" if isinstance(ct, (sm.IF_cond_alpha, sm.EIF_cond_alpha_isfa_ista)) else "exponential"
            return {"kernel": kernel, "tau": tau, "normalize": "peak", "unit": "1 uS",
                    "reversal": simulator._one(target, "e_rev_E" if exc else "e_rev_I", "mV")}
        raise NotImplementedError(f"pyNN.neurosim: projections onto {ct.__class__.__name__}")
