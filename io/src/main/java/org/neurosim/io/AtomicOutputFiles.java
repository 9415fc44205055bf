package org.neurosim.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurosim.core.output.OutputContext;
import org.neurosim.core.output.OutputFiles;
import org.neurosim.core.output.RunOutput;

/**
 * The files the outputs of one run have opened, so a checkpoint can record their lengths and a resumed run can
 * reopen them where the checkpoint was written ({@link OutputContext#open}).
 */
public final class AtomicOutputFiles implements OutputFiles {
    private final Path directory;
    private final Map<String, Long> resumeAt;
    private final List<AtomicFile> opened = new ArrayList<>();

    /** Files of a new run. */
    public AtomicOutputFiles(Path directory) {
        this(directory, Map.of());
    }

    /** Files of a resumed run: each named file is cut back to its length at the checkpoint and appended to. */
    public AtomicOutputFiles(Path directory, Map<String, Long> resumeAt) {
        this.directory = directory;
        this.resumeAt = resumeAt;
    }

    @Override
    public synchronized AtomicFile open(String fileName, String header) {
        Long at = resumeAt.get(fileName);
        AtomicFile f = at == null ? AtomicFile.open(directory, fileName, header) : AtomicFile.resume(directory, fileName, at);
        opened.add(f);
        return f;
    }

    /** Makes every file durable and returns its length by name (call after each output's {@link RunOutput#flush}). */
    @Override
    public synchronized Map<String, Long> sync() {
        Map<String, Long> lengths = new LinkedHashMap<>();
        for (AtomicFile f : opened) lengths.put(f.name(), f.sync());
        return lengths;
    }
}
