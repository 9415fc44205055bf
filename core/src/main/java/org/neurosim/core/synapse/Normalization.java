package org.neurosim.core.synapse;

import org.neurosim.core.InvalidInputException;

/** How a kernel is scaled: {@code area} (the course's kappa, integral 1) or {@code peak} (maximum 1). */
public enum Normalization {
    AREA, PEAK;

    public static Normalization parse(String text, String key) {
        return switch (text.strip()) {
            case "area" -> AREA;
            case "peak" -> PEAK;
            default -> throw new InvalidInputException(key + ": expected 'area' or 'peak', got '" + text + "'");
        };
    }

    /** The factor applied to the area-normalised kernel. */
    public double scale(Kernel kernel) {
        return this == AREA || kernel.isInstant() ? 1.0 : 1.0 / kernel.peakValue();
    }
}
