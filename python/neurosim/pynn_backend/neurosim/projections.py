"""Projections of pyNN.neurosim. A projection reaches NeuroSim in one of two ways, and no synapse crosses as text:

- natively (native.py): a connector NeuroSim has the same rule for (all-to-all, one-to-one, fixed probability,
  fixed number pre/post, fixed total number, with weights and delays NeuroSim draws with the same law) is a
  projection block with that rule; NeuroSim draws the synapses, nothing per synapse crosses. Its connections are
  read back from the engine when asked for (Projection.get, connections, len(): after the first run from the
  network, before it from a build of that projection alone, which draws the same synapses).
- as arrays: every other connector (PyNN's generic ones through _convergent_connect, FromListConnector and
  FromFileConnector directly from their lists) collects its connections as NumPy arrays (pre, post, weight, delay and
  the synapse type's other parameters per connection), sent at the first run as one SynapseList per (source
  population, target population, set of plasticity parameters): connect: {arrays: KEY}, four Java arrays.

Delays round to whole steps, at least one, on both ways (NeuroSim's rule for delays given or drawn per synapse).
"""
from copy import deepcopy

import numpy as np

from pyNN import common, errors
from pyNN import connectors as pc
from pyNN.space import Space
from pyNN.standardmodels import StandardSynapseType

from . import native
from . import plasticity
from . import simulator
from .standardmodels import StaticSynapse


MAX_RECEPTOR_VALUES = 64   # distinct (tau_syn, e_rev) of one receptor within a target population


