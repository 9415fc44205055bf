package org.neurosim.benchmarks;

import java.nio.file.Path;
import java.util.Map;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.equations.EquationsModel;
import org.neurosim.network.config.ModelFile;

/**
 * The load-time cost of models typed as equations, in a fresh JVM (as a run pays it): reading and checking each
 * model file given, then generating and compiling its code, timed separately; the first compile includes loading
 * Janino itself. Run: {@code java -cp benchmarks/target/benchmarks.jar org.neurosim.benchmarks.EquationsCompileTime
 * examples/equations/*.yaml}.
 */
public final class EquationsCompileTime {
    private EquationsCompileTime() { }

    public static void main(String[] args) {
        for (String file : args) {
            long t0 = System.nanoTime();
            ModelFile f = ModelFile.read(new EquationsModel(), EquationsModel.NAME, Path.of(file));
            long t1 = System.nanoTime();
            f.model().create(new PopulationContext("p", "p", 1000, 1e-4, 1), f.parameters(Map.of()));
            long t2 = System.nanoTime();
            System.out.printf(java.util.Locale.ROOT, "%s: parse and check %.1f ms, generate and compile %.1f ms%n",
                    file, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        }
    }
}
