package org.neurosim.core;

/**
 * A state variable became NaN or infinite during a run. The command line turns it into exit code 3.
 */
public class NumericalFailureException extends RuntimeException {
    private final double timeSeconds;

    public NumericalFailureException(String message, double timeSeconds) {
        super(message);
        this.timeSeconds = timeSeconds;
    }

    /** Simulated time at which the failure was detected. */
    public double timeSeconds() {
        return timeSeconds;
    }
}
