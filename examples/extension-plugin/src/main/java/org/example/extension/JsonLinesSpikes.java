package org.example.extension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.neurosim.core.model.SpikeBuffer;
import org.neurosim.core.output.OutputFile;
import org.neurosim.core.output.OutputContext;
import org.neurosim.core.output.OutputFormat;
import org.neurosim.core.output.RunOutput;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;

/**
 * {@code spikes-jsonl}: every spike as one JSON object per line, {@code {"population":"exc","neuron":3,
 * "time_s":0.0123}}, the format stream processors and notebooks read line by line. The file carries its final
 * name only once the run has closed it.
 */
public final class JsonLinesSpikes implements OutputFormat {
    @Override public String name() { return "spikes-jsonl"; }
    @Override public String description() { return "spikes as JSON lines: {\"population\", \"neuron\", \"time_s\"}"; }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.text("file", "spikes.jsonl", "the file name in the output folder"));
    }

    @Override
    public RunOutput create(OutputContext c, Parameters p) {
        OutputFile file = c.open(p.text("file"), null);
        List<String> populations = c.populations();
        StringBuilder line = new StringBuilder();
        return new RunOutput() {
            @Override
            public void spikes(int population, double stepStart, SpikeBuffer spikes) {
                line.setLength(0);
                for (int k = 0; k < spikes.count(); k++) {
                    line.append("{\"population\":\"").append(populations.get(population)).append("\",\"neuron\":")
                            .append(spikes.neuron(k)).append(",\"time_s\":")
                            .append(stepStart + spikes.offset(k)).append("}\n");   // shortest exact decimal
                }
                try {
                    file.writer().append(line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void close() {
                file.close();
            }
        };
    }
}
