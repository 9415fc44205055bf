/**
 * SPI of outputs: an {@link org.neurosim.core.output.OutputFormat} makes the
 * {@link org.neurosim.core.output.RunOutput} of one run. Plugin writers may rely on: calls come from one thread in
 * time order, and files opened through {@link org.neurosim.core.output.OutputContext#open} (an
 * {@link org.neurosim.core.output.OutputFile}) carry their final names only once closed. The implementations are in
 * the {@code neurosim-io} module ({@code org.neurosim.io}).
 */
package org.neurosim.core.output;
