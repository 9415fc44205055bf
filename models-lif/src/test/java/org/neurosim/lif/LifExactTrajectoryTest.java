package org.neurosim.lif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurosim.core.param.Parameters;
import org.neurosim.integrators.Exact;
import org.neurosim.integrators.SingleNeuron;

/** The exact integrator reproduces v(t) = v_in (1 - exp(-t/tau_m)) (science.md section 2) to rounding. */
class LifExactTrajectoryTest {
    @Test
    void subThresholdTrajectoryIsTheClosedForm() {
        double vIn = 0.9, tauM = 0.020, dt = 1e-4;
        SingleNeuron.Result r = SingleNeuron.run(LifRateCurveTest.lif(), new Exact(), Parameters.defaults(List.of()),
                vIn, 0.2, dt, true);
        double[] v = r.trace()[0];
        for (int j = 0; j < v.length; j++) {
            assertThat(v[j]).isCloseTo(vIn * (1 - Math.exp(-j * dt / tauM)), within(1e-14));
        }
        assertThat(r.spikeCount()).isZero();
    }
}
