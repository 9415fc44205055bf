package org.neurosim.network;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neurosim.core.checkpoint.CheckpointException;
import org.neurosim.core.checkpoint.StateReader;
import org.neurosim.core.checkpoint.StateWriter;
import org.neurosim.core.output.OutputException;
import org.neurosim.network.output.Recorder;

/**
 * A checkpoint file ({@code DIR/checkpoint/state.bin}): a header that says which run it belongs to, then the
 * network's state ({@link Network#save}) and the recorder's, all checksummed (CRC-32C, checked before anything is
 * restored). It is written whole to {@code state.bin.tmp}, forced to disk, and renamed over the last one, so a
 * crash at any moment leaves the previous checkpoint or the new one, never a mixture. The outputs' lengths in the
 * header are taken after the outputs are forced to disk, so they never point past what is there.
 */
public final class Checkpoint {
    /** Bumped whenever what is saved changes: an older file is refused with a clear message. */
    // 2: a filter's ring of spikes on their way (exact-grid); 3: input files, refractory step counts as longs, rate
    // projections' delay lines, the membrane after the last step (the crossing rule's jumps); 4: the state arrays of
    // every spike source population (none for poisson and spike-times; gamma's and poisson-dead-time's next spikes)
    public static final int FORMAT = 4;
    public static final String FILE = "state.bin";
    private static final String MAGIC = "NeuroSim checkpoint";

    private Checkpoint() { }

    /**
     * What a checkpoint says about its run, read before anything is restored.
     *
     * @param first        the step the run started at
     * @param clock        the step the restored network makes next
     * @param spikesBefore per population, its spike count when the run started (the summary counts the run's own)
     * @param wallSeconds  wall time spent simulating before the checkpoint
     * @param outputs      each output file's length at the checkpoint
     * @param inputs       the SHA-256 of each file the config reads (weights CSVs, spike-time files), by path
     */
    public record Header(String version, String configHash, double dt, long first, long clock, long[] spikesBefore,
                         double wallSeconds, Map<String, Long> outputs, Map<String, String> inputs) { }

    /** The SHA-256 of a config's text (hex), which a resume checks. */
    public static String hash(String configText) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(configText.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);   // every JVM has SHA-256
        }
    }

    /** The SHA-256 (hex) of each file, by its path as text: what a resume checks the files against. */
    static Map<String, String> hashFiles(java.util.List<Path> files) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Path f : files) {
            try (java.io.InputStream in = Files.newInputStream(f)) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
                hashes.put(f.toString(), HexFormat.of().formatHex(sha.digest()));
            } catch (IOException e) {
                throw new org.neurosim.core.InvalidInputException(f + ": cannot read an input file of the run ("
                        + e.getMessage() + ")");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);   // every JVM has SHA-256
            }
        }
        return hashes;
    }

    /**
     * The version and build of NeuroSim that is running, e.g. "dev (build 3f2a9c0d1e4b5a67)": a checkpoint is
     * resumed only by the build that wrote it, since another build's numerics may differ and the resumed run would
     * then match neither build's uninterrupted run.
     */
    public static String version() {
        String v = Checkpoint.class.getPackage().getImplementationVersion();
        return (v == null ? "dev" : v) + " (build " + BuildIdentity.get() + ")";
    }

    /** Writes a checkpoint atomically into {@code dir} (made if need be); returns its size in bytes. */
    static long write(Path dir, Header h, Network net, Recorder rec) {
        Path tmp = dir.resolve(FILE + ".tmp");
        try {
            Files.createDirectories(dir);
            long size;
            try (FileOutputStream file = new FileOutputStream(tmp.toFile());
                 BufferedOutputStream buffered = new BufferedOutputStream(file, 1 << 16)) {
                StateWriter out = new StateWriter(buffered);
                out.string(MAGIC).writeInt(FORMAT).string(h.version()).string(h.configHash()).writeDouble(h.dt())
                        .writeLong(h.first()).writeLong(h.clock()).longs(h.spikesBefore()).writeDouble(h.wallSeconds());
                out.writeInt(h.outputs().size());
                h.outputs().forEach((name, length) -> out.string(name).writeLong(length));
                out.writeInt(h.inputs().size());
                h.inputs().forEach((name, hash) -> out.string(name).string(hash));
                net.save(out, h.clock());
                rec.save(out);
                size = out.finish();
                file.getFD().sync();
            }
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);   // the rename itself survives a crash
            } catch (IOException e) {
                // some file systems cannot sync a folder; the rename is still atomic
            }
            return size;
        } catch (IOException | java.io.UncheckedIOException e) {
            IOException cause = e instanceof IOException io ? io : ((java.io.UncheckedIOException) e).getCause();
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the disk that refused the checkpoint may refuse this too; the last checkpoint stays valid
            }
            throw new OutputException(tmp, cause);
        }
    }

    /** Opens a checkpoint (length and checksum checked) and reads its header. */
    static StateReader open(Path file, Header[] header) {
        StateReader in = StateReader.open(file);
        try {
            String magic = in.string();
            if (!magic.equals(MAGIC)) throw new CheckpointException(file + ": not a NeuroSim checkpoint");
            int format = in.readInt();
            if (format != FORMAT) {
                throw new CheckpointException(file + ": a checkpoint of format " + format + ", this NeuroSim ("
                        + version() + ") reads format " + FORMAT + "; rerun with the version that wrote it");
            }
            String version = in.string();
            String configHash = in.string();
            double dt = in.readDouble();
            long first = in.readLong();
            long clock = in.readLong();
            int pops = in.readInt();
            long[] before = new long[pops];
            for (int k = 0; k < pops; k++) before[k] = in.readLong();
            double wall = in.readDouble();
            int n = in.readInt();
            Map<String, Long> outputs = new LinkedHashMap<>();
            for (int k = 0; k < n; k++) outputs.put(in.string(), in.readLong());
            int m = in.readInt();
            Map<String, String> inputs = new LinkedHashMap<>();
            for (int k = 0; k < m; k++) inputs.put(in.string(), in.string());
            header[0] = new Header(version, configHash, dt, first, clock, before, wall, outputs, inputs);
            return in;
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
