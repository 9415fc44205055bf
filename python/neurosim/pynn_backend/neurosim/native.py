"""PyNN connectors that NeuroSim draws itself, so that no synapse crosses from Python: a connector maps onto one of
NeuroSim's rules only where the two define the same distribution of connections, weights and delays.

    AllToAllConnector            all           (allow_self_connections -> autapses)
    OneToOneConnector            one_to_one    (populations of equal size)
    FixedProbabilityConnector    probability   (p_connect <= 1)
    FixedNumberPreConnector      in_degree     (with_replacement -> multapses; without, n at most the candidates)
    FixedNumberPostConnector     out_degree    (likewise)
    FixedTotalNumberConnector    total         (likewise; PyNN 0.10.1's own code ignores both flags and always draws
                                                with replacement and autapses, the defaults: NeuroSim honours them)

with pre and post whole Populations (not views or assemblies), n a whole number, and every synapse parameter a
constant or, for weight and delay, a RandomDistribution NeuroSim draws with the same law:

    uniform(low, high)                         uniform(low, high)
    normal(mu, sigma)                          normal(mu, sigma)
    normal_clipped(mu, sigma, low, high)       normal + weight_min/max (delay_min/max), out_of_bounds: redraw
    normal_clipped_to_boundary(...)            normal + the same bounds, out_of_bounds: clip
    lognormal(mu, sigma) (of log w)            lognormal(mean, sd) of w: mean = exp(mu + sigma^2/2),
                                               sd = mean sqrt(exp(sigma^2) - 1)

Weights must keep the sign PyNN's check asks for (connector.safe: >= 0 onto an excitatory or conductance synapse,
<= 0 onto an inhibitory current one) over the whole support, and delays must be >= 0 over theirs; otherwise PyNN's
generic code draws them (and checks them). A constant delay is rounded to whole steps (at least one) as every
delay drawn per synapse is. Plastic synapses go native with constant parameters; STDP also without multapses and
with a constant weight inside [w_min, w_max].

The draws come from NeuroSim's streams: setup(rng_seed=...) and the projection's creation number (its ``seed`` key),
not the connector's rng; setup(native_connectors=False) sends every connector through PyNN's own code instead.
"""
import math

import numpy as np

from pyNN import connectors as pc
from pyNN.random import RandomDistribution

from . import simulator
from . import standardmodels as sm

RULES = {pc.AllToAllConnector: "all", pc.OneToOneConnector: "one_to_one",
         pc.FixedProbabilityConnector: "probability", pc.FixedNumberPreConnector: "in_degree",
         pc.FixedNumberPostConnector: "out_degree", pc.FixedTotalNumberConnector: "total"}


class Plan:
    """How a projection goes to NeuroSim as a rule: the connect block, the weight and delay keys (with bounds and
    out_of_bounds), the synapse type's other parameters (constants), and the connection count when the rule fixes
    it. ``cache`` holds the connections once read back from the engine (pre, post, weight, delay in PyNN's units)."""

    def __init__(self, connect, weight, delay, params, count, multapses):
        self.connect = connect
        self.weight = weight
        self.delay = delay
        self.params = params
        self.count = count
        self.multapses = multapses
        self.cache = None


def plan(prj, connector):
    """The Plan of a projection, or None when PyNN's own code must make its connections."""
    from .populations import Population
    rule = RULES.get(type(connector))
    st = simulator.state
    if rule is None or not st.native_connectors:
        return None
    pre, post = prj.pre, prj.post
    if type(pre) is not Population or type(post) is not Population or pre.size == 0 or post.size == 0:
        return None
    same = pre is post
    autapses = getattr(connector, "allow_self_connections", True)
    if not isinstance(autapses, (bool, np.bool_)):   # 'NoMutual'
        return None
    multapses = bool(getattr(connector, "with_replacement", False))
    connect = {rule: True}
    if rule == "one_to_one":
        if pre.size != post.size:
            return None
        count = pre.size
    elif rule == "all":
        count = pre.size * post.size - (post.size if same and not autapses else 0)
    elif rule == "probability":
        p = float(connector.p_connect)
        if not 0 <= p <= 1:
            return None
        connect = {rule: repr(p)}
        count = None
    else:
        n = connector.n
        if isinstance(n, (bool, np.bool_)) or not isinstance(n, (int, np.integer)) or n < 0:
            return None
        n = int(n)
        if rule == "total":
            pairs = pre.size * post.size - (pre.size if same and not autapses else 0)
            if n > 0 and pairs <= 0 or not multapses and n > pairs:
                return None
            count = n
        else:
            owners, candidates = (post.size, pre.size) if rule == "in_degree" else (pre.size, post.size)
            available = candidates - (1 if same and not autapses else 0)
            if n > 0 and available <= 0 or not multapses and n > available:
                return None   # PyNN connects every candidate once, then draws the rest: not NeuroSim's rule
            count = n * owners
        connect = {rule: n}
    if rule != "one_to_one":
        connect["autapses"] = bool(autapses)
    if rule in ("in_degree", "out_degree", "total"):
        connect["multapses"] = multapses
    values = _values(prj)
    if values is None:
        return None
    exc = prj.receptor_type == "excitatory" or post.conductance_based
    weight = _quantity(values.pop("weight"), "weight",
                       sign=(1 if exc else -1) if getattr(connector, "safe", True) else 0)
    delay = _quantity(values.pop("delay"), "delay", sign=1, dt=st.dt)
    if weight is None or delay is None:
        return None
    syn = prj.synapse_type
    if any(not isinstance(v, float) for v in values.values()):
        return None   # per-connection values of a plasticity parameter: PyNN's code and a projection per set
    if type(syn) is sm.STDPMechanism:
        w = weight.get("weight")
        if multapses or not isinstance(w, float) or not values["w_min"] <= w <= values["w_max"]:
            return None
    return Plan(connect, weight, delay, values, count, multapses)


