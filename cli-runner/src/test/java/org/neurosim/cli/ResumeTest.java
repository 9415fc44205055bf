package org.neurosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checkpoint and resume with real processes. The reference is the same config run uninterrupted in this test: a
 * run killed with SIGKILL at 20 random moments (during start-up, simulation, checkpoint writing alike) and resumed
 * after each kill ends with spikes.csv, state.csv, rates.csv and weights.csv identical byte for byte, and the same
 * summary but for wall times; at 1 and at 2 threads. A kill before the first checkpoint leaves nothing to resume
 * (exit 2, "no checkpoint there"), and the run is started again, as a user would.
 */
class ResumeTest {
    static final Path CONFIG = Path.of("src", "test", "resources", "checkpoint", "plastic.yaml");
    static final List<String> DATA = List.of("spikes.csv", "state.csv", "rates.csv", "weights.csv");

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2})
    void aRunKilledTwentyTimesAndResumedEndsWithTheOutputsOfAnUninterruptedRun(int threads, @TempDir Path dir)
            throws Exception {
        Path whole = dir.resolve("whole"), killed = dir.resolve("killed");
        Cli ref = Cli.run("run", CONFIG.toString(), "--threads", Integer.toString(threads), "--out", whole.toString(),
                "--no-plots");
        assertThat(ref.exit()).as(ref.err()).isZero();

        // the kill moments: 16 at random points of the run's progress (state.csv has a row per step, so its length
        // says how far the run is, on a fast machine or a slow one) plus a random delay, and 4 during start-up or
        // restoring (50-400 ms after the process starts); random, and the same in every build
        Random moments = new Random(17 + threads);
        long fileBytes = Files.size(whole.resolve("state.csv"));
        List<Long> targets = new java.util.ArrayList<>();
        for (int k = 0; k < 16; k++) targets.add((long) (fileBytes * (0.02 + 0.93 * moments.nextDouble())));
        java.util.Collections.sort(targets);
        for (int k = 0; k < 4; k++) targets.add(moments.nextInt(targets.size() + 1), -1L);   // -1: during start-up
        int kills = 0, restarts = 0, resumes = 0;
        boolean started = false;
        while (kills < 20) {
            List<String> args = started
                    ? List.of("resume", killed.toString())
                    : List.of("run", CONFIG.toString(), "--threads", Integer.toString(threads), "--out",
                    killed.toString(), "--checkpoint-every", "100 ms", "--no-plots");
            Path log = dir.resolve("log" + (kills + restarts) + ".txt");
            Process p = Cli.start(log, args.toArray(String[]::new));
            long target = targets.get(kills);
            if (target < 0) {
                p.waitFor(50 + moments.nextInt(350), TimeUnit.MILLISECONDS);
            } else {
                Path state = killed.resolve("state.csv.partial");
                while (p.isAlive() && !(Files.exists(state) && Files.size(state) >= target)) Thread.sleep(5);
                p.waitFor(moments.nextInt(150), TimeUnit.MILLISECONDS);
            }
            if (p.isAlive()) {
                p.destroyForcibly();   // SIGKILL: no handler runs, buffers are lost
                p.waitFor();
                kills++;
                if (started) resumes++;
            } else if (p.exitValue() == 2 && Files.readString(log).contains("no checkpoint there")) {
                started = false;   // killed before its first checkpoint: run it again
                restarts++;
                continue;
            } else {
                assertThat(p.exitValue()).as(Files.readString(log)).isZero();
                break;   // finished before this kill: fails below
            }
            started = started || Files.exists(killed.resolve("checkpoint").resolve("state.bin"));
            if (!started) restarts++;
        }
        assertThat(kills).isEqualTo(20);
        assertThat(resumes).as("kills of resumed runs").isGreaterThan(10);
        Cli last = Cli.run("resume", killed.toString());
        assertThat(last.exit()).as(last.err()).isZero();

        for (String f : DATA) {
            assertThat(killed.resolve(f)).as(f).hasSameBinaryContentAs(whole.resolve(f));
            assertThat(killed.resolve(f + ".partial")).doesNotExist();
        }
        ObjectMapper json = new ObjectMapper();
        assertThat(comparable(json.readTree(killed.resolve("summary.json").toFile())))
                .isEqualTo(comparable(json.readTree(whole.resolve("summary.json").toFile())));
    }

    /**
     * Issue 29, item 22: a run killed after its last checkpoint (written at the end of the simulation) and before
     * summary.json. The kill's leftovers are made by hand from a finished run's folder, as a SIGKILL in that window
     * leaves them: no summary, CSVs still .partial, one with rows written after the checkpoint (the last rate bin).
     * Reference: the same config run uninterrupted; resume must end with its files byte for byte (it refused with
     * "already reached t = 0.3 s" before).
     */
    @Test
    void aRunKilledAfterItsLastCheckpointIsFinishedByResume(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole"), killed = dir.resolve("killed");
        String[] run = {"run", CONFIG.toString(), "--duration", "300 ms", "--checkpoint-every", "100 ms", "--no-plots",
                "--out"};
        Cli ref = Cli.run(concat(run, whole.toString()));
        assertThat(ref.exit()).as(ref.err()).isZero();
        Process p = Cli.start(dir.resolve("run.txt"), concat(run, killed.toString()));
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("run.txt"))).isZero();

        Files.delete(killed.resolve("summary.json"));
        for (String f : DATA) Files.move(killed.resolve(f), killed.resolve(f + ".partial"));
        Files.writeString(killed.resolve("rates.csv.partial"), "0.301,12.5,", java.nio.file.StandardOpenOption.APPEND);

        Process resume = Cli.start(dir.resolve("resume.txt"), "resume", killed.toString());
        assertThat(resume.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(resume.exitValue()).as(Files.readString(dir.resolve("resume.txt"))).isZero();
        for (String f : DATA) {
            assertThat(killed.resolve(f)).as(f).hasSameBinaryContentAs(whole.resolve(f));
            assertThat(killed.resolve(f + ".partial")).doesNotExist();
        }
        assertThat(comparable(json(killed))).isEqualTo(comparable(json(whole)));
        Cli again = Cli.run("resume", killed.toString());   // now it is complete: nothing left to do
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("already reached t = 0.3 s");
    }

    /**
     * Issue 29, item 6: a file the config reads, edited between the run and its resume (the probe: exit 0,
     * complete, 515 spikes where the uninterrupted run has 136). Reference: the run's inputs as it read them; resume
     * refuses a changed one with one line naming it, and resumes once the file is put back.
     */
    @Test
    void aChangedInputFileIsRefusedByResumeNamingIt(@TempDir Path dir) throws Exception {
        Path config = OutputFolderTest.userFolder(dir.resolve("model"));
        Path out = dir.resolve("out");
        Cli ran = Cli.run("run", config.toString(), "--duration", "100 ms", "--checkpoint-every", "50 ms", "--out",
                out.toString(), "--no-plots");
        assertThat(ran.exit()).as(ran.err()).isZero();
        for (String input : List.of("w.csv", "times.csv")) {   // stronger weights; one more spike
            Path file = config.resolveSibling(input);
            String original = Files.readString(file);
            Files.writeString(file, input.equals("w.csv") ? original.replace("12,12", "40,40") : original + "0,0.15\n");
            Cli changed = Cli.run("resume", out.toString(), "--duration", "200 ms");
            assertThat(changed.exit()).as(changed.err()).isEqualTo(2);
            assertThat(changed.oneErrorLine()).as(changed.err()).isTrue();
            assertThat(changed.err()).contains(file.toAbsolutePath().normalize() + ": changed since the run");
            Files.writeString(file, original);
        }
        Cli resumed = Cli.run("resume", out.toString(), "--duration", "200 ms");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
    }

    /**
     * Issue 29, item 7: a checkpoint written by another build (every one said version "dev"). The other build is
     * this one plus one class file, put first on a separate JVM's class path, as a rebuild after a pull adds or
     * changes classes; its resume is refused with one line, and this build's own resume goes through.
     */
    @Test
    void aCheckpointOfAnotherBuildIsRefused(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Cli ran = Cli.run("run", CONFIG.toString(), "--duration", "50 ms", "--checkpoint-every", "10 ms", "--out",
                out.toString(), "--no-plots");
        assertThat(ran.exit()).as(ran.err()).isZero();

        Path other = dir.resolve("other-build");
        Files.createDirectories(other.resolve("org/neurosim/network"));
        Files.write(other.resolve("org/neurosim/network/Added.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2});
        List<String> otherBuild = List.of("-cp", other + java.io.File.pathSeparator
                + System.getProperty("java.class.path"));
        Path log = dir.resolve("other.txt");
        Process p = Cli.start(otherBuild, null, log, "resume", out.toString(), "--duration", "80 ms", "--no-plots");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = Files.readString(log);
        assertThat(p.exitValue()).as(said).isEqualTo(2);
        assertThat(said.strip()).doesNotContain("\n").contains("written by NeuroSim dev (build ")
                .contains("resume with the build that wrote it");

        Process same = Cli.start(dir.resolve("same.txt"), "resume", out.toString(), "--duration", "80 ms",
                "--no-plots");
        assertThat(same.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(same.exitValue()).as(Files.readString(dir.resolve("same.txt"))).isZero();
    }

    private static String[] concat(String[] a, String last) {
        String[] all = java.util.Arrays.copyOf(a, a.length + 1);
        all[a.length] = last;
        return all;
    }

    static JsonNode comparable(JsonNode summary) {
        ObjectNode s = ((ObjectNode) summary).deepCopy();
        s.remove(List.of("wall_s", "checkpoints", "resumed_at_s"));
        return s;
    }

    /** Bad checkpoints and folders: exit 2 and one line saying which. */
    @Test
    void whatCannotBeResumedGetsOneLineAndExit2(@TempDir Path dir) throws Exception {
        Cli none = Cli.run("resume", dir.resolve("nowhere").toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.oneErrorLine()).as(none.err()).isTrue();
        assertThat(none.err()).contains("is not a folder");

        Path out = dir.resolve("out");
        Cli ran = Cli.run("run", CONFIG.toString(), "--duration", "50 ms", "--checkpoint-every", "10 ms", "--out",
                out.toString(), "--no-plots");
        assertThat(ran.exit()).as(ran.err()).isZero();
        Cli done = Cli.run("resume", out.toString());
        assertThat(done.exit()).isEqualTo(2);
        assertThat(done.err()).contains("already reached t = 0.05 s; give a longer duration");
        Cli longer = Cli.run("resume", out.toString(), "--duration", "80 ms");
        assertThat(longer.exit()).as(longer.err()).isZero();
        assertThat(json(out).get("simulated_s").asDouble()).isEqualTo(0.08);

        Path state = out.resolve("checkpoint").resolve("state.bin");
        byte[] good = Files.readAllBytes(state);
        byte[] bad = good.clone();
        bad[bad.length / 3] ^= 4;
        Files.write(state, bad);
        expectOneLine(out, "checksum mismatch");

        Files.write(state, good);
        Files.writeString(out.resolve("config.yaml"), Files.readString(out.resolve("config.yaml")).replace(
                "seed: 9", "seed: 10"));
        expectOneLine(out, "written for another config");

        Files.delete(state);
        expectOneLine(out, "no checkpoint there");
    }

    private static void expectOneLine(Path out, String says) {
        Cli r = Cli.run("resume", out.toString(), "--duration", "1 s");
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.oneErrorLine()).as(r.err()).isTrue();
        assertThat(r.err()).contains(says);
    }

    private static JsonNode json(Path out) throws java.io.IOException {
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }
}
