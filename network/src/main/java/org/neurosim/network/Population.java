package org.neurosim.network;

import java.util.List;
import org.neurosim.core.integrate.PopulationSolver;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.NeuronDynamics;

/**
 * One population at run time: its model's dynamics and solver (state as arrays over the population), the drive
 * filled each step, its external input and bias, and the spikes of the current step.
 */
public final class Population {
    final String name;
    final String model;
    final int index;
    final int size;
    final NeuronDynamics dynamics;
    final PopulationSolver solver;       // null for a spike source
    final SpikeSource source;            // null for a neuron model
    final String integrator;
    final Drive drive;
    final double[] inputPerNeuron;       // constant input per neuron (SI), or null (none, or the same for all)
    final double[] scheduleTimes;        // step schedule: value scheduleValues[k] from scheduleTimes[k] on
    final double[] scheduleValues;
    final double[] bias;                 // per neuron, or null (none, or the same for all)
    // an input or bias equal for every neuron is added once per step, not read per neuron; NaN: none
    private final double uniformInput, uniformBias;
    final SpikeBuffer spikes = new SpikeBuffer();
    long totalSpikes;

    Population(String name, String model, int index, int size, NeuronDynamics dynamics, PopulationSolver solver,
               String integrator, double[] inputPerNeuron, double[] scheduleTimes, double[] scheduleValues,
               double[] bias) {
        this.name = name;
        this.model = model;
        this.index = index;
        this.size = size;
        this.dynamics = dynamics;
        this.solver = solver;
        this.source = dynamics instanceof SpikeSource s ? s : null;
        this.integrator = integrator;
        this.drive = new Drive(size);
        this.scheduleTimes = scheduleTimes;
        this.scheduleValues = scheduleValues;
        // (s + in) + b is what the per-neuron loop adds: fold b only when the input is folded (or absent) too, so
        // the sums stay the same to the last bit
        this.uniformInput = uniform(inputPerNeuron);
        this.inputPerNeuron = uniformInput == uniformInput ? null : inputPerNeuron;
        this.uniformBias = this.inputPerNeuron == null ? uniform(bias) : Double.NaN;
        this.bias = uniformBias == uniformBias ? null : bias;
    }

    /** The common value of all elements, or NaN when they differ or there are none. */
    private static double uniform(double[] x) {
        if (x == null || x.length == 0) return Double.NaN;
        for (double e : x) {
            if (Double.doubleToLongBits(e) != Double.doubleToLongBits(x[0])) return Double.NaN;
        }
        return x[0];
    }

    public String name() { return name; }
    public String model() { return model; }
    public int size() { return size; }
    public String integrator() { return integrator; }
    public long totalSpikes() { return totalSpikes; }

    /** True for models that emit spikes (a threshold or a source); false for rate neurons. */
    public boolean spiking() {
        return source != null || dynamics.membraneIndex() >= 0;
    }

    /** state()[k][i], SI units; empty for a source. */
    public double[][] state() {
        return solver == null ? new double[0][size] : solver.state();
    }

    public org.neurosim.core.units.Dimension dimensionOf(int variable) {
        return dynamics.stateVariables().get(variable).dimension();
    }

    public List<String> variables() {
        return dynamics.stateVariables().stream().map(v -> v.name()).toList();
    }

    /** The scheduled input at time t (0 without a schedule). */
    double scheduled(double t) {
        if (scheduleTimes == null) return 0;
        double v = 0;
        for (int k = 0; k < scheduleTimes.length && scheduleTimes[k] <= t + 1e-12; k++) v = scheduleValues[k];
        return v;
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
     * Fills the drive of neurons from..to at time t in one pass per kind: external input, bias and every
     * current-based synaptic output summed into {@code current}; conductances and their reversal-weighted sum.
     * With {@code decay}, the first-order filters whose decay is folded in here are also advanced from t to
     * t + dt in the same pass (x[i] *= f right after x[i] is read), so they need no pass of their own.
     */
    void buildDrive(double t, int from, int to, boolean decay) {
        double[] cur = drive.current;
        double s = scheduleTimes == null ? 0 : scheduled(t);
        if (uniformInput == uniformInput) s += uniformInput;
        if (uniformBias == uniformBias) s += uniformBias;
        double[] in = inputPerNeuron, b = bias;
        double[][] syn = currentInputs;
        double[] sd = currentDecay;
        // each loop is a small method of its own: the JIT compiles small methods quickly, which shortens the
        // warm-up of a short simulation (one method with all these loops took C2 60 ms on a 2-core machine)
        if (decay && syn.length == 2 && in == null && b == null && sd[0] == sd[0] && sd[1] == sd[1]) {
            sumAndDecayTwo(cur, s, syn[0], sd[0], syn[1], sd[1], from, to);   // the CUBA case
        } else {
            if (in == null && b == null) {
                java.util.Arrays.fill(cur, from, to, s);
            } else {
                constantInput(cur, s, in, b, from, to);
            }
            for (int k = 0; k < syn.length; k++) {
                double f = sd[k];
                if (decay && f == f) addAndDecay(cur, syn[k], f, from, to);
                else add(cur, syn[k], from, to);
            }
        }
        SynapseGroup[] cg = conductanceGroups;
        for (int k = 0; k < cg.length; k++) {
            double f = decay ? conductanceDecay[k] : Double.NaN;
            if (f != f) f = 1;   // not folded: the filter advances itself, after the neurons
            conductance(drive.conductance, drive.conductanceReversal, k == 0, cg[k].filter.output(), cg[k].reversal,
                    f, from, to);
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
}
