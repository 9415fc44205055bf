/**
 * File infrastructure of a run: an {@link org.neurosim.io.AtomicFile} is an output file written under a temporary
 * name ({@code spikes.csv.partial}) and moved to its real name when closed; {@link org.neurosim.io.AtomicOutputFiles}
 * holds the files of one run so a checkpoint can record their lengths and a resumed run can reopen them;
 * {@link org.neurosim.io.AtomicFiles} writes small whole files the same way; {@link org.neurosim.io.OutputLock} keeps
 * one run per output folder. The SPI these implement ({@link org.neurosim.core.output.OutputFile},
 * {@link org.neurosim.core.output.OutputFiles}) is in core.
 */
package org.neurosim.io;
