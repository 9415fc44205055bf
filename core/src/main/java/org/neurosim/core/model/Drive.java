package org.neurosim.core.model;

/**
 * What drives each neuron of a population during one step, as arrays over the population (structure of arrays):
 * a current in the model's input dimension, plus the total synaptic conductance g = sum_k g_k and
 * {@link #conductanceTimesReversal} = sum_k g_k E_k, so that the synaptic current at membrane potential V is
 * sum_k g_k (E_k - V) = {@code conductanceTimesReversal - conductance V}. The network fills these before each step; a model reads them in its equations.
 * The conductance is that at the step's start; a grid integrator moves it to each stage's time with
 * {@link #conductanceAt} (or to the step's mean with {@link #meanConductance}), following the filters' known course.
 */
public final class Drive {
    public final double[] current;
    public final double[] conductance;
    public final double[] conductanceTimesReversal;
    /**
     * The current-based synaptic input kept apart from the external input, for a model that reads the two under
     * their own names ({@link NeuronDynamics#separatesSynapticCurrent}); null otherwise, and then {@link #current}
     * holds both.
     */
    public final double[] synapticCurrent;

    public Drive(int size) {
        this(size, false);
    }

    /** A drive whose synaptic current is kept in {@link #synapticCurrent} when {@code separate}. */
    public Drive(int size, boolean separate) {
        this.current = new double[size];
        this.conductance = new double[size];
        this.conductanceTimesReversal = new double[size];
        this.synapticCurrent = separate ? new double[size] : null;
    }

    /**
     * How the synaptic conductance goes on inside a step, from its state at the step's start and its filters' known
     * propagation: a first-order filter decays as g(t_n + s) = g(t_n) exp(-s / tau), a modal one (alpha, gamma,
     * double exponential) as sum_g exp(-s / tau_g) sum_k c_(g,k) s^k / k!. Without one the conductance is held.
     */
    public interface ConductanceCourse {
        /** Writes g(t_n + s) and sum_k g_k(t_n + s) E_k for neurons from..to, 0 &lt; s &lt;= dt. */
        void at(double s, double[] g, double[] gE, int from, int to);

        /** Writes the step's means (1/dt) int_0^dt g(t_n + s) ds and the same of sum_k g_k E_k. */
        void mean(double[] g, double[] gE, int from, int to);
    }

    private ConductanceCourse course;

    /** The conductance's course inside a step (set once by the network); null: held over the step. */
    public void conductanceCourse(ConductanceCourse course) {
        this.course = course;
    }

    /**
     * Moves {@link #conductance} and {@link #conductanceTimesReversal} of neurons from..to to time s after the step's
     * start, for an integrator stage at that time. The drive as built holds s = 0; stages ask in increasing s.
     */
    public void conductanceAt(double s, int from, int to) {
        if (course != null && s > 0) course.at(s, conductance, conductanceTimesReversal, from, to);
    }

    /**
     * Replaces the conductance by its mean over the step: what a one-stage method (euler, exponential-euler) takes,
     * so that the conductance it integrates over the step is the exact int g dt rather than g(t_n) dt.
     */
    public void meanConductance(int from, int to) {
        if (course != null) course.mean(conductance, conductanceTimesReversal, from, to);
    }

    public int size() {
        return current.length;
    }

    private long step = -1;

    /**
     * Says which step this drive is for (n, from t = n dt to (n + 1) dt; the network sets it before each step): a
     * stochastic integrator draws the noise of that step ({@link Stochastic#normals}).
     */
    public void atStep(long n) {
        this.step = n;
    }

    /** The step this drive is for, or -1 when nobody said ({@link #atStep}). */
    public long step() {
        return step;
    }

    public void clear() {
        java.util.Arrays.fill(current, 0);
        java.util.Arrays.fill(conductance, 0);
        java.util.Arrays.fill(conductanceTimesReversal, 0);
        if (synapticCurrent != null) java.util.Arrays.fill(synapticCurrent, 0);
    }
}
