package org.neurosim.network.source;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.StepTime;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.model.SpikeSink;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.source.StatefulSpikeSource;
import org.neurosim.core.units.Dimension;

/**
 * Independent stationary renewal processes, one per neuron, drawn exactly in continuous time (the engine of the
 * {@code gamma} and {@code poisson-dead-time} sources, which give the interval laws). Each neuron's next spike is
 * kept as the step it falls in and its offset inside that step, two arrays that are the source's whole state
 * (saved in a checkpoint: {@link StatefulSpikeSource}). In step n every neuron whose next spike falls in
 * [n dt, (n + 1) dt) emits it at its exact offset and draws the interval to the one after, until its next spike
 * lies beyond the step (a neuron may spike more than once in a step). The draws come from the step's random
 * stream, in neuron order, on one thread, so a seed gives the same spikes at any thread count and a resumed run
 * those of the uninterrupted one.
 *
 * <p>Every train is stationary from t = 0: at the first step, each neuron's first spike is drawn from the
 * forward-recurrence-time law of its process (the time from a random instant to the next spike, density
 * (1 - F(t)) / mean ISI for the interval law F), so the rate and the interval statistics hold from the start, with
 * no transient. {@code start} and {@code stop} keep the spikes in [start, stop) and drop the others; the process
 * runs on regardless, so the spikes that are kept are those of a train that is stationary from {@code start} on.
 */
abstract class RenewalTrains implements StatefulSpikeSource {
    private final long[] nextStep;      // per neuron, the step of its next spike; -1 before the first step, MAX: never
    private final double[] nextOffset;  // per neuron, that spike's time after the start of its step, in [0, dt)
    private final double dt;
    private final boolean window;       // start or stop given: spikes outside [start, stop) are dropped
    private final long startStep, stopStep;
    private final double startOffset, stopOffset;

    RenewalTrains(PopulationContext c, Parameters p) {
        int size = c.size();
        this.dt = c.dt();
        this.nextStep = new long[size];
        this.nextOffset = new double[size];
        Arrays.fill(nextStep, -1);
        double start = p.get("start"), stop = p.get("stop");
        this.startStep = StepTime.step(start, dt);
        this.startOffset = StepTime.offset(start, startStep, dt);
        this.stopStep = stop / dt >= 4e18 ? Long.MAX_VALUE : StepTime.step(stop, dt);
        this.stopOffset = stopStep == Long.MAX_VALUE ? 0 : StepTime.offset(stop, stopStep, dt);
        this.window = start > 0 || stopStep != Long.MAX_VALUE;
    }

    /** The {@code start} and {@code stop} parameters, which every renewal source takes after its own. */
    static List<ParameterSpec> window() {
        return List.of(
                ParameterSpec.positive("start", Dimension.TIME, "0 ms", "no spikes before this time"),
                ParameterSpec.positive("stop", Dimension.TIME, "1e300 s",
                        "no spikes from this time on (the default: never)"));
    }

    /** Refuses a {@code stop} before {@code start}, naming the key. */
    static void checkWindow(PopulationContext c, Parameters p) {
        if (p.get("stop") < p.get("start")) {
            throw new InvalidInputException(c.key() + ".params.stop: expected a time at or after start ("
                    + p.get("start") + " s), got " + p.get("stop") + " s");
        }
    }

    /** An interval between two spikes of neuron i, in seconds (+infinity: no more spikes). */
    abstract double interval(int i, SplittableRandom random);

    /** The time from t = 0 to neuron i's first spike of the stationary process, in seconds (+infinity: none). */
    abstract double firstSpike(int i, SplittableRandom random);

    /** Exp(1): -ln(1 - u) with u uniform in [0, 1), so never infinite. */
    static double exponential(SplittableRandom random) {
        return -Math.log(1.0 - random.nextDouble());
    }

    @Override
    public final void emit(long step, SplittableRandom random, SpikeSink spikes) {
        long[] next = nextStep;
        double[] offset = nextOffset;
        int size = next.length;
        if (size > 0 && next[0] < 0) {   // the first step of the run (the state of a resumed run is restored)
            for (int i = 0; i < size; i++) place(i, step, firstSpike(i, random));
        }
        for (int i = 0; i < size; i++) {
            while (next[i] == step) {
                double o = offset[i];
                if (!window || inWindow(step, o)) spikes.spike(i, o);
                place(i, step, o + interval(i, random));
            }
        }
    }

    private boolean inWindow(long step, double offset) {
        boolean afterStart = step > startStep || (step == startStep && offset >= startOffset);
        boolean beforeStop = step < stopStep || (step == stopStep && offset < stopOffset);
        return afterStart && beforeStop;
    }

    /** Sets neuron i's next spike to time t after the start of step {@code step}. */
    private void place(int i, long step, double t) {
        double steps = t / dt;
        if (!(steps < 4e18)) {   // beyond any run (or infinite: a rate of 0)
            nextStep[i] = Long.MAX_VALUE;
            return;
        }
        long k = (long) steps;
        double r = t - k * dt;
        if (r < 0) {             // t / dt rounded up to a whole number
            k--;
            r += dt;
        } else if (r >= dt) {
            k++;
            r -= dt;
        }
        nextStep[i] = step + k;
        nextOffset[i] = Math.max(0, Math.min(r, Math.nextDown(dt)));
    }

    @Override
    public final long[][] longState() {
        return new long[][] {nextStep};
    }

    @Override
    public final double[][] doubleState() {
        return new double[][] {nextOffset};
    }
}