def _values(prj):
    """The synapse type's native parameters as constants (floats) or RandomDistributions; None for anything else
    (arrays, functions of distance, expressions)."""
    out = {}
    for name, value in prj.synapse_type.native_parameters.items():
        if getattr(value, "operations", None):
            return None
        base = value.base_value
        if isinstance(base, RandomDistribution):
            if name not in ("weight", "delay"):
                return None
            out[name] = base
        elif isinstance(base, (int, float, np.integer, np.floating)) and not isinstance(base, (bool, np.bool_)):
            out[name] = float(base)
        else:
            return None
    return out


def steps(delay_ms, dt_ms):
    """A delay in whole steps as NeuroSim rounds one given per synapse: round(delay / dt), at least 1 (computed in
    seconds, as the engine does, so both sides agree at .5)."""
    return np.maximum(1, np.floor(np.asarray(delay_ms, dtype=float) * 1e-3 / (dt_ms * 1e-3) + 0.5)).astype(np.int64)


def _quantity(value, name, sign, dt=None):
    """The config keys of a weight or delay: {name: text} and its bounds, with out_of_bounds; None where NeuroSim has
    no law equal to it or its support breaks the sign rule (sign 1: >= 0, -1: <= 0, 0: any)."""
    if isinstance(value, float):
        if sign > 0 and value < 0 or sign < 0 and value > 0:
            return None
        if dt is not None:   # a delay: whole steps, as drawn and listed delays
            value = float(steps(value, dt)) * dt
        return {name: value}
    rd = value
    p = rd.parameters
    inf = float("inf")
    if rd.name == "uniform":
        lo, hi = float(p["low"]), float(p["high"])
        if not lo <= hi:
            return None
        out, support = {name: ("uniform", lo, hi)}, (lo, hi)
    elif rd.name == "normal":
        mu, sd = float(p["mu"]), float(p["sigma"])
        if sd < 0:
            return None
        out, support = {name: ("normal", mu, sd)}, (mu, mu) if sd == 0 else (-inf, inf)
    elif rd.name in ("normal_clipped", "normal_clipped_to_boundary"):
        mu, sd, lo, hi = (float(p[k]) for k in ("mu", "sigma", "low", "high"))
        if sd < 0 or not lo <= hi:
            return None
        out = {name: ("normal", mu, sd), "bounds": (lo, hi),
               "out_of_bounds": "redraw" if rd.name == "normal_clipped" else "clip"}
        support = (max(lo, -inf), min(hi, inf))
    elif rd.name == "lognormal":
        mu, sigma = float(p["mu"]), float(p["sigma"])
        if sigma < 0:
            return None
        mean = math.exp(mu + sigma * sigma / 2)
        out, support = {name: ("lognormal", mean, mean * math.sqrt(math.expm1(sigma * sigma)))}, (0.0, inf)
    else:
        return None
    if sign > 0 and support[0] < 0 or sign < 0 and support[1] > 0:
        return None
    return out


def keys(q, name, unit):
    """A weight or delay of a Plan as config keys with units."""
    v = q[name]
    out = {}
    if isinstance(v, float):
        out[name] = simulator._q(v, unit)
    else:
        law, a, b = v
        out[name] = f"{law}({a!r} {unit}, {b!r} {unit})"
    if "bounds" in q:
        lo, hi = q["bounds"]
        if lo > -math.inf:
            out[name + "_min"] = simulator._q(lo, unit)
        if hi < math.inf:
            out[name + "_max"] = simulator._q(hi, unit)
    return out
