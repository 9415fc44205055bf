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
        spec.commandLine().getOut().printf(Locale.ROOT,
                "valid: %s, %d populations (%d neurons), %d synapses, dt %.4g ms, %d steps (%.4g s)%n", net.name(),
                net.populations().size(), net.neuronCount(), net.synapseCount(), net.dt() * 1e3, net.steps(),
                net.duration());
        return 0;
    }
}
