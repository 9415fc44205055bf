package org.neurosim.activation;

import java.util.List;
import org.neurosim.core.activation.ActivationFunction;

/**
 * The course's activation functions (../shared/science.md section 3) with their derivatives:
 * <pre>
 *   logistic  s(z) = 1 / (1 + exp(-z))          s'(z) = s(z) (1 - s(z))
 *   arctan    s(z) = arctan(z)                   s'(z) = 1 / (1 + z^2)
 *   tanh      s(z) = tanh(z)                     s'(z) = 1 - tanh(z)^2
 *   threshold s(z) = 0 if z &lt; 0, 1 if z &gt;= 0   s'(z) = 0 (undefined at 0; 0 is returned)
 *   relu      s(z) = max(0, z)                   s'(z) = 0 if z &lt; 0, 1 if z &gt;= 0 (1 at the kink, by convention)
 *   linear    s(z) = z                           s'(z) = 1
 * </pre>
 */
public final class Activations {
    private Activations() { }

    public static double logistic(double z) {
        // written so that neither branch overflows
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    public static final ActivationFunction LOGISTIC = new SimpleActivation("logistic", "s(z) = 1 / (1 + exp(-z))",
            Activations::logistic, z -> {
                double s = logistic(z);
                return s * (1 - s);
            });
    public static final ActivationFunction ARCTAN = new SimpleActivation("arctan", "s(z) = arctan(z)",
            Math::atan, z -> 1.0 / (1.0 + z * z));
    public static final ActivationFunction TANH = new SimpleActivation("tanh", "s(z) = tanh(z)",
            Math::tanh, z -> {
                double t = Math.tanh(z);
                return 1 - t * t;
            });
    public static final ActivationFunction THRESHOLD = new SimpleActivation("threshold",
            "s(z) = 0 if z < 0, 1 if z >= 0", z -> z >= 0 ? 1.0 : 0.0, z -> 0.0);
    public static final ActivationFunction RELU = new SimpleActivation("relu", "s(z) = max(0, z)",
            z -> Math.max(0.0, z), z -> z >= 0 ? 1.0 : 0.0);
    public static final ActivationFunction LINEAR = new SimpleActivation("linear", "s(z) = z", z -> z, z -> 1.0);

    /** The five functions of the course, in its order. */
    public static final List<ActivationFunction> COURSE = List.of(LOGISTIC, ARCTAN, TANH, THRESHOLD, RELU);
}
