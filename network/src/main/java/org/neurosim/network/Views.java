package org.neurosim.network;

import java.util.List;
import org.neurosim.core.units.Dimension;
import org.neurosim.network.engine.DenseProjection;
import org.neurosim.network.engine.NeuronPopulation;
import org.neurosim.network.engine.Population;
import org.neurosim.network.engine.Projection;
import org.neurosim.network.engine.SourcePopulation;
import org.neurosim.network.engine.SparseProjection;

/**
 * The read-only views of a network's engine objects: they hold them privately and give out values and copies only,
 * so nothing outside the network module reaches (or changes) the engine through them.
 */
final class Views {
    private Views() { }

    static PopulationView of(Population p) {
        return new OfPopulation(p);
    }

    static ProjectionView of(Projection p, double dt) {
        return new OfProjection(p, dt);
    }

    private static final class OfPopulation implements PopulationView {
        private final Population p;

        OfPopulation(Population p) {
            this.p = p;
        }

        @Override public String name() { return p.name; }
        @Override public String model() { return p.model; }
        @Override public int index() { return p.index; }
        @Override public int size() { return p.size; }
        @Override public boolean isSource() { return p instanceof SourcePopulation; }
        @Override public boolean spiking() { return p.spiking(); }
        @Override public String integrator() { return p.integrator(); }
        @Override public List<String> variables() { return p.variables(); }
        @Override public long totalSpikes() { return p.totalSpikes(); }

        @Override
        public String stepping() {
            return p instanceof NeuronPopulation n ? n.steppingUsed() : "none";
        }

        @Override
        public Dimension dimensionOf(String variable) {
            return ((NeuronPopulation) p).dimensionOf(variable(variable));
        }

        @Override
        public Dimension inputDimension() {
            return p instanceof NeuronPopulation n ? n.dynamics.inputDimension() : Dimension.DIMENSIONLESS;
        }

        @Override
        public double[] values(String variable) {
            return p.state()[variable(variable)].clone();
        }

        private int variable(String name) {
            int k = p.variables().indexOf(name);
            if (k < 0) {
                throw new IllegalArgumentException("population " + p.name + " (" + p.model + ") has no state variable "
                        + name + "; it has " + (p.variables().isEmpty() ? "none" : String.join(", ", p.variables())));
            }
            return k;
        }

        @Override
        public String toString() {
            return "population " + p.name + " (" + p.model + ", " + p.size + ")";
        }
    }

    private static final class OfProjection implements ProjectionView {
        private final Projection p;
        private final SparseProjection sparse;   // one of these two is p, the other null
        private final DenseProjection dense;
        private final double dt;

        OfProjection(Projection p, double dt) {
            this.p = p;
            this.sparse = p instanceof SparseProjection s ? s : null;
            this.dense = p instanceof DenseProjection d ? d : null;
            this.dt = dt;
        }

        @Override public String label() { return p.label; }
        @Override public String source() { return p.source.name; }
        @Override public String target() { return p.target.name; }
        @Override public boolean rates() { return dense != null; }
        @Override public long synapseCount() { return p.synapseCount(); }

        @Override
        public String deliveryKind() {
            return sparse != null ? sparse.deliveryKind() : "rates";
        }

        @Override
        public Dimension weightDimension() {
            return sparse != null ? sparse.weightDimension : p.target.dynamics.inputDimension();   // W y, y bare
        }

        @Override
        public int[] sources() {
            return sparse != null ? sparse.sources() : entries(dense, (target, source) -> source);
        }

        @Override
        public int[] targets() {
            return sparse != null ? sparse.targets().clone() : entries(dense, (target, source) -> target);
        }

        @Override
        public double[] weights() {
            if (dense != null) return denseWeights(dense);
            float[] w = sparse.weights();
            double[] out = new double[sparse.targets().length];
            for (int k = 0; k < out.length; k++) out[k] = w == null ? sparse.weight() : w[k];
            return out;
        }

        @Override
        public double[] currentWeights() {
            return sparse != null ? sparse.currentWeights() : denseWeights(dense);   // W is fixed
        }

        @Override
        public double[] delays() {
            if (sparse != null) return sparse.delays(dt);
            double[] out = new double[(int) dense.synapseCount()];
            java.util.Arrays.fill(out, dense.delaySteps() * dt);
            return out;
        }

        @Override
        public double minDelay() {
            return sparse != null ? sparse.minDelay(dt) : dense.delaySteps() * dt;
        }

        /** Per non-zero entry of W (by source, then target), {@code f}'s value of its target and source. */
        private static int[] entries(DenseProjection d, java.util.function.IntBinaryOperator f) {
            int[] out = new int[(int) d.synapseCount()];
            int k = 0;
            for (int j = 0; j < d.source.size; j++) {
                for (int i = 0; i < d.target.size; i++) if (d.weight(i, j) != 0) out[k++] = f.applyAsInt(i, j);
            }
            return out;
        }

        private static double[] denseWeights(DenseProjection d) {
            double[] out = new double[(int) d.synapseCount()];
            int k = 0;
            for (int j = 0; j < d.source.size; j++) {
                for (int i = 0; i < d.target.size; i++) if (d.weight(i, j) != 0) out[k++] = d.weight(i, j);
            }
            return out;
        }

        @Override
        public String toString() {
            return "projection " + p.label + " (" + p.synapseCount() + " synapses)";
        }
    }
}
