package org.neurosim.core;

/**
 * Seeds for independent random streams derived from a run's seed and a tag ({@code "init:exc"},
 * {@code "connect:0:inh"}), so a stream does not depend on the order in which a config lists things.
 */
public final class Seeds {
    private Seeds() { }

    /** A 64-bit FNV-style mix of the seed and the tag's characters. */
    public static long mix(long seed, String tag) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < tag.length(); i++) h = (h ^ tag.charAt(i)) * 0x100000001B3L;
        return h ^ (h >>> 31);
    }

    /**
     * A uniform double in [0, 1) that depends only on (seed, a, b): a counter-based generator (SplitMix64's
     * finaliser over the mixed inputs), so values drawn per neuron and step are the same whichever thread draws
     * them and in whatever order.
     */
    public static double uniform(long seed, long a, long b) {
        return (bits(seed, a, b) >>> 11) * 0x1.0p-53;
    }

    /**
     * The 64 random bits behind {@link #uniform}: its value is {@code (bits >>> 11) * 2^-53}, so the top k bits are
     * {@code floor(uniform * 2^k)}, which a table lookup can take without forming the double.
     */
    public static long bits(long seed, long a, long b) {
        long z = seed + a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The random stream of step {@code step} of a stream seeded with {@code seed}: a function of the two only, so a
     * run resumed at any step draws what the uninterrupted run drew there, with no generator state to save.
     */
    public static java.util.SplittableRandom stepStream(long seed, long step) {
        long z = seed + (step + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new java.util.SplittableRandom(z ^ (z >>> 31));
    }

    /**
     * A standard normal deviate that depends only on (seed, a, b), by Box-Muller from two counter-based uniforms of
     * 53 bits: u1 = 1 - {@link #uniform}(seed, a, 2b) in (0, 1], u2 = uniform(seed, a, 2b + 1), and
     * z = sqrt(-2 ln u1) cos(2 pi u2) (the sine's deviate is not used, so each value stands alone). |z| is at most
     * sqrt(-2 ln 2^-53) = 8.6.
     */
    public static double normal(long seed, long a, long b) {
        double u1 = 1 - uniform(seed, a, 2 * b), u2 = uniform(seed, a, 2 * b + 1);
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
