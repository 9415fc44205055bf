package org.neurosim.network.connect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.connect.ConnectionContext;
import org.neurosim.core.connect.ConnectionRule;
import org.neurosim.core.connect.Connections;
import org.neurosim.core.param.DataValue;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;

/**
 * {@code weights}: W given explicitly, inline ({@code [[...], ...]}) or as a CSV file, rows = targets and
 * columns = sources; every nonzero entry is a synapse whose weight is the entry times the projection's
 * {@code weight} unit.
 */
public final class ExplicitWeights implements ConnectionRule {
    @Override public String name() { return "weights"; }
    @Override public String description() { return "W given as a matrix or CSV file (rows = targets, columns = sources)"; }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.data("weights", "a matrix [[...], ...] or a CSV file, rows = targets"));
    }

    @Override
    public Connections create(ConnectionContext c, Parameters p) {
        double[][] w = matrix(p.data("weights"), c.targets(), c.sources());
        int sources = c.sources();
        int[] rowStart = new int[sources + 1];
        int n = 0;
        for (int j = 0; j < sources; j++) {
            for (double[] row : w) if (row[j] != 0) n++;
            rowStart[j + 1] = n;
        }
        int[] targets = new int[n];
        double[] weights = new double[n];
        int k = 0;
        for (int j = 0; j < sources; j++) {
            for (int i = 0; i < w.length; i++) {
                if (w[i][j] != 0) {
                    targets[k] = i;
                    weights[k++] = w[i][j];
                }
            }
        }
        return new Connections(rowStart, targets, weights);
    }

    static double[][] matrix(DataValue m, int rows, int cols) {
        List<double[]> r = new ArrayList<>();
        if (m.isList()) {
            for (DataValue row : m.list()) {
                List<DataValue> cells = row.list();
                double[] v = new double[cells.size()];
                for (int j = 0; j < v.length; j++) v[j] = cells.get(j).number();
                r.add(v);
            }
        } else {
            Path file = m.file();
            List<String> lines = m.lines();
            for (int ln = 0; ln < lines.size(); ln++) {
                String line = lines.get(ln).strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] f = line.split("[,;\\s]+");
                double[] v = new double[f.length];
                try {
                    for (int j = 0; j < f.length; j++) v[j] = Double.parseDouble(f[j]);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(file + ": line " + (ln + 1)
                            + ": expected comma-separated numbers, got '" + line + "'");
                }
                r.add(v);
            }
        }
        if (r.size() != rows) {
            throw m.error("expected a " + rows + " x " + cols + " matrix (rows = targets, columns = sources), got "
                    + r.size() + " rows");
        }
        for (int i = 0; i < rows; i++) {
            if (r.get(i).length != cols) {
                throw m.error("expected a " + rows + " x " + cols + " matrix (rows = targets, columns = sources), row "
                        + i + " has " + r.get(i).length + " columns");
            }
            for (double v : r.get(i)) if (!Double.isFinite(v)) throw m.error("expected finite matrix entries");
        }
        return r.toArray(double[][]::new);
    }
}
