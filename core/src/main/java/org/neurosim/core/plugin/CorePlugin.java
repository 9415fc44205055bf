package org.neurosim.core.plugin;

import org.neurosim.core.integrate.DormandPrince;
import org.neurosim.core.integrate.Euler;
import org.neurosim.core.integrate.Exact;
import org.neurosim.core.integrate.ExponentialEuler;
import org.neurosim.core.integrate.Heun;
import org.neurosim.core.integrate.RungeKutta4;
import org.neurosim.core.synapse.StaticSynapse;

/** Core's own plugin: the numerical integrators and the static synapse. */
public final class CorePlugin extends AbstractNeuroSimPlugin {
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
        integrator(new org.neurosim.core.integrate.ExactGrid());
        integrator(new DormandPrince());
        plasticityRule(new StaticSynapse());
    }
}
