package org.neurosim.network.engine;

import java.util.List;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.StateVariable;
import org.neurosim.core.stimulus.Signal;
import org.neurosim.core.units.Dimension;
import org.neurosim.integrators.PopulationSolver;

/**
 * A population of neurons at run time: its model's dynamics and solver (state as arrays over the population); the
 * drive filled each step from its input signal, bias, Poisson inputs and synapses.
 */
public final class NeuronPopulation extends Population {
    public final NeuronDynamics dynamics;
    public final PopulationSolver solver;
    public final String integrator;
    /** The config's {@code stepping}: {@code auto} (the integrator decides) or {@code held} (input held over each step). */
    String stepping = "auto";
    /** How the engine steps it this run: held, events (exact with synapses in closed form) or grid (exact-grid). */
    String steppingUsed = "held";
    final Drive drive;
    // the input: a uniform signal (value added once per step), or per-neuron values (constant, or refilled each step
    // by a varying signal); an input or bias equal for every neuron is added once per step, not read per neuron
    private final Signal varyingUniform;      // uniform and not constant, or null
    private final Signal varyingPerNeuron;    // per neuron and not constant, or null
    private final double[] inputPerNeuron;    // per-neuron input values (SI), or null
    private final double[] bias;              // per neuron, or null (none, or the same for all)
    private final double uniformInput, uniformBias;   // NaN: none

    /** A population of neurons: dynamics stepped by its solver, driven by {@code input} (null: none) and bias. */
    public NeuronPopulation(String name, String model, int index, int size, NeuronDynamics dynamics,
                            PopulationSolver solver, String integrator, Signal input, double[] bias) {
        super(name, model, index, size);
        this.dynamics = dynamics;
        this.solver = solver;
        this.integrator = integrator;
        this.drive = new Drive(size, dynamics.separatesSynapticCurrent());
        boolean uniform = input != null && input.uniform();
        boolean constant = input != null && input.constant();
        this.varyingUniform = uniform && !constant ? input : null;
        this.varyingPerNeuron = input != null && !uniform && !constant ? input : null;
        double ui = uniform && constant ? input.value(0) : Double.NaN;
        double[] in = null;
        if (input != null && !uniform) {
            in = new double[size];
            if (constant) input.fill(0, in, 0, size);
            // a constant list whose values are all equal is folded like a single value
            if (constant && allEqual(in)) {
                ui = in[0];
                in = null;
            }
        }
        this.uniformInput = ui;
        this.inputPerNeuron = in;
        // (s + in) + b is what the per-neuron loop adds: fold b only when the input is folded (or absent) too, so
        // the sums stay the same to the last bit
        boolean foldBias = in == null && bias != null && allEqual(bias);
        this.uniformBias = foldBias ? bias[0] : Double.NaN;
        this.bias = foldBias ? null : bias;
    }

    /** True when input and bias are constant (the drive may still carry synapses). */
    boolean constantInput() {
        return varyingUniform == null && varyingPerNeuron == null;
    }

    private static boolean allEqual(double[] x) {
        if (x.length == 0) return false;
        for (double e : x) {
            if (Double.doubleToLongBits(e) != Double.doubleToLongBits(x[0])) return false;
        }
        return true;
    }

    @Override
    public String integrator() { return integrator; }
    /** How the engine stepped it in the last run (held, events or grid). */
    public String steppingUsed() { return steppingUsed; }
    /** Set once by the loader from the config's {@code stepping} (auto or held). */
    public void stepping(String stepping) { this.stepping = stepping; }

    /** True for models that emit spikes (a threshold); false for rate neurons. */
    @Override
    public boolean spiking() {
        return dynamics.spikeRule().spikes();
    }

    /** state()[k][i], SI units. */
    @Override
    public double[][] state() {
        return solver.state();
    }

    public Dimension dimensionOf(int variable) {
        return dynamics.stateVariables().get(variable).dimension();
    }

    @Override
    public List<String> variables() {
        return dynamics.stateVariables().stream().map(StateVariable::name).toList();
    }

    /**
     * True when the drive never changes during a run (constant input and bias, no synaptic current or conductance
     * read into it, no rate projection adding to it): set by the engine, which builds it in the first step only.
     */
    boolean constantDrive;
    boolean driveIsBuilt;

    /** Poisson inputs of this population (config key {@code poisson_input}). */
    PoissonInput[] poissonInputs = new PoissonInput[0];

    public void addPoissonInput(PoissonInput in) {
        poissonInputs = java.util.Arrays.copyOf(poissonInputs, poissonInputs.length + 1);
        poissonInputs[poissonInputs.length - 1] = in;
    }

    /**
     * Step n's Poisson events of neurons from..to at the step's start: into the filters, or as jumps (arrivals for a
     * target that integrates its synapses, given as {@code arrivals}; null otherwise).
     */
    void addPoissonEvents(long step, int from, int to, Arrivals arrivals) {
        addPoissonEvents(step, from, to, arrivals, null);
    }

    /** As above; on the grid, jumps go into {@code jumps} (those taken at this step's end) instead. */
    void addPoissonEvents(long step, int from, int to, Arrivals arrivals, double[] jumps) {
        for (PoissonInput in : poissonInputs) {
            if (in.group == null && jumps != null) {
                for (int i = from; i < to; i++) jumps[i] += in.count(step, i) * in.weight;
            } else if (in.group != null) {
                in.addToFilter(step, from, to);   // the filter's state at the step's start: its modes carry the response
            } else if (arrivals != null) {
                in.addTo(arrivals, step, from, to);   // jumps of an exact target: arrivals at the step's start
            } else {   // jumps of lif with its drive held (for comparison): a crossing shows at the step's end
                double[] v = state()[dynamics.spikeRule().membrane()];
                for (int i = from; i < to; i++) v[i] += in.count(step, i) * in.weight;
            }
        }
    }

