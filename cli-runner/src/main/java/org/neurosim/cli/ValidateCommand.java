package org.neurosim.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.neurosim.network.Network;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code neurosim validate CONFIG}: every check of {@code run}, building the network without simulating it. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check a config without simulating it.")
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.ParentCommand NeuroSim root;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin NetworkOptions network = new NetworkOptions();

    @Override
    public Integer call() {
        Network net = network.build(network.tree(), root.registry());
        net.warnings().forEach(w -> root.err.println("neurosim: warning: " + w));
        String longRun = Words.longRunWarning(net, "running it: ");
        if (longRun != null) root.err.println("neurosim: warning: " + longRun);
        spec.commandLine().getOut().printf(Locale.ROOT,
                "valid: %s, %s (%s), %s, dt %.4g ms, %s (%.4g s)%n", net.name(),
                Words.count(net.populations().size(), "population"), Words.count(net.neuronCount(), "neuron"),
                Words.count(net.synapseCount(), "synapse"), net.dt() * 1e3, Words.count(net.steps(), "step"),
                net.duration());
        return 0;
    }
}
