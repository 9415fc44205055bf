package org.neurosim.core.param;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.units.Dimension;
import org.neurosim.core.units.Units;

/**
 * A value drawn per neuron or per synapse: a constant ({@code -65 mV}), {@code uniform(a, b)},
 * {@code normal(mean, sd)} or {@code lognormal(mean, sd)}, each with the expected dimension. The lognormal's two
 * arguments are the mean and standard deviation of the value itself (not of its logarithm, which is what NEST's
 * {@code lognormal} takes): sigma^2 = ln(1 + sd^2 / mean^2), mu = ln|mean| - sigma^2 / 2, and a negative mean
 * gives the mirror image (an inhibitory weight stays negative).
 */
public interface Distribution {
    double sample(SplittableRandom random);

    /** True for a constant: no random numbers are drawn. */
    default boolean isConstant() {
        return false;
    }

    record Constant(double value) implements Distribution {
        @Override public double sample(SplittableRandom random) { return value; }
        @Override public boolean isConstant() { return true; }
    }

    record Uniform(double low, double high) implements Distribution {
        @Override public double sample(SplittableRandom random) { return low + (high - low) * random.nextDouble(); }
    }

    record Normal(double mean, double sd) implements Distribution {
        @Override
        public double sample(SplittableRandom random) {
            // Marsaglia's polar method: deterministic for a given generator state
            double u, v, s;
            do {
                u = 2 * random.nextDouble() - 1;
                v = 2 * random.nextDouble() - 1;
                s = u * u + v * v;
            } while (s >= 1 || s == 0);
            return mean + sd * u * Math.sqrt(-2 * Math.log(s) / s);
        }
    }

    record LogNormal(double mean, double sd) implements Distribution {
        @Override
        public double sample(SplittableRandom random) {
            double sigma2 = Math.log1p(sd * sd / (mean * mean));
            double mu = Math.log(Math.abs(mean)) - sigma2 / 2;
            return Math.copySign(Math.exp(mu + Math.sqrt(sigma2) * new Normal(0, 1).sample(random)), mean);
        }
    }

    /** This distribution with its draws clipped to [min, max] (NaN: no bound on that side). */
    default Distribution clipped(double min, double max) {
        if (min != min && max != max) return this;
        Distribution d = this;
        return r -> {
            double v = d.sample(r);
            if (v < min) v = min;
            if (v > max) v = max;
            return v;
        };
    }

    /** How many draws in a row may fall outside the bounds of {@link #redrawn} before it gives up. */
    int MAX_REDRAWS = 1000;

    /**
     * This distribution with a draw outside [min, max] drawn again until one falls inside (NaN: no bound on that
     * side): the distribution truncated to the bounds, NEST's {@code nest.math.redraw} and PyNN's
     * {@code normal_clipped}, where {@link #clipped} piles the outside mass onto the bounds. After
     * {@link #MAX_REDRAWS} draws in a row outside, fails naming {@code key}.
     */
    default Distribution redrawn(double min, double max, String key) {
        if (min != min && max != max) return this;
        Distribution d = this;
        return r -> {
            for (int k = 0; k < MAX_REDRAWS; k++) {
                double v = d.sample(r);
                if (!(v < min) && !(v > max)) return v;
            }
            throw new InvalidInputException(key + ": " + MAX_REDRAWS + " draws in a row fell outside the bounds ["
                    + (min != min ? "-inf" : min) + ", " + (max != max ? "inf" : max) + "] (SI units); widen them, or "
                    + "take out_of_bounds: clip");
        };
    }

    Pattern CALL = Pattern.compile("\\s*(uniform|normal|lognormal)\\s*\\((.*),(.*)\\)\\s*");

    static Distribution parse(String text, Dimension d, String key) {
        Matcher m = CALL.matcher(text);
        if (m.matches()) {
            double a = Units.parse(m.group(2).strip(), d, key);
            double b = Units.parse(m.group(3).strip(), d, key);
            if (m.group(1).equals("uniform")) {
                if (!(a <= b)) throw new InvalidInputException(key + ": uniform(a, b) needs a <= b, got '" + text + "'");
                return new Uniform(a, b);
            }
            if (!(b >= 0)) {
                throw new InvalidInputException(key + ": " + m.group(1) + "(mean, sd) needs sd >= 0, got '" + text + "'");
            }
            if (m.group(1).equals("lognormal")) {
                if (a == 0) throw new InvalidInputException(key + ": lognormal(mean, sd) needs mean != 0, got '" + text + "'");
                return new LogNormal(a, b);
            }
            return new Normal(a, b);
        }
        if (text.contains("(")) {
            throw new InvalidInputException(key + ": expected a constant, uniform(a, b), normal(mean, sd) or lognormal(mean, sd), got '"
                    + text + "'");
        }
        return new Constant(Units.parse(text, d, key));
    }
}
