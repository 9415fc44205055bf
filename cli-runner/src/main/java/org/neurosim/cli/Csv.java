package org.neurosim.cli;

import java.nio.file.Path;
import java.util.List;
import org.neurosim.io.AtomicFiles;

/** Output folders and small CSV tables (demos, f-I curves), written atomically. */
final class Csv {
    private Csv() { }

    /** Creates an output folder, or fails naming --out. */
    static void outputDir(Path dir) {
        AtomicFiles.outputDirectory(dir);
    }

    /**
     * Creates or claims the output folder of a command that writes the files {@code writes}: a folder NeuroSim did
     * not make that holds one of them is refused (never write over a file NeuroSim did not write), and the folder
     * is marked as NeuroSim's.
     */
    static void outputDir(Path dir, String... writes) {
        org.neurosim.network.output.OutputFolder.claimFor(dir, List.of(writes));
        AtomicFiles.outputDirectory(dir);
        org.neurosim.network.output.OutputFolder.mark(dir);
    }

    /** Columns of equal length under a header. */
    static void columns(Path file, List<String> header, List<double[]> columns) {
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        int n = columns.isEmpty() ? 0 : columns.get(0).length;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) sb.append(',');
                sb.append(columns.get(c)[r]);
            }
            sb.append('\n');
        }
        write(file, sb.toString());
    }

    static void write(Path file, String content) {
        AtomicFiles.write(file, content);
    }
}
