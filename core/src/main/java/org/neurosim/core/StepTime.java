package org.neurosim.core;

/**
 * Times on the simulation's grid, by one tolerant rule used everywhere: a time within {@link #ON_GRID} steps of a
 * grid point is on it. Decimal times are not binary multiples of dt (0.03 s is 0.029999999999999995 in a double,
 * 300 steps of 0.1 ms less 5e-18 s), so without the tolerance which step a time falls in would be floating-point
 * luck. The step of a time t is the one that starts at or before it; an input arriving on a grid point is taken at
 * the end of the step ending there, as NEST does.
 */
public final class StepTime {
    /** How close to a grid point, in steps, a time counts as on it. */
    public static final double ON_GRID = 1e-9;

    private StepTime() { }

    /** The step in which time t falls: floor(t / dt), a time within {@link #ON_GRID} of a grid point on it. */
    public static long step(double t, double dt) {
        return (long) Math.floor(t / dt + ON_GRID);
    }

    /** t's offset from the start of step {@code step}, in [0, dt): 0 for a time on that grid point. */
    public static double offset(double t, long step, double dt) {
        double offset = t - step * dt;
        return offset <= ON_GRID * dt ? 0 : Math.min(offset, Math.nextDown(dt));
    }

    /** True when {@code offset} (inside a step of dt) is the step's start, by the same tolerance. */
    public static boolean onGridPoint(double offset, double dt) {
        return offset <= ON_GRID * dt;
    }

    /**
     * The number of whole steps in {@code duration}, or -1 when it is not a whole number of steps (by the same
     * tolerance).
     */
    public static long wholeSteps(double duration, double dt) {
        double steps = duration / dt;
        long n = Math.round(steps);
        return Math.abs(steps - n) <= ON_GRID * Math.max(1, steps) ? n : -1;
    }
}
