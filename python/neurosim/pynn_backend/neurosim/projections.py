import numpy as np

from pyNN import common
from pyNN.space import Space

from . import simulator
from .standardmodels import StaticSynapse

MAX_MATRIX = 4_000_000   # entries of one explicit weight matrix (source size x target size), sent as YAML text


class Connection(common.Connection):
    """Connection k of a projection: indices in its pre and post, weight (nA or uS) and delay (ms); setting weight
    or delay changes the projection (before the first run())."""

    def __init__(self, projection, k):
        self._prj = projection
        self._k = k
        self.presynaptic_index = int(projection._pre[k])
        self.postsynaptic_index = int(projection._post[k])

    def _get(self, name):
        return float(getattr(self._prj, name)[self._k])

    def _set(self, name, value):
        simulator.state.refuse_if_built("changing a connection's weight or delay")
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
        if type(self.synapse_type) is not StaticSynapse:
            raise NotImplementedError(f"pyNN.neurosim: synapse type {type(self.synapse_type).__name__} "
                                      f"(only StaticSynapse is supported yet)")
        if self.receptor_type not in ("excitatory", "inhibitory"):
            raise NotImplementedError(f"pyNN.neurosim: receptor type {self.receptor_type!r}")
        self._pre, self._post, self._w, self._d = [], [], [], []
        connector.connect(self)
        simulator.state.projections.append(self)

    def __len__(self):
        return len(self._arrays()[0])

    def _set_attributes(self, parameter_space):
        """Projection.set() before the first run(): values as (pre size x post size) matrices, read at each
        connection's (pre, post)."""
        simulator.state.refuse_if_built("Projection.set()")
        parameter_space.evaluate(simplify=False)
        pre, post, w, d = self._arrays()
        for name, value in parameter_space.items():
            if name not in ("weight", "delay"):
                raise NotImplementedError(f"pyNN.neurosim: setting {name!r} of a projection")
            m = np.broadcast_to(np.asarray(value, dtype=float), (self.pre.size, self.post.size))
            (w if name == "weight" else d)[:] = m[pre, post]

    def _convergent_connect(self, presynaptic_indices, postsynaptic_index, **connection_parameters):
        if not isinstance(self._pre, list):   # read since (len(), connections): back to lists of arrays
            self._pre, self._post, self._w, self._d = [self._pre], [self._post], [self._w], [self._d]
        pre = np.asarray(presynaptic_indices, dtype=int).reshape(-1)
        n = pre.size
        w = np.broadcast_to(np.asarray(connection_parameters.pop("weight"), dtype=float), (n,)).copy()
        d = np.broadcast_to(np.asarray(connection_parameters.pop("delay"), dtype=float), (n,)).copy()
        if connection_parameters:
            raise NotImplementedError(f"pyNN.neurosim: connection parameters {sorted(connection_parameters)}")
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
        keys = np.stack([pre_pop, post_pop, steps], axis=1)
        uniq, inverse = np.unique(keys, axis=0, return_inverse=True)
        out = []
        for g, (a, b, s) in enumerate(uniq):
            ks = np.flatnonzero(inverse.reshape(-1) == g)
            sp, tp = pops[a], pops[b]
            src, tgt = sp.ns_name, tp.ns_name
            if sp.size * tp.size > MAX_MATRIX:
                raise NotImplementedError(f"pyNN.neurosim: a projection between populations of {sp.size} and "
                                          f"{tp.size} neurons (connections go to NeuroSim as a dense weight "
                                          f"matrix, at most {MAX_MATRIX} entries for now)")
            m = np.zeros((tp.size, sp.size))
            np.add.at(m, (post_ids[ks] - int(tp.first_id), pre_ids[ks] - int(sp.first_id)), w[ks])
            syn = self._synapse(tp)
            out.append({"from": src, "to": tgt, "connect": {"weights": m.tolist()}, "weight": syn.pop("unit"),
                        "delay": simulator._q(s * st.dt, "ms"), "synapse": syn})
        return out

    def _synapse(self, target):
        from . import standardmodels as sm
        ct = target.celltype
        exc = self.receptor_type == "excitatory"
        tau = simulator._one(target, "tau_syn_E" if exc else "tau_syn_I", "ms")
        if isinstance(ct, sm.IF_curr_exp):
            return {"kernel": "exponential", "tau": tau, "normalize": "peak", "unit": "1 nA"}
        if isinstance(ct, sm.IF_cond_exp):
            return {"kernel": "exponential", "tau": tau, "normalize": "peak", "unit": "1 uS",
                    "reversal": simulator._one(target, "e_rev_E" if exc else "e_rev_I", "mV")}
        raise NotImplementedError(f"pyNN.neurosim: projections onto {ct.__class__.__name__}")