    /** Outputs of the current-based synapse groups onto this population; set once the network is built. */
    double[][] currentInputs = new double[0][];
    /** Per current input: its filter's pointwise decay per step, folded into {@link #buildDrive}; NaN: none. */
    double[] currentDecay = new double[0];
    /** Conductance-based synapse groups onto this population. */
    SynapseGroup[] conductanceGroups = new SynapseGroup[0];
    /** Per conductance group: its filter's pointwise decay per step, as {@link #currentDecay}. */
    double[] conductanceDecay = new double[0];

    /**
     * Fills the drive of neurons from..to for step n in one pass per kind: external input, bias and every
     * current-based synaptic output summed into {@code current}; conductances and their reversal-weighted sum.
     * With {@code decay}, the first-order filters whose decay is folded in here are also advanced from t to
     * t + dt in the same pass (x[i] *= f right after x[i] is read), so they need no pass of their own.
     */
    void buildDrive(long step, int from, int to, boolean decay) {
        if (driveIsBuilt) return;
        double[] cur = drive.current;
        double s = 0;
        if (varyingUniform != null) s += varyingUniform.value(step);
        if (uniformInput == uniformInput) s += uniformInput;
        if (uniformBias == uniformBias) s += uniformBias;
        double[] in = inputPerNeuron, b = bias;
        if (varyingPerNeuron != null) varyingPerNeuron.fill(step, in, from, to);
        double[][] syn = currentInputs;
        double[] sd = currentDecay;
        // each loop is a small method of its own: the JIT compiles small methods quickly, which shortens the
        // warm-up of a short simulation (one method with all these loops took C2 60 ms on a 2-core machine)
        double[] apart = drive.synapticCurrent;   // the synaptic current kept apart from the external input, or null
        if (apart == null && decay && syn.length == 2 && in == null && b == null && sd[0] == sd[0] && sd[1] == sd[1]) {
            sumAndDecayTwo(cur, s, syn[0], sd[0], syn[1], sd[1], from, to);   // the CUBA case
        } else {
            if (in == null && b == null) {
                java.util.Arrays.fill(cur, from, to, s);
            } else {
                constantInput(cur, s, in, b, from, to);
            }
            double[] into = cur;
            if (apart != null) {
                java.util.Arrays.fill(apart, from, to, 0);
                into = apart;
            }
            for (int k = 0; k < syn.length; k++) {
                double f = sd[k];
                if (decay && f == f) addAndDecay(into, syn[k], f, from, to);
                else add(into, syn[k], from, to);
            }
        }
        SynapseGroup[] cg = conductanceGroups;
        for (int k = 0; k < cg.length; k++) {
            double f = decay ? conductanceDecay[k] : Double.NaN;
            if (f != f) f = 1;   // not folded: the filter advances itself, after the neurons
            conductance(drive.conductance, drive.conductanceTimesReversal, k == 0, cg[k].filter.output(),
                    cg[k].reversal, f, from, to);
        }
    }

    /** cur = s + x + y, then x *= fx and y *= fy: two exponential synaptic currents in one pass. */
    private static void sumAndDecayTwo(double[] cur, double s, double[] x, double fx, double[] y, double fy,
                                       int from, int to) {
        for (int i = from; i < to; i++) {
            double a = x[i], c = y[i];
            cur[i] = s + a + c;
            x[i] = a * fx;
            y[i] = c * fy;
        }
    }

    private static void constantInput(double[] cur, double s, double[] in, double[] b, int from, int to) {
        for (int i = from; i < to; i++) cur[i] = s + (in == null ? 0 : in[i]) + (b == null ? 0 : b[i]);
    }

    private static void add(double[] cur, double[] x, int from, int to) {
        for (int i = from; i < to; i++) cur[i] += x[i];
    }

    private static void addAndDecay(double[] cur, double[] x, double f, int from, int to) {
        for (int i = from; i < to; i++) {
            double a = x[i];
            cur[i] += a;
            x[i] = a * f;
        }
    }

    /** g (+)= o and gE (+)= o E_rev for one conductance group, then o *= f (f = 1: the filter decays itself). */
    private static void conductance(double[] g, double[] gE, boolean first, double[] o, double e, double f,
                                    int from, int to) {
        if (first) {
            for (int i = from; i < to; i++) {
                double a = o[i];
                g[i] = a;
                gE[i] = a * e;
                o[i] = a * f;
            }
        } else {
            for (int i = from; i < to; i++) {
                double a = o[i];
                g[i] += a;
                gE[i] += a * e;
                o[i] = a * f;
            }
        }
    }

    /** The solver's state and the jump ring (see {@link Population#save}). */
    @Override
    void saveState(org.neurosim.core.checkpoint.StateWriter out) {
        solver.save(out);
        Rings.save(out, jumpRing);
    }

    /**
     * On the grid (exact-grid): the membrane jumps of delta synapses on their way, summed per neuron and arrival
     * step when their spikes are emitted, slot m % length read as step m - 1 ends; null otherwise.
     */
    private double[][] jumpRing;

    /** The jump ring of {@code slots} steps, made at the first call (or kept from a restored or earlier run). */
    double[][] jumpRing(int slots) {
        jumpRing = Rings.of(jumpRing, slots, size, "jumps onto " + name);
        return jumpRing;
    }

    @Override
    void restoreState(org.neurosim.core.checkpoint.StateReader in) {
        solver.restore(in);
        jumpRing = Rings.restore(in, size, "jumps onto " + name);
    }
}
