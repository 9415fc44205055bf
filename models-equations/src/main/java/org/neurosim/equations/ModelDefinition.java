package org.neurosim.equations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.units.Dimension;
import org.neurosim.core.units.Units;
import org.neurosim.equations.check.Dimensions;
import org.neurosim.equations.check.Linear;
import org.neurosim.equations.check.Noise;
import org.neurosim.equations.parse.Equations;
import org.neurosim.expressions.EquationsException;
import org.neurosim.expressions.Expr;

/**
 * A model written as equations, parsed and checked: every name known, every dimension consistent, the threshold a
 * comparison of a state variable with a constant, the reset assigning state variables, the subexpressions free
 * of cycles. Holds each derivative with its subexpressions substituted, ready for the linearity tests and for code
 * generation. Made once per population block (or model file); values of the constants come later, in
 * {@link EquationsModel#create}.
 */
public final class ModelDefinition {
    // Over 300 lines: one definition checked in one pass; each check is a short method over the same half-built state.
    /** The population keys that define the model. */
    public static final Set<String> KEYS = Set.of("equations", "threshold", "reset", "refractory");

    final String key;
    final Map<String, String> keys;
    Equations equations;
    final List<String> states = new ArrayList<>();
    final List<Dimension> stateDimensions = new ArrayList<>();
    final Map<String, Dimension> constants = new LinkedHashMap<>();
    final Map<String, Dimension> subexpressionDimensions = new LinkedHashMap<>();
    /** d state / dt with every subexpression substituted, in state order. */
    final List<Expr> derivatives = new ArrayList<>();
    /** d state / dt as written, in state order. */
    final List<Expr> rawDerivatives = new ArrayList<>();
    /** The white noise sources (xi, xi_name), in the order they first appear in the equations; empty without noise. */
    final List<String> noiseSources = new ArrayList<>();
    /** Per state, in state order: the coefficient of each noise source in d state / dt, as written. */
    final List<Map<String, Expr>> noise = new ArrayList<>();
    /** True when no noise coefficient depends on a state variable (through a subexpression or I_syn's g v too). */
    boolean additiveNoise = true;
    /** Per state: d state / dt as written with every xi taken as 0 (the drift; null for 0). */
    private final List<Expr> drifts = new ArrayList<>();
    /** Each subexpression's definition, in an order where every one comes after those it uses. */
    final Map<String, Expr> subexpressionDefinitions = new LinkedHashMap<>();
    Dimension input;
    /** The threshold's state variable (index into states), or -1 for no spikes. */
    int membrane;
    /** The constant the membrane is compared with (may name constants). */
    Expr thresholdValue;
    /** The threshold holds only above the value ({@code v > x}), not at it ({@code v >= x}). */
    boolean thresholdStrict;
    List<Equations.Assignment> reset;
    /** The refractory period, when it is a time (0 with a refractory condition). */
    double refractory;
    /** Refractory while this holds ({@code refractory: v > -40*mV}): a state variable against a constant; or null. */
    Bound refractoryCondition;
    /** Hold the membrane while refractory: the {@code (unless refractory)} flag. */
    boolean clamp;

    /**
     * Names the text uses that it does not define (nor are they units): constants whose dimension is that of the
     * value {@code params} gives them (as the AdEx example of config.md writes it). Until those values are known
     * ({@link #withParams}) the checks wait; with none, they run at once.
     */
    final Map<String, Expr.Name> undeclared = new LinkedHashMap<>();
    boolean checked;

