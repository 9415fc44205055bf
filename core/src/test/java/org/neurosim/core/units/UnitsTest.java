package org.neurosim.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.neurosim.core.InvalidInputException;

/** Quantity parsing as ../shared/spec/cli.md writes quantities; SI values worked out by hand. */
class UnitsTest {
    @Test
    void parsesTheSpecExamplesIntoSi() {
        assertThat(Units.parse("20 ms")).isEqualTo(new Quantity(0.02, Dimension.TIME));
        assertThat(Units.parse("-65 mV").si()).isCloseTo(-0.065, within(1e-15));
        assertThat(Units.parse("-65 mV").dimension()).isEqualTo(Dimension.VOLTAGE);
        // 10 uA/cm^2 = 10e-6 A / 1e-4 m^2 = 0.1 A/m^2
        assertThat(Units.parse("10 uA/cm^2").si()).isCloseTo(0.1, within(1e-15));
        assertThat(Units.parse("10 uA/cm^2").dimension()).isEqualTo(Dimension.CURRENT_DENSITY);
        assertThat(Units.parse("6 nS").si()).isCloseTo(6e-9, within(1e-20));
        assertThat(Units.parse("200 pF").dimension()).isEqualTo(Dimension.CAPACITANCE);
        assertThat(Units.parse("20000 um^2").si()).isCloseTo(2e-8, within(1e-22));
        assertThat(Units.parse("20000 um^2").dimension()).isEqualTo(Dimension.AREA);
        assertThat(Units.parse("5 Hz")).isEqualTo(new Quantity(5, Dimension.FREQUENCY));
        // 120 mS/cm^2 = 0.12 S / 1e-4 m^2 = 1200 S/m^2
        assertThat(Units.parse("120 mS/cm^2").si()).isCloseTo(1200, within(1e-9));
        assertThat(Units.parse("1 uF/cm^2").dimension()).isEqualTo(Dimension.CAPACITANCE_DENSITY);
    }

    @Test
    void acceptsMicroSignGreekMuExponentsAndNoSpace() {
        assertThat(Units.parse("3 \u00b5A").si()).isCloseTo(3e-6, within(1e-20));
        assertThat(Units.parse("3 \u03bcA").si()).isCloseTo(3e-6, within(1e-20));
        assertThat(Units.parse("20ms").si()).isCloseTo(0.02, within(1e-15));
        assertThat(Units.parse("1.5e-3 S/cm^2").si()).isCloseTo(15, within(1e-12));
        assertThat(Units.parse("2 m^-2").dimension()).isEqualTo(new Dimension(-2, 0, 0, 0));
        assertThat(Units.parse("1 kHz").si()).isEqualTo(1000);
        assertThat(Units.parse("100 MOhm").dimension()).isEqualTo(Dimension.RESISTANCE);
        assertThat(Units.parse("0.5").dimension()).isEqualTo(Dimension.DIMENSIONLESS);
        assertThat(Units.parse("-1e2").si()).isEqualTo(-100);
    }

    @Test
    void voltTimesSiemensIsAmpere() {
        Dimension vs = Dimension.VOLTAGE.times(Dimension.CONDUCTANCE);
        assertThat(vs).isEqualTo(Dimension.CURRENT);
        assertThat(Dimension.CURRENT.divide(Dimension.CAPACITANCE).times(Dimension.TIME)).isEqualTo(Dimension.VOLTAGE);
    }

    @Test
    void dimensionMismatchNamesTheKeyAndTheExpectedDimension() {
        assertThatThrownBy(() -> Units.parse("20 mV", Dimension.TIME, "tau_m"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("tau_m: expected a time such as '20 ms', got '20 mV'");
        assertThatThrownBy(() -> Units.parse("20", Dimension.TIME, "dt"))
                .hasMessageContaining("dt: expected a time").hasMessageContaining("a unit is required");
    }

    @Test
    void rejectsUnknownUnitsAndGarbage() {
        assertThatThrownBy(() -> Units.parse("20 parsecs")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown unit 'parsecs'");
        assertThatThrownBy(() -> Units.parse("fast")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Units.parse("NaN ms")).hasMessageContaining("finite");
        assertThatThrownBy(() -> Units.parse("1 mV/")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Units.parse("1 m^x")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void convertsBack() {
        assertThat(Units.parse("-65 mV").in("mV")).isCloseTo(-65, within(1e-12));
    }
}
