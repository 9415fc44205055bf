package org.neurosim.equations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.model.ConditionallyLinear;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.ExactlySolvable;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.param.DataValue;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.units.Dimension;
import org.neurosim.integrators.Exact;
import org.neurosim.integrators.ExponentialEuler;
import org.neurosim.integrators.PopulationSolver;

/** Units, integrator detection, exact propagation, synaptic input and per-neuron constants of equations models. */
class EquationsModelTest {
    static NeuronDynamics create(DefinedModel m, Map<String, Object> params, int n, double dt) {
        Map<String, Object> given = new LinkedHashMap<>();
        params.forEach((k, v) -> given.put(k, new DataValue(v, "params." + k, null)));
        return m.create(new PopulationContext("p", "p", n, dt, 1), Parameters.resolve(m.parameters(), given, "params"));
    }

    @Test
    void theInputDimensionIsTheOneTheEquationsImply() {
        assertThat(load(Path.of("..", "examples", "equations", "adex.yaml")).definition()
                .inputDimension()).isEqualTo(Dimension.CURRENT);              // - w + I_ext, w in amperes
        assertThat(load(Path.of("..", "examples", "equations", "izhikevich.yaml")).definition()
                .inputDimension()).isEqualTo(Dimension.DIMENSIONLESS);        // I_ext*mV added to volts
        assertThat(load(Path.of("..", "examples", "equations", "hh.yaml")).definition()
                .inputDimension()).isEqualTo(Dimension.CURRENT_DENSITY);      // g (e - v) in S/m^2 times V
        assertThat(EquationsModel.builder("dv/dt = (-v + R*I_ext)/tau : volt\nR : ohm\ntau : second").build()
                .definition().inputDimension()).isEqualTo(Dimension.CURRENT);  // R I: I = V / Ohm
    }

    @Test
    void theIntegratorsAreChosenFromTheFormOfTheEquations() {
        // AdEx: the exponential makes dv/dt nonlinear in v, so neither exponential-euler nor exact
        NeuronDynamics adex = create(load(Path.of("..", "examples", "equations", "adex.yaml")),
                Map.of("c_m", "281 pF", "g_l", "30 nS", "e_l", "-70.6 mV", "v_t", "-50.4 mV", "delta_t", "2 mV",
                        "a", "4 nS", "tau_w", "144 ms", "b", "80.5 pA", "v_r", "-70.6 mV"), 1, 1e-4);
        assertThat(adex).isNotInstanceOf(ConditionallyLinear.class);
        assertThat(new ExponentialEuler().unsupportedReason(adex)).isPresent();
        assertThat(new Exact().unsupportedReason(adex)).isPresent();
        // a per-neuron time constant keeps the equation linear but its coefficient is no longer one number
        NeuronDynamics perNeuron = create(EquationsModel.builder("dv/dt = (-v + I_ext)/tau : 1\ntau : second").build(),
                Map.of("tau", List.of("10 ms", "20 ms")), 2, 1e-4);
        assertThat(perNeuron).isInstanceOf(ConditionallyLinear.class).isNotInstanceOf(ExactlySolvable.class);
    }

    /**
     * LIF with an exponential synaptic current as a second state variable, started at v0 with current i0:
     * v(t) = e_l + (v0 - e_l) e^(-t/tau) + r i0 tau_s/(tau_s - tau) (e^(-t/tau_s) - e^(-t/tau)) (the PSP closed
     * form). The exact propagator of the 2x2 system must give it to round-off at every step.
     */
    @Test
    void theExactPropagatorOfATwoVariableSystemMatchesItsClosedForm() {
        DefinedModel m = EquationsModel.builder("""
                dv/dt = (e_l - v + r*i)/tau : volt
                di/dt = -i/tau_s : amp
                """).build();
        NeuronDynamics d = create(m, Map.of("e_l", "-65 mV", "r", "100 Mohm", "tau", "20 ms", "tau_s", "5 ms"), 1, 1e-4);
        assertThat(d).isInstanceOf(ExactlySolvable.class);
        PopulationSolver s = new PopulationSolver(d, new Exact(), 1, 1e-4);
        double v0 = -0.060, i0 = 2e-10, el = -0.065, r = 1e8, tau = 0.02, taus = 0.005;
        s.state()[0][0] = v0;
        s.state()[1][0] = i0;
        Drive drive = new Drive(1, true);
        double worst = 0;
        for (int n = 1; n <= 1000; n++) {
            s.step(drive, (i, o) -> { }, 0, 1);
            double t = n * 1e-4;
            double exact = el + (v0 - el) * Math.exp(-t / tau)
                    + r * i0 * taus / (taus - tau) * (Math.exp(-t / taus) - Math.exp(-t / tau));
            worst = Math.max(worst, Math.abs(s.state()[0][0] - exact));
            assertThat(s.state()[1][0]).isCloseTo(i0 * Math.exp(-t / taus), offset(1e-12 * i0));   // 1000 steps of round-off
        }
        // 1e-11 mV after 1000 steps: round-off of the propagator's products (about 1e-15 V seen); without the
        // balancing of the units the error was 4e-10 V
        assertThat(worst).isLessThan(1e-14);
    }