    private ModelDefinition(Map<String, String> keys, String keyPath, Map<String, Dimension> given) {
        this.key = keyPath;
        this.keys = Map.copyOf(keys);
        String eqKey = keyPath + ".equations";
        String text = keys.get("equations");
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(eqKey + ": required for model: equations, e.g. 'dv/dt = (e_l - v)/tau : volt'");
        }
        equations = Equations.parse(text, eqKey);
        Map<String, Dimension> dims = declaredDimensions(eqKey);
        String thKey = keyPath + ".threshold";
        String resetKey = keyPath + ".reset";
        Expr.Compare condition = keys.containsKey("threshold")
                ? (Expr.Compare) Equations.parseCondition(keys.get("threshold"), thKey) : null;
        List<Equations.Assignment> assignments = keys.containsKey("reset")
                ? Equations.parseAssignments(keys.get("reset"), resetKey) : List.of();
        List<Expr> all = new ArrayList<>();
        equations.states().forEach(st -> all.add(st.rhs()));
        equations.subexpressions().forEach(st -> all.add(st.rhs()));
        if (condition != null) all.add(condition);
        assignments.forEach(a -> all.add(a.value()));
        for (Expr e : all) collectUndeclared(e, dims.keySet());
        if (given == null && !undeclared.isEmpty()) return;   // checked once params give their dimensions
        declareGiven(given, dims, all, keyPath);
        checked = true;
        splitNoise(eqKey);
        Dimensions check = checkDerivatives(dims, eqKey);
        substituteSubexpressions(eqKey);
        additiveNoise = additive(eqKey);
        threshold(condition, dims, thKey);
        reset(assignments, dims, resetKey);
        refractory(dims, keyPath + ".refractory");
        clamp = clamped(eqKey);
        input = check.inputDimension();
    }

    /** Records the declared dimension of each state variable, subexpression and constant; returns them all by name. */
    private Map<String, Dimension> declaredDimensions(String eqKey) {
        Map<String, Dimension> dims = new LinkedHashMap<>();
        for (Equations.State s : equations.states()) {
            states.add(s.name());
            Dimension d = Dimensions.ofUnit(s.unit(), eqKey);
            stateDimensions.add(d);
            dims.put(s.name(), d);
        }
        for (Equations.Subexpression s : equations.subexpressions()) {
            Dimension d = Dimensions.ofUnit(s.unit(), eqKey);
            subexpressionDimensions.put(s.name(), d);
            dims.put(s.name(), d);
        }
        for (Equations.Constant c : equations.constants()) {
            Dimension d = Dimensions.ofUnit(c.unit(), eqKey);
            constants.put(c.name(), d);
            dims.put(c.name(), d);
        }
        return dims;
    }

    /** Makes each undeclared name a constant of the dimension {@code given} (params) has for it, or refuses it. */
    private void declareGiven(Map<String, Dimension> given, Map<String, Dimension> dims, List<Expr> all, String keyPath) {
        for (String name : undeclared.keySet()) {
            Dimension d = given == null ? null : given.get(name);
            if (d == null) {
                Expr.Name at = undeclared.get(name);
                java.util.TreeSet<String> known = new java.util.TreeSet<>(dims.keySet());
                known.addAll(given == null ? Set.of() : given.keySet());
                throw new EquationsException(eqKeyOf(at, all, keyPath), at.line(), at.column(), "unknown name '" + name
                        + "'" + org.neurosim.core.Suggestions.didYouMean(name, known) + "; it is not a state variable, "
                        + "subexpression or constant, nor given in params; known names: "
                        + String.join(", ", known) + ", I_ext, I_syn, and units such as mV, ms, nS, pA");
            }
            constants.put(name, d);
            dims.put(name, d);
        }
    }

    /** Checks the dimension of each subexpression and derivative; the check also infers the input's dimension. */
    private Dimensions checkDerivatives(Map<String, Dimension> dims, String eqKey) {
        Dimensions check = new Dimensions(Dimensions.names(dims), eqKey);
        for (Equations.Subexpression s : equations.subexpressions()) {
            check.expect(s.rhs(), subexpressionDimensions.get(s.name()), eqKey, s.name());
        }
        for (int k = 0; k < states.size(); k++) {
            Equations.State s = equations.states().get(k);
            Dimension rate = stateDimensions.get(k).divide(Dimension.TIME);
            Expr drift = drifts.get(k);
            if (drift != null) check.expect(drift, rate, eqKey, "d" + s.name() + "/dt");
            for (Map.Entry<String, Expr> g : noise.get(k).entrySet()) {
                check.expectNoiseCoefficient(g.getValue(), rate, eqKey, "d" + s.name() + "/dt", g.getKey());
            }
        }
        return check;
    }

    /** Takes each equation apart into its drift and its noise coefficients (see {@link Noise#split}). */
    private void splitNoise(String eqKey) {
        for (Equations.State s : equations.states()) {
            Noise.Split split = Noise.split(s.rhs(), eqKey, "d" + s.name() + "/dt");
            drifts.add(split.drift());
            noise.add(split.coefficients());
            for (String xi : split.coefficients().keySet()) if (!noiseSources.contains(xi)) noiseSources.add(xi);
        }
    }

    /**
     * True when every noise coefficient, its subexpressions written out, names no state variable (nor I_syn when
     * conductance synapses make it depend on v): additive noise.
     */
    private boolean additive(String eqKey) {
        Map<String, Expr> subs = new LinkedHashMap<>();
        equations.subexpressions().forEach(s -> subs.put(s.name(), s.rhs()));
        for (Map<String, Expr> coefficients : noise) {
            for (Expr g : coefficients.values()) {
                Expr full = substitute(g, subs, new HashSet<>(), eqKey);
                for (String st : states) if (Linear.mentions(full, st)) return false;
                if (hasVoltageV() && Linear.mentions(full, "I_syn")) return false;
            }
        }
        return true;
    }

    /** Fills derivatives (subexpressions substituted), rawDerivatives and subexpressionDefinitions; refuses cycles. */
    private void substituteSubexpressions(String eqKey) {
        Map<String, Expr> subs = new LinkedHashMap<>();
        equations.subexpressions().forEach(s -> subs.put(s.name(), s.rhs()));
        for (int k = 0; k < states.size(); k++) {
            Expr drift = drifts.get(k);
            if (drift == null) {
                Equations.State s = equations.states().get(k);
                drift = new Expr.Num(0, s.line(), s.column());
            }
            derivatives.add(substitute(drift, subs, new HashSet<>(), eqKey));
            rawDerivatives.add(drift);
        }
        for (Equations.Subexpression s : equations.subexpressions()) substitute(s.rhs(), subs, new HashSet<>(Set.of(s.name())), eqKey);
        for (String name : subs.keySet()) order(name, subs);
    }

    /** Sets membrane, thresholdValue and thresholdStrict from the threshold condition (membrane -1 without one). */
    private void threshold(Expr.Compare condition, Map<String, Dimension> dims, String thKey) {
        if (condition != null) {
            Expr.Compare c = condition;
            new Dimensions(Dimensions.names(dims), thKey).of(c);
            int m;
            Expr value;
            boolean rising = c.op().equals(">") || c.op().equals(">=");
            boolean falling = c.op().equals("<") || c.op().equals("<=");
            if (c.left() instanceof Expr.Name n && states.contains(n.name()) && rising && constant(c.right())) {
                m = states.indexOf(n.name());
                value = c.right();
            } else if (c.right() instanceof Expr.Name n && states.contains(n.name()) && falling && constant(c.left())) {
                m = states.indexOf(n.name());
                value = c.left();
            } else {
                throw new EquationsException(thKey, c.line(), c.column(), "expected a state variable rising above a "
                        + "constant, such as 'v > -50 mV' (state variables: " + String.join(", ", states) + ")");
            }
            membrane = m;
            thresholdValue = value;
            thresholdStrict = c.op().equals(">") || c.op().equals("<");
        } else {
            membrane = -1;
            thresholdValue = null;
        }
    }

    /** Sets reset from the reset key's assignments, each to a state variable with a value of its dimension. */
    private void reset(List<Equations.Assignment> assignments, Map<String, Dimension> dims, String resetKey) {
        if (keys.containsKey("reset")) {
            if (membrane < 0) throw new InvalidInputException(resetKey + ": a reset needs a threshold (the 'threshold' key)");
            reset = assignments;
            Dimensions resetCheck = new Dimensions(Dimensions.names(dims), resetKey);
            for (Equations.Assignment a : reset) {
                int k = states.indexOf(a.variable());
                if (k < 0) {
                    String what = subexpressionDimensions.containsKey(a.variable()) ? "a subexpression"
                            : constants.containsKey(a.variable()) ? "a constant" : "not a state variable";
                    throw new EquationsException(resetKey, a.line(), a.column(), "'" + a.variable() + "' is " + what
                            + "; a reset assigns state variables: " + String.join(", ", states));
                }
                Dimension want = a.op().equals("*=") || a.op().equals("/=") ? Dimension.DIMENSIONLESS
                        : stateDimensions.get(k);
                resetCheck.expect(a.value(), want, resetKey, "the value assigned to " + a.variable());
            }
        } else {
            reset = List.of();
        }
    }

    /** Sets refractory (a time) or refractoryCondition from the refractory key. */
    private void refractory(Map<String, Dimension> dims, String refKey) {
        if (keys.containsKey("refractory")) {
            if (membrane < 0) throw new InvalidInputException(refKey + ": a refractory period needs a threshold");
            String refText = keys.get("refractory");
            if (refText.matches(".*[<>=].*")) {   // Brian2's refractoriness as a condition: refractory while it holds
                refractoryCondition = bound(Equations.parseCondition(refText, refKey), dims, refKey);
                refractory = 0;
            } else {
                refractory = Units.parse(refText, Dimension.TIME, refKey);
                if (!(refractory >= 0)) throw new InvalidInputException(refKey + ": expected a time >= 0 or a "
                        + "condition such as 'v > -40 mV', got '" + refText + "'");
            }
        } else {
            refractory = 0;
        }
    }

    /** True when the membrane is held while refractory; {@code (unless refractory)} on any other state is an error. */
    private boolean clamped(String eqKey) {
        boolean held = false;
        for (int k = 0; k < states.size(); k++) {
            Equations.State s = equations.states().get(k);
            if (!s.unlessRefractory()) continue;
            if (k != membrane) {
                throw new EquationsException(eqKey, s.line(), s.column(), "(unless refractory) holds the threshold's "
                        + "variable" + (membrane >= 0 ? " (" + states.get(membrane) + ")" : "") + " only; " + s.name()
                        + " cannot be held");
            }
            held = true;
        }
        return held;
    }

    /** Parses and checks the text of the definition keys ({@link #KEYS}) of a population at {@code keyPath}. */
    public static ModelDefinition parse(Map<String, String> keys, String keyPath) {
        return new ModelDefinition(keys, keyPath, null);
    }

    /** This definition checked with the dimensions of its undeclared constants, as params give them. */
    ModelDefinition withParams(Map<String, Dimension> dimensions) {
        return checked ? this : new ModelDefinition(keys, key, dimensions);
    }

    /** The names in e that are neither defined nor units nor inputs, at their first occurrence. */
    private void collectUndeclared(Expr e, Set<String> defined) {
        if (e instanceof Expr.Name n) {
            String s = n.name();
            if (!defined.contains(s) && !s.equals("I_ext") && !s.equals("I_syn") && !Noise.isNoise(s)
                    && org.neurosim.expressions.UnitNames.resolve(s) == null) undeclared.putIfAbsent(s, n);
        } else if (e instanceof Expr.Negate n) {
            collectUndeclared(n.operand(), defined);
        } else if (e instanceof Expr.Binary b) {
            collectUndeclared(b.left(), defined);
            collectUndeclared(b.right(), defined);
        } else if (e instanceof Expr.Call c) {
            c.args().forEach(a -> collectUndeclared(a, defined));
        } else if (e instanceof Expr.Compare c) {
            collectUndeclared(c.left(), defined);
            collectUndeclared(c.right(), defined);
        }
    }

    /** The key of the text in which {@code at} was written (its node is one of the parsed expressions). */
    private String eqKeyOf(Expr.Name at, List<Expr> all, String keyPath) {
        int states = equations.states().size() + equations.subexpressions().size();
        for (int k = 0; k < all.size(); k++) {
            if (contains(all.get(k), at)) {
                if (k < states) return keyPath + ".equations";
                return all.get(k) instanceof Expr.Compare && keys.containsKey("threshold") && k == states
                        ? keyPath + ".threshold" : keyPath + ".reset";
            }
        }
        return keyPath + ".equations";
    }

    private static boolean contains(Expr e, Expr x) {
        if (e == x) return true;
        if (e instanceof Expr.Negate n) return contains(n.operand(), x);
        if (e instanceof Expr.Binary b) return contains(b.left(), x) || contains(b.right(), x);
        if (e instanceof Expr.Call c) return c.args().stream().anyMatch(a -> contains(a, x));
        if (e instanceof Expr.Compare c) return contains(c.left(), x) || contains(c.right(), x);
        return false;
    }

    /**
     * A state variable compared with a constant: {@code variable op value}, the variable on the left ({@code op} is
     * one of {@code > >= < <=}).
     */
    record Bound(int variable, String op, Expr value) { }

    /** The condition {@code c} as a {@link Bound}, or an error naming {@code key} and what is expected. */
    private Bound bound(Expr c0, Map<String, Dimension> dims, String key) {
        Expr.Compare c = (Expr.Compare) c0;
        new Dimensions(Dimensions.names(dims), key).of(c);
        java.util.Map<String, String> flipped = Map.of(">", "<", ">=", "<=", "<", ">", "<=", ">=");
        if (flipped.containsKey(c.op())) {
            if (c.left() instanceof Expr.Name n && states.contains(n.name()) && constant(c.right())) {
                return new Bound(states.indexOf(n.name()), c.op(), c.right());
            }
            if (c.right() instanceof Expr.Name n && states.contains(n.name()) && constant(c.left())) {
                return new Bound(states.indexOf(n.name()), flipped.get(c.op()), c.left());
            }
        }
        throw new EquationsException(key, c.line(), c.column(), "expected a state variable compared with a "
                + "constant (> >= < <=), such as 'v > -40 mV' (state variables: " + String.join(", ", states) + ")");
    }

    /** True when a state variable named v is a voltage: the membrane that conductance synapses act through. */
    boolean hasVoltageV() {
        return states.contains("v") && stateDimensions.get(states.indexOf("v")).equals(Dimension.VOLTAGE);
    }

    /** True when the equations (or a subexpression they use) read I_syn, the synaptic input. */
    boolean readsSynapticInput() {
        return derivatives.stream().anyMatch(e -> Linear.mentions(e, "I_syn"));
    }

    /** True when {@code e} names no state variable or subexpression (constants are fixed per neuron). */
    private boolean constant(Expr e) {
        for (String s : states) if (Linear.mentions(e, s)) return false;
        for (String s : subexpressionDimensions.keySet()) if (Linear.mentions(e, s)) return false;
        return !Linear.mentions(e, "I_ext") && !Linear.mentions(e, "I_syn");
    }

    /** Adds {@code name} after the subexpressions it uses (the definitions are free of cycles by now). */
    private void order(String name, Map<String, Expr> subs) {
        if (subexpressionDefinitions.containsKey(name)) return;
        for (String other : subs.keySet()) {
            if (!other.equals(name) && Linear.mentions(subs.get(name), other)) order(other, subs);
        }
        subexpressionDefinitions.put(name, subs.get(name));
    }

    /** e with every subexpression replaced by its definition; a cycle is an error at the subexpression's line. */
    private Expr substitute(Expr e, Map<String, Expr> subs, Set<String> visiting, String eqKey) {
        if (e instanceof Expr.Name n) {
            Expr def = subs.get(n.name());
            if (def == null) return e;
            if (!visiting.add(n.name())) {
                throw new EquationsException(eqKey, n.line(), n.column(), "subexpression '" + n.name()
                        + "' is defined in terms of itself");
            }
            Expr out = substitute(def, subs, visiting, eqKey);
            visiting.remove(n.name());
            return out;
        }
        if (e instanceof Expr.Negate n) return new Expr.Negate(substitute(n.operand(), subs, visiting, eqKey), n.line(), n.column());
        if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), substitute(b.left(), subs, visiting, eqKey),
                    substitute(b.right(), subs, visiting, eqKey), b.line(), b.column());
        }
        if (e instanceof Expr.Call c) {
            List<Expr> args = new ArrayList<>();
            for (Expr a : c.args()) args.add(substitute(a, subs, visiting, eqKey));
            return new Expr.Call(c.function(), args, c.line(), c.column());
        }
        return e;
    }

    /** The dimension of I_ext and I_syn that the equations imply. */
    public Dimension inputDimension() { return input; }
}
