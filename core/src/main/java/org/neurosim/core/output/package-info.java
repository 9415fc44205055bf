/**
 * SPI of outputs: an {@link org.neurosim.core.output.OutputFormat} makes the
 * {@link org.neurosim.core.output.RunOutput} of one run. Plugin writers may rely on: calls come from one thread in
 * time order, and files opened through {@link org.neurosim.core.output.AtomicFile} carry their final names only
 * once closed. {@link org.neurosim.core.output.AtomicFiles} writes small whole files the same way.
 */
package org.neurosim.core.output;
