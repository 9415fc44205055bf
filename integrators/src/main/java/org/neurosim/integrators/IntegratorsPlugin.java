package org.neurosim.integrators;

import org.neurosim.core.plugin.AbstractNeuroSimPlugin;

/** The integrators plugin module: the numerical integrators. */
public final class IntegratorsPlugin extends AbstractNeuroSimPlugin {
    @Override
    public String moduleName() {
        return "integrators";
    }

    @Override
    protected void configure() {
        integrator(new Euler());
        integrator(new EulerMaruyama());
        integrator(new Heun());
        integrator(new RungeKutta4());
        integrator(new ExponentialEuler());
        integrator(new Exact());
        integrator(new ExactGrid());
        integrator(new DormandPrince());
    }
}
