package org.neurosim.core.activation;

/** An activation function with fixed parameters: value s(z) and derivative s'(z), on scalars or whole arrays. */
public interface Activation {
    double value(double z);

    double derivative(double z);

    /** out[i] = s(z[i]) for i in from..to. */
    default void apply(double[] z, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = value(z[i]);
        }
    }
}
