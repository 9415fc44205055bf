package org.neurosim.network.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.connect.SynapseList;
import org.neurosim.core.units.Dimension;
import org.neurosim.core.units.Quantity;
import org.neurosim.core.units.Units;

/**
 * {@code connect: {list: FILE.csv}}: one synapse per line, comma-separated, after a header line naming the columns:
 * <pre>
 * source,target,weight [nA],delay [ms]
 * 0,3,0.25,1.5
 * </pre>
 * {@code source} and {@code target} (neuron indices within their populations, from 0) are required; {@code weight}
 * and {@code delay} are optional, in any order, each with its unit in brackets, or bare, when the projection's
 * {@code weight} / {@code delay} is the unit its numbers multiply (as for a matrix). Without a weight (delay) column
 * the projection's {@code weight} ({@code delay}) applies, drawn or not. Blank lines and lines starting with
 * {@code #} are skipped. A malformed line is refused naming the file, the line and what is expected.
 */
final class SynapseFile {
    static final String FORM = "source,target[,weight [unit]][,delay [unit]]";

    /** The synapses and the units of the weight and delay columns named in the header (null: none named). */
    record Read(SynapseList synapses, Quantity weightUnit, Quantity delayUnit) { }

    private SynapseFile() { }

    /**
     * Reads {@code file}; {@code key} names the config value in the errors that are not about a line, the sizes bound
     * the indices, {@code weightDim} is what a weight is and {@code dt} bounds the delays (at most
     * {@link DelayRows#MAX_STEPS} steps, when the delays' unit is known here).
     */
    static Read read(Path file, String key, int sources, int targets, Dimension weightDim, double delayKeyUnit,
                     double dt) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString(), sources, targets, weightDim, delayKeyUnit, dt);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(key + ": no such file '" + file + "'");
        } catch (IOException e) {
            throw new InvalidInputException(key + ": cannot read '" + file + "' (" + e.getMessage() + ")");
        }
    }

    /** As above from a reader; {@code delayKeyUnit} is the projection's {@code delay} in seconds, or NaN. */
    static Read read(BufferedReader in, String name, int sources, int targets, Dimension weightDim,
                     double delayKeyUnit, double dt) throws IOException {
        Parser p = new Parser(in, name, sources, targets, dt);
        p.readHeader(weightDim);
        if (p.col == null) throw new InvalidInputException(name + ": expected a header line " + FORM + ", got an empty file");
        // the delays' unit, to refuse a delay beyond the longest that rows hold, by its line
        double delayUnit = p.dUnit != null ? p.dUnit.si() : delayKeyUnit;
        p.maxDelay = delayUnit > 0 ? (DelayRows.MAX_STEPS + 0.5) * dt / delayUnit : Double.POSITIVE_INFINITY;
        return new Read(p.readRows(), p.wUnit, p.dUnit);
    }

    /** One file being read: where it is (line ln), the header's columns and units, the synapses so far. */
    private static final class Parser {
        final BufferedReader in;
        final String name;
        final int sources, targets;
        final double dt;
        double maxDelay;
        int ln;
        int[] col;   // col[c]: 0 source, 1 target, 2 weight, 3 delay
        Quantity wUnit, dUnit;
        int cap = 1024, n;
        int[] src, tgt;
        double[] w, d;

        Parser(BufferedReader in, String name, int sources, int targets, double dt) {
            this.in = in;
            this.name = name;
            this.sources = sources;
            this.targets = targets;
            this.dt = dt;
        }

        /** The next line that is neither blank nor a comment, stripped; null at the end. */
        String next() throws IOException {
            String line;
            while ((line = in.readLine()) != null) {
                ln++;
                String t = line.strip();
                if (!(t.isEmpty() || t.startsWith("#"))) return t;
            }
            return null;
        }

        /** Reads the header line into col, wUnit and dUnit (col stays null in a file of no line). */
        void readHeader(Dimension weightDim) throws IOException {
            String t = next();
            if (t == null) return;
            String[] names = t.split(",", -1);
            col = new int[names.length];
            boolean[] seen = new boolean[4];
            for (int c = 0; c < names.length; c++) {
                String h = names[c].strip();
                String unit = null;
                int open = h.indexOf('[');
                if (open >= 0) {
                    if (!h.endsWith("]")) throw lineError(name, ln, "expected a header " + FORM + ", got '" + t + "'");
                    unit = h.substring(open + 1, h.length() - 1).strip();
                    h = h.substring(0, open).strip();
                }
                int which = switch (h) {
                    case "source" -> 0;
                    case "target" -> 1;
                    case "weight" -> 2;
                    case "delay" -> 3;
                    default -> throw lineError(name, ln, "expected a header " + FORM + ", got the column '" + names[c].strip()
                            + "'" + (h.matches("[-+0-9.eE ]+") ? " (the header line is required)" : ""));
                };
                if (seen[which]) throw lineError(name, ln, "the column '" + h + "' appears twice in the header");
                seen[which] = true;
                col[c] = which;
                if (unit != null) columnUnit(which, h, unit, names[c].strip(), weightDim);
            }
            if (!seen[0] || !seen[1]) {
                throw lineError(name, ln, "expected a header " + FORM + " (source and target are required), got '" + t + "'");
            }
        }

        /** The unit in brackets of column {@code h} (weight or delay), which must be of its dimension. */
        private void columnUnit(int which, String h, String unit, String column, Dimension weightDim) {
            if (which < 2) throw lineError(name, ln, "a neuron index has no unit: '" + column + "'");
            Dimension want = which == 2 ? weightDim : Dimension.TIME;
            Quantity q;
            try {
                q = Units.unit(unit);
            } catch (InvalidInputException e) {
                throw lineError(name, ln, h + " [" + unit + "]: expected a unit of " + want.describe());
            }
            if (!q.dimension().equals(want)) {
                throw lineError(name, ln, h + " [" + unit + "]: expected a unit of " + want.describe());
            }
            if (which == 2) wUnit = q; else dUnit = q;
        }

        /** Reads the synapses, one per line after the header. */
        SynapseList readRows() throws IOException {
            boolean hasW = false, hasD = false;
            for (int c : col) {
                hasW |= c == 2;
                hasD |= c == 3;
            }
            src = new int[cap];
            tgt = new int[cap];
            w = hasW ? new double[cap] : null;
            d = hasD ? new double[cap] : null;
            String form = header(col);
            String t;
            while ((t = next()) != null) {
                if (n == cap) grow();
                readRow(t, form);
                n++;
            }
            return new SynapseList(Arrays.copyOf(src, n), Arrays.copyOf(tgt, n),
                    w == null ? null : Arrays.copyOf(w, n), d == null ? null : Arrays.copyOf(d, n));
        }

        private void grow() {
            if (cap >= org.neurosim.core.connect.Connections.MAX) {
                throw lineError(name, ln, "more than " + org.neurosim.core.connect.Connections.MAX + " synapses");
            }
            cap = (int) Math.min(org.neurosim.core.connect.Connections.MAX, 2L * cap);
            src = Arrays.copyOf(src, cap);
            tgt = Arrays.copyOf(tgt, cap);
            if (w != null) w = Arrays.copyOf(w, cap);
            if (d != null) d = Arrays.copyOf(d, cap);
        }

        /** Synapse n from the line {@code t}, whose values are in the header's order {@code form}. */
        private void readRow(String t, String form) {
            int columns = col.length;
            int start = 0;
            for (int c = 0; c < columns; c++) {
                int end = c == columns - 1 ? t.length() : t.indexOf(',', start);
                if (end < 0 || (c == columns - 1 && t.indexOf(',', start) >= 0)) {
                    throw lineError(name, ln, "expected " + columns + " comma-separated values (" + form + "), got '" + t + "'");
                }
                String f = t.substring(start, end).strip();
                start = end + 1;
                switch (col[c]) {
                    case 0 -> src[n] = index(f, sources, "source", name, ln);
                    case 1 -> tgt[n] = index(f, targets, "target", name, ln);
                    case 2 -> w[n] = number(f, name, ln, "weight");
                    default -> {
                        double v = number(f, name, ln, "delay");
                        if (!(v >= 0)) throw lineError(name, ln, "delay: expected a number >= 0, got '" + f + "'");
                        if (v > maxDelay) {
                            throw lineError(name, ln, "delay: " + f + " is more than " + DelayRows.MAX_STEPS
                                    + " steps of dt = " + LoadContext.fmt(dt) + " s");
                        }
                        d[n] = v;
                    }
                }
            }
        }
    }

    private static String header(int[] col) {
        StringBuilder b = new StringBuilder();
        for (int c : col) {
            if (b.length() > 0) b.append(',');
            b.append(new String[] {"source", "target", "weight", "delay"}[c]);
        }
        return b.toString();
    }

    private static int index(String f, int size, String what, String name, int ln) {
        double v;
        try {
            v = Double.parseDouble(f);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= 0 && v < size && v == Math.rint(v))) {
            throw lineError(name, ln, what + ": expected a neuron index from 0 to " + (size - 1) + " of the " + what
                    + " population, got '" + f + "'");
        }
        return (int) v;
    }

    private static double number(String f, String name, int ln, String what) {
        try {
            double v = Double.parseDouble(f);
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException e) {
            // below
        }
        throw lineError(name, ln, what + ": expected a finite number, got '" + f + "'");
    }

    private static InvalidInputException lineError(String file, int line, String what) {
        return new InvalidInputException(file + ": line " + line + ": " + what);
    }
}
