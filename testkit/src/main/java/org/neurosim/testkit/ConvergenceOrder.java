package org.neurosim.testkit;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Measures an integrator's order of accuracy p (error ~ dt^p): the least-squares slope of log(error) against
 * log(dt) over dt0, dt0/2, ..., dt0/2^(levels-1). For tests of integrators and of plugin models.
 */
public final class ConvergenceOrder {
    private ConvergenceOrder() { }

    /** @param error the (positive) error of a solution computed with step dt */
    public static double measure(DoubleUnaryOperator error, double dt0, int levels) {
        SimpleRegression r = new SimpleRegression();
        for (int l = 0; l < levels; l++) {
            double dt = dt0 / (1 << l);
            r.addData(Math.log(dt), Math.log(error.applyAsDouble(dt)));
        }
        return r.getSlope();
    }
}
