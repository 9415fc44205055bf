package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.neurosim.core.units.Dimension;
import org.neurosim.network.engine.SparseProjection;

/** Network's read-only views of its populations and projections: what they show, and that they copy. */
class NetworkViewsTest {
    static final String SPIKING = """
            dt: 0.1 ms
            duration: 5 ms
            populations:
              in: {model: poisson, size: 4, params: {rate: 2 kHz}}
              out: {model: lif, size: 3, params: {tau_m: 20 ms}}
            projections:
              - {from: in, to: out, connect: {all: true}, weight: 0.5 ms, delay: 1 ms,
                 synapse: {kernel: exponential, tau: 5 ms}}
            """;

    @Test
    void populationsShowTheirKindStateAndSpikes() {
        Network net = Nets.build(SPIKING);
        PopulationView in = net.population("in"), out = net.populations().get(1);
        assertThat(in.isSource()).isTrue();
        assertThat(in.spiking()).isTrue();
        assertThat(in.integrator()).isEqualTo("none");
        assertThat(in.stepping()).isEqualTo("none");
        assertThat(in.variables()).isEmpty();
        assertThat(in.inputDimension()).isEqualTo(Dimension.DIMENSIONLESS);
        assertThat(out.isSource()).isFalse();
        assertThat(out.name()).isEqualTo("out");
        assertThat(out.model()).isEqualTo("lif");
        assertThat(out.index()).isEqualTo(1);
        assertThat(out.size()).isEqualTo(3);
        assertThat(out.variables()).startsWith("v");
        assertThat(out.dimensionOf("v")).isEqualTo(Dimension.DIMENSIONLESS);   // the normalised LIF
        assertThatThrownBy(() -> out.dimensionOf("u")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no state variable u");
        double[] v = out.values("v");
        v[0] = 42;   // a copy: the network is unchanged
        assertThat(out.values("v")[0]).isNotEqualTo(42);
        Simulation.Result r = Nets.run(net);
        assertThat(out.stepping()).isEqualTo(r.summary().get("populations").get("out").get("stepping").asText());
        assertThat(in.totalSpikes()).isPositive()
                .isEqualTo(r.summary().get("populations").get("in").get("spikes").asLong());
    }

    @Test
    void projectionsShowTheirSynapsesAsCopies() {
        Network net = Nets.build(SPIKING);
        ProjectionView p = net.projections().get(0);
        SparseProjection engine = (SparseProjection) net.engineProjections().get(0);
        assertThat(p.label()).isEqualTo("in->out");
        assertThat(p.source()).isEqualTo("in");
        assertThat(p.target()).isEqualTo("out");
        assertThat(p.rates()).isFalse();
        assertThat(p.synapseCount()).isEqualTo(12);
        assertThat(p.deliveryKind()).isEqualTo("none");   // before a run
        assertThat(p.sources()).containsExactly(engine.sources());
        assertThat(p.targets()).containsExactly(engine.targets());
        assertThat(p.weights()).hasSize(12).containsOnly(engine.weight());
        assertThat(engine.weight()).isCloseTo(0.5e-3, within(1e-18));
        assertThat(p.weightDimension()).isEqualTo(Dimension.TIME);   // the kernel's area
        assertThat(p.currentWeights()).containsExactly(engine.currentWeights());
        assertThat(p.delays()).containsExactly(engine.delays(1e-4));
        assertThat(p.minDelay()).isCloseTo(1e-3, within(1e-15));
        p.targets()[0] = 99;
        assertThat(engine.targets()[0]).isNotEqualTo(99);
        Nets.run(net);
        assertThat(p.deliveryKind()).isEqualTo("events");   // lif with the exact integrator
    }

    @Test
    void aRateProjectionShowsTheNonZeroEntriesOfItsMatrix() {
        Network net = Nets.build("""
                dt: 1 ms
                duration: 3 ms
                populations:
                  x: {model: rate, size: 3, params: {activation: linear}, input: [1.0, -0.5, 1.0]}
                  y: {model: rate, size: 2, params: {activation: relu}}
                projections:
                  - {from: x, to: y, weight: [[0.5, -1.0, 0.1], [1.5, 0.0, -0.2]]}
                """);
        ProjectionView p = net.projections().get(0);
        assertThat(p.rates()).isTrue();
        assertThat(p.deliveryKind()).isEqualTo("rates");
        assertThat(p.synapseCount()).isEqualTo(5);
        // by source, then target: W[i][j] from source j to target i
        assertThat(p.sources()).containsExactly(0, 0, 1, 2, 2);
        assertThat(p.targets()).containsExactly(0, 1, 0, 0, 1);
        assertThat(p.weights()).containsExactly(0.5, 1.5, -1.0, 0.1, -0.2);
        assertThat(p.currentWeights()).containsExactly(p.weights());
        assertThat(p.delays()).containsOnly(0.0);
        assertThat(net.population("y").spiking()).isFalse();
    }
}
