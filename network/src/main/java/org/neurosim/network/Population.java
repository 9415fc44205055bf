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
    final double[] inputPerNeuron;       // constant input per neuron (SI), or null
    final double[] scheduleTimes;        // step schedule: value scheduleValues[k] from scheduleTimes[k] on
    final double[] scheduleValues;
    final double[] bias;                 // per neuron, or null
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
        this.inputPerNeuron = inputPerNeuron;
        this.scheduleTimes = scheduleTimes;
        this.scheduleValues = scheduleValues;
        this.bias = bias;
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

    /** Resets the drive of neurons from..to to the external input and bias at time t. */
    void prepareDrive(double t, int from, int to) {
        double[] cur = drive.current;
        java.util.Arrays.fill(drive.conductance, from, to, 0);
        java.util.Arrays.fill(drive.conductanceReversal, from, to, 0);
        if (inputPerNeuron != null) {
            System.arraycopy(inputPerNeuron, from, cur, from, to - from);
        } else {
            java.util.Arrays.fill(cur, from, to, 0);
        }
        if (scheduleTimes != null) {
            double s = scheduled(t);
            for (int i = from; i < to; i++) cur[i] += s;
        }
        if (bias != null) {
            for (int i = from; i < to; i++) cur[i] += bias[i];
        }
    }
}