class Connection(common.Connection):
    """Connection k of a projection: indices in its pre and post, weight (nA or uS), delay (ms) and the synapse
    type's other parameters (U, tau_plus, ... as attributes); setting them changes the projection (before the first
    run())."""

    def __init__(self, projection, k):
        self._prj = projection
        self._k = k
        pre, post = projection._arrays()[:2]
        self.presynaptic_index = int(pre[k])
        self.postsynaptic_index = int(post[k])

    def __getattr__(self, name):
        prj = self.__dict__.get("_prj")
        if prj is None:
            raise AttributeError(name)
        return float(prj._column(name)[self._k])

    weight = property(lambda self: float(self._prj._column("weight")[self._k]),
                      lambda self, v: self._prj._set_one("weight", self._k, v))
    delay = property(lambda self: float(self._prj._column("delay")[self._k]),
                     lambda self, v: self._prj._set_one("delay", self._k, v))

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
        st = simulator.state
        st.projection_counter += 1
        self.ns_seed = st.projection_counter   # names its random stream in NeuroSim (the block's seed)
        self.ns_count = 0                       # its NeuroSim projections, from ns_index on
        self._pre, self._post, self._w, self._d = [], [], [], []
        self._params = {}   # the synapse type's other parameters, one value per connection
        self._native = native.plan(self, connector)
        if self._native is None:
            self._connect(connector)
        st.projections.append(self)

    # --- making the connections --------------------------------------------------------------------------------

    def _connect(self, connector):
        if type(connector) is pc.FromFileConnector:
            self._from_file(connector)
        elif type(connector) is pc.FromListConnector:
            self._from_list(connector)
        else:
            connector.connect(self)   # PyNN's generic code: _convergent_connect per target

    def _from_file(self, connector):
        """FromFileConnector.connect, then the list as arrays."""
        if connector.distributed:
            connector.file.rename("%s.%d" % (connector.file.name, simulator.state.mpi_rank))
        connector.column_names = connector.file.get_metadata().get('columns', ('weight', 'delay'))
        for ignore in "ij":
            if ignore in connector.column_names:
                connector.column_names.remove(ignore)
        connector.conn_list = connector.file.read()
        self._from_list(connector)

    def _from_list(self, connector):
        """FromListConnector.connect on whole columns: the synapse type's parameters for all the list's connections
        at once, its columns in their place (PyNN's code does this once per target, and orders the connections by
        target; here they keep the list's order)."""
        names = connector.column_names
        valid = self.synapse_type.get_parameter_names()
        for name in names:
            if name not in valid:
                raise ValueError("%s is not a valid parameter for %s" % (name, self.synapse_type.__class__.__name__))
        cl = np.asarray(connector.conn_list)
        if cl.size == 0:
            return
        if cl.ndim != 2 or cl.shape[1] != len(names) + 2:
            raise errors.ConnectionError(f"a connection list of {len(names) + 2} columns (pre, post, "
                                         f"{', '.join(names)}) expected, got the shape {cl.shape}")
        if np.any(cl[:, 0] >= self.pre.size) or np.any(cl[:, 0] < 0):
            raise errors.ConnectionError("source index out of range")
        if np.any(cl[:, 1] >= self.post.size) or np.any(cl[:, 1] < 0):
            raise errors.ConnectionError("target index out of range")
        ps = deepcopy(self.synapse_type.parameter_space)
        ps.shape = (len(cl),)
        for col, name in enumerate(names, 2):
            ps.update(**{name: np.array(cl[:, col], dtype=float)})   # a copy: the list stays the connector's
        if isinstance(self.synapse_type, StandardSynapseType):
            ps = self.synapse_type.translate(ps, copy=False)   # ps is this call's own copy
        ps.evaluate()
        self._add(cl[:, 0].astype(np.int64), cl[:, 1].astype(np.int64), dict(ps.items()), fresh=True)

    def _convergent_connect(self, presynaptic_indices, postsynaptic_index, **connection_parameters):
        pre = np.asarray(presynaptic_indices, dtype=np.int64).reshape(-1)
        self._add(pre, np.full(pre.size, int(postsynaptic_index), dtype=np.int64), connection_parameters)

    def _add(self, pre, post, parameters, fresh=False):
        """Appends connections: indices, and each parameter as one value or one per connection."""
        if not isinstance(self._pre, list):   # read since (len(), connections): back to lists of arrays
            self._pre, self._post, self._w, self._d = [self._pre], [self._post], [self._w], [self._d]
            self._params = {k: [v] for k, v in self._params.items()}
        parameters = dict(parameters)
        n = pre.size

        def column(value):   # an array of its own (fresh: the caller's arrays are this projection's now)
            a = np.asarray(value, dtype=float)
            return a if a.shape == (n,) and (fresh or a is not value) else np.broadcast_to(a, (n,)).copy()

        w, d = column(parameters.pop("weight")), column(parameters.pop("delay"))
        for name, value in parameters.items():
            if name not in plasticity.parameter_names(self.synapse_type):
                raise NotImplementedError(f"pyNN.neurosim: connection parameter {name!r}")
            self._params.setdefault(name, []).append(column(value))
        self._pre.append(pre)
        self._post.append(post)
        self._w.append(w)
        self._d.append(d)

    # --- reading them --------------------------------------------------------------------------------------------

    @property
    def native(self):
        """True while NeuroSim draws this projection's connections (a native rule; see native.py)."""
        return self._native is not None

    def _arrays(self):
        """The connections as four arrays (pre index, post index, weight, delay in PyNN's units), one array each;
        a native projection's are read from the engine (its initial weights: learned ones through _column)."""
        if self._native is not None:
            if self._native.cache is None:
                self._native.cache = simulator.read_native(self)
            return self._native.cache
        if isinstance(self._pre, list):
            cat = lambda a, t: (a[0].astype(t, copy=False) if len(a) == 1 else np.concatenate(a).astype(t, copy=False)) \
                if a else np.zeros(0, t)
            self._pre, self._post = cat(self._pre, np.int64), cat(self._post, np.int64)
            self._w, self._d = cat(self._w, float), cat(self._d, float)
            self._params = {k: cat(v, float) for k, v in self._params.items()}
        return self._pre, self._post, self._w, self._d

    def _param_arrays(self):
        if self._native is not None:
            n = len(self._arrays()[0])
            return {k: np.full(n, v) for k, v in self._native.params.items()}
        self._arrays()
        return self._params

    def _column(self, name):
        """One value per connection of an attribute: presynaptic_index, postsynaptic_index, weight (learned ones
        after a run of an STDP projection), delay, or a parameter of the synapse type."""
        pre, post, w, d = self._arrays()
        if name == "presynaptic_index":
            return pre
        if name == "postsynaptic_index":
            return post
        if name == "weight":
            learned = plasticity.learned_weights(self)
            return w if learned is None else learned
        if name == "delay":   # as simulated: whole steps, at least one
            dt = simulator.state.dt
            return np.round(native.steps(d, dt) * dt, 12)
        params = self._param_arrays()
        for k in (name, name + "s"):   # Projection.get(format="array") strips a final s: "A_plus" -> "A_plu"
            if k in params:
                return params[k]
        raise AttributeError(name)

    def __len__(self):
        plan = self._native
        if plan is not None and plan.cache is None:
            if plan.count is not None:
                return plan.count
            if simulator.state.built:
                return simulator.native_count(self)
        return len(self._arrays()[0])

    def __getitem__(self, i):
        n = len(self)
        if not -n <= i < n:
            raise IndexError(i)
        return Connection(self, i % n)

    @property
    def connections(self):
        return [Connection(self, k) for k in range(len(self._arrays()[0]))]

    def _get_attributes_as_list(self, names):
        cols = [self._column(n) for n in names]
        return list(zip(*(np.asarray(c).tolist() for c in cols)))

    def _get_attributes_as_arrays(self, names, multiple_synapses="sum"):
        pre, post = self._arrays()[:2]
        size = self.pre.size * self.post.size
        lin = pre * self.post.size + post
        out = []
        for name in names:
            if name[-1] == "s":   # as PyNN's: weights -> weight, delays -> delay
                name = name[:-1]
            v = np.asarray(self._column(name), dtype=float)
            m = np.full(size, np.nan)
            if lin.size:
                if multiple_synapses in ("first", "last"):
                    if multiple_synapses == "last":
                        u, at = np.unique(lin[::-1], return_index=True)
                        at = lin.size - 1 - at
                    else:
                        u, at = np.unique(lin, return_index=True)
                    m[u] = v[at]
                else:
                    start = {"sum": 0.0, "min": np.inf, "max": -np.inf}[multiple_synapses]
                    acc = np.full(size, start)
                    {"sum": np.add, "min": np.minimum, "max": np.maximum}[multiple_synapses].at(acc, lin, v)
                    has = np.zeros(size, bool)
                    has[lin] = True
                    m[has] = acc[has]
            out.append(m.reshape(self.pre.size, self.post.size))
        return out

    # --- changing them (before the first run) --------------------------------------------------------------------

    def _materialize(self):
        """A native projection becomes arrays of the same connections (to change some of them)."""
        if self._native is None:
            return
        pre, post, w, d = self._arrays()
        params = self._param_arrays()
        self._pre, self._post, self._w, self._d = pre.copy(), post.copy(), w.copy(), d.copy()
        self._params = {k: v.copy() for k, v in params.items()}
        self._native = None

    def _set_one(self, name, k, value):
        self._changed("changing a connection's weight or delay")
        self._materialize()
        self._arrays()[2 if name == "weight" else 3][k] = value

    def _set_attributes(self, parameter_space):
        """Projection.set() before the first run(): values as (pre size x post size) matrices, read at each
        connection's (pre, post)."""
        self._changed("Projection.set()")
        self._materialize()
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

    # --- to NeuroSim ---------------------------------------------------------------------------------------------

    def min_delay(self):
        """The shortest delay of this projection once built (ms), without reading its synapses; None if empty."""
        if self._native is not None:
            return simulator.native_min_delay(self)
        d = self._arrays()[3]
        return float(native.steps(d.min(), simulator.state.dt)) * simulator.state.dt if d.size else None

    def _receptor_values(self, target):
        """The target population's time constant and reversal potential of this projection's receptor, one value per
        neuron (arrays; the reversal None for current synapses)."""
        exc = self.receptor_type == "excitatory"
        ct = target.celltype
        if "tau_syn_E" not in ct.default_parameters:
            return None, None
        tau = np.asarray(target.native("tau_syn_E" if exc else "tau_syn_I"), dtype=float).reshape(-1) * np.ones(target.size)
        rev = None
        if "e_rev_E" in ct.default_parameters:
            rev = np.asarray(target.native("e_rev_E" if exc else "e_rev_I"), dtype=float).reshape(-1) * np.ones(target.size)
        return tau, rev

    def _receptors_vary(self, target):
        tau, rev = self._receptor_values(target)
        return tau is not None and (np.any(tau != tau[0]) or rev is not None and np.any(rev != rev[0]))

    def ns_projections(self, arrays):
        """This projection's NeuroSim projection blocks; the synapse lists they name go into ``arrays``. A target
        whose neurons have their own tau_syn (or e_rev) of this receptor gets one NeuroSim projection per value,
        each with its kernel, so that each neuron's synapses have its own (at most MAX_RECEPTOR_VALUES values)."""
        if self._native is not None and self._receptors_vary(self.post):   # native: whole Populations only
            self._materialize()
        if self._native is not None:
            self.ns_groups = None
            return [self._native_block()]
        pre, post, w, d = self._arrays()
        self.ns_groups = []   # per NeuroSim projection: its connections, sources and targets within its populations
        if pre.size == 0:
            return []
        st = simulator.state
        src_pop, src = _locate(self.pre, pre)
        tgt_pop, tgt = _locate(self.post, post)
        names = sorted(self._params)
        codes = [c for c in (src_pop, tgt_pop) if not np.isscalar(c)]
        codes += [np.unique(self._params[k], return_inverse=True)[1].reshape(-1) for k in names]
        # per-neuron receptor values of the target(s): each connection keyed by its target's (tau, e_rev)
        receptor = np.zeros(pre.size)
        varying = False
        for q, tp_ in enumerate(st.ns_populations):
            mask = (tgt_pop == q) if not np.isscalar(tgt_pop) else (np.ones(pre.size, bool) if tgt_pop == q else None)
            if mask is None or not np.any(mask) or not self._receptors_vary(tp_):
                continue
            tau, rev = self._receptor_values(tp_)
            pairs = np.stack([tau, rev if rev is not None else np.zeros_like(tau)], axis=1)
            uniq, idx = np.unique(pairs, axis=0, return_inverse=True)
            if len(uniq) > MAX_RECEPTOR_VALUES:
                raise NotImplementedError(
                    f"pyNN.neurosim: population {tp_.label!r} has {len(uniq)} distinct values of its "
                    f"{self.receptor_type} synapses' time constant / reversal potential; NeuroSim gives each value "
                    f"its own synaptic filter over the population, at most {MAX_RECEPTOR_VALUES}")
            receptor[mask] = idx.reshape(-1)[tgt[mask]] + 1
            varying = True
        if varying:
            codes.append(receptor.astype(np.int64))
        if codes:
            _, inverse = np.unique(np.stack(codes, axis=1), axis=0, return_inverse=True)
            inverse = inverse.reshape(-1)
            order = np.argsort(inverse, kind="stable")
            cuts = np.searchsorted(inverse[order], np.arange(inverse.max() + 2))
            groups = [order[cuts[g]:cuts[g + 1]] for g in range(len(cuts) - 1)]
        else:
            groups = [slice(None)]   # the whole projection: views, no copies
        plasticity.check_groups(self, len(groups))
        out = []
        for g, ks in enumerate(groups):
            k0 = 0 if isinstance(ks, slice) else ks[0]
            sp = st.ns_populations[src_pop if np.isscalar(src_pop) else src_pop[k0]]
            tp = st.ns_populations[tgt_pop if np.isscalar(tgt_pop) else tgt_pop[k0]]
            s, t = src[ks].astype(np.int32), tgt[ks].astype(np.int32)
            syn = self._synapse(tp, int(t[0]) if varying else None)
            key = f"prj{self.ns_seed}.{g}"
            arrays[key] = (s, t, w[ks], d[ks])
            self.ns_groups.append((ks, s, t, tp.size))
            params = {k: self._params[k][k0] for k in names}
            rule = plasticity.block(self, params, syn, s, t, d[ks], w[ks])
            if rule:
                syn["plasticity"] = rule
            out.append({"from": sp.ns_name, "to": tp.ns_name, "connect": {"arrays": key}, "weight": syn.pop("unit"),
                        "delay": "1 ms", "synapse": syn})
        return out

    def _native_block(self, plastic=True):
        """The projection block of a native projection (without its plasticity rule when plastic is False: the
        same synapses are drawn, for reading them)."""
        plan = self._native
        # (with receptor values per neuron a native projection is only built to read its synapses back: any one
        # neuron's kernel serves; ns_projections then sends them as arrays, a kernel per value)
        syn = self._synapse(self.post, 0 if self._receptors_vary(self.post) else None)
        unit = syn.pop("unit").split()[1]
        block = {"from": self.pre.ns_name, "to": self.post.ns_name, "connect": dict(plan.connect),
                 "seed": int(self.ns_seed)}
        block.update(native.keys(plan.weight, "weight", unit))
        block.update(native.keys(plan.delay, "delay", "ms"))
        bounds = {k: q["out_of_bounds"] for k, q in (("weight", plan.weight), ("delay", plan.delay))
                  if "out_of_bounds" in q}
        if bounds:
            block["out_of_bounds"] = bounds
        rule = plasticity.rule_block(self, plan.params, syn) if plastic else None
        if rule:
            syn["plasticity"] = rule
        block["synapse"] = syn
        return block

    def _synapse(self, target, neuron=None):
        """The synapse block onto target: its receptor's kernel with the population's tau_syn (and e_rev), or, given
        a neuron, that neuron's (its group of connections all end on neurons with the same values)."""
        from . import standardmodels as sm
        ct = target.celltype
        exc = self.receptor_type == "excitatory"
        if isinstance(ct, (sm.IF_curr_delta, sm.Izhikevich)):   # voltage jumps, weights in mV
            return {"kernel": "delta", "unit": "1 mV"}
        if neuron is not None:
            tau_v, rev_v = self._receptor_values(target)
            tau = simulator._q(tau_v[neuron], "ms")
            rev = None if rev_v is None else simulator._q(rev_v[neuron], "mV")
        else:
            tau = simulator._one(target, "tau_syn_E" if exc else "tau_syn_I", "ms")
            rev = None
        # peak-normalised kernels: exponential w e^(-t/tau), alpha w (t/tau) e^(1 - t/tau), as PyNN defines them
        if isinstance(ct, (sm.IF_curr_exp, sm.IF_curr_alpha)):
            kernel = "exponential" if isinstance(ct, sm.IF_curr_exp) else "alpha"
            return {"kernel": kernel, "tau": tau, "normalize": "peak", "unit": "1 nA"}
        if isinstance(ct, (sm.IF_cond_exp, sm.IF_cond_alpha, sm.EIF_cond_exp_isfa_ista, sm.EIF_cond_alpha_isfa_ista,
                           sm.HH_cond_exp)):
            kernel = "alpha" if isinstance(ct, (sm.IF_cond_alpha, sm.EIF_cond_alpha_isfa_ista)) else "exponential"
            return {"kernel": kernel, "tau": tau, "normalize": "peak", "unit": "1 uS",
                    "reversal": rev or simulator._one(target, "e_rev_E" if exc else "e_rev_I", "mV")}
        raise NotImplementedError(f"pyNN.neurosim: projections onto {ct.__class__.__name__}")


def _locate(cells, indices):
    """For indices into a Population, PopulationView or Assembly: the NeuroSim population of each (an index into
    state.ns_populations, one number when all are in the same) and the neuron's index within it."""
    from .populations import Population
    st = simulator.state
    if type(cells) is Population:
        return next(k for k, p in enumerate(st.ns_populations) if p is cells), indices
    ids = cells.all_cells[indices].astype(np.int64)
    firsts = np.array([int(p.first_id) for p in st.ns_populations])
    pop = np.searchsorted(firsts, ids, side="right") - 1
    return pop, ids - firsts[pop]
