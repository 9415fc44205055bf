package org.neurosim.core.output;

import java.util.Map;

/**
 * The files the outputs of one run have opened, so a checkpoint can record their lengths and a resumed run can
 * reopen them where the checkpoint was written ({@link OutputContext#open}). The engine's implementation is
 * {@code org.neurosim.io.AtomicOutputFiles}.
 */
public interface OutputFiles {
    /**
     * Opens {@code fileName} in the run's folder (written as {@code fileName.partial} until closed) with a header
     * line (null: none), or, in a resumed run, reopens it where the checkpoint left it.
     */
    OutputFile open(String fileName, String header);

    /** Makes every file durable and returns its length by name (call after each output's {@link RunOutput#flush}). */
    Map<String, Long> sync();
}