    /** I_syn is the current synapses plus ge - g v: a conductance synapse reaches the model through v. */
    @Test
    void theSynapticCurrentIncludesConductancesThroughV() {
        DefinedModel m = EquationsModel.builder("dv/dt = (g_l*(e_l - v) + I_syn + I_ext)/c_m : volt").build();
        NeuronDynamics d = create(m, Map.of("g_l", "10 nS", "e_l", "-70 mV", "c_m", "200 pF"), 1, 1e-4);
        Drive drive = new Drive(1, d.separatesSynapticCurrent());
        drive.current[0] = 1e-10;            // I_ext 100 pA
        drive.synapticCurrent[0] = 5e-11;    // current synapses 50 pA
        drive.conductance[0] = 2e-9;         // 2 nS towards 0 mV
        drive.conductanceTimesReversal[0] = 2e-9 * 0.0;
        double[][] s = {{-0.060}}, ds = new double[1][1];
        d.derivatives(s, drive, ds, 0, 1);
        double expected = (1e-8 * (-0.070 + 0.060) + 5e-11 + (0 - 2e-9 * -0.060) + 1e-10) / 2e-10;
        assertThat(ds[0][0]).isCloseTo(expected, offset(1e-12 * Math.abs(expected)));
    }

    @Test
    void constantsGivenPerNeuronAreReadPerNeuron() {
        DefinedModel m = EquationsModel.builder("dv/dt = (e_l - v)/tau : volt\ntau : second").build();
        NeuronDynamics d = create(m, Map.of("e_l", List.of("-70 mV", "-60 mV", "-50 mV"), "tau", "10 ms"), 3, 1e-4);
        double[][] s = {{0, 0, 0}}, ds = new double[1][3];
        d.derivatives(s, new Drive(3, true), ds, 0, 3);
        assertThat(ds[0][0]).isCloseTo(-7.0, offset(1e-14));   // e_l / tau
        assertThat(ds[0][1]).isCloseTo(-6.0, offset(1e-14));
        assertThat(ds[0][2]).isCloseTo(-5.0, offset(1e-14));
    }

    @Test
    void aThresholdOnAConstantGivenPerNeuronIsRefused() {
        DefinedModel m = EquationsModel.builder("dv/dt = -v/tau : volt\ntau : second").threshold("v > v_th").build();
        assertThatThrownBy(() -> create(m, Map.of("tau", "10 ms", "v_th", List.of("1 mV", "2 mV")), 2, 1e-4))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("model.threshold: the threshold must be one value for the population");
    }

    @Test
    void aNameGivenNowhereIsReportedAtItsLineAndColumn() {
        DefinedModel m = EquationsModel.builder("dv/dt = (e_l - v)/tau : volt\ntau : second").build();
        assertThatThrownBy(() -> create(m, Map.of("tau", "10 ms"), 1, 1e-4))
                .hasMessage("model.equations: line 1, column 10: unknown name 'e_l'; it is not a state variable, "
                        + "subexpression or constant, nor given in params; known names: tau, v, I_ext, I_syn, and "
                        + "units such as mV, ms, nS, pA");
    }

    /** A model file of examples/equations, read as the CLI reads it. */
    static DefinedModel load(Path file) {
        return (DefinedModel) org.neurosim.network.config.ModelFile.read(new EquationsModel(), EquationsModel.NAME, file)
                .model();
    }
}
