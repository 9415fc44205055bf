package org.neurosim.core.plugin;

import org.neurosim.core.integrate.DormandPrince;
import org.neurosim.core.integrate.Euler;
import org.neurosim.core.integrate.Exact;
import org.neurosim.core.integrate.ExponentialEuler;
import org.neurosim.core.integrate.Heun;
import org.neurosim.core.integrate.RungeKutta4;

/** Core's own plugin: the numerical integrators. */
public final class CoreIntegratorsPlugin extends AbstractNeuroSimPlugin {
    @Override
    public String moduleName() {
        return "core";
    }

    @Override
    protected void configure() {
        integrator(new Euler());
        integrator(new Heun());
        integrator(new RungeKutta4());
        integrator(new ExponentialEuler());
        integrator(new Exact());
        integrator(new DormandPrince());
    }
}
