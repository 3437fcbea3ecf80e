package lv.opengov.reporting.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * The wall clock of the application's processes in a fault test, moved from outside: the processes run
 * with Debian's libfaketime preloaded, which reads the offset from this file (re-read every second), so
 * that every process started with {@link #environment()} sees the same time and all move together. The
 * processes' monotonic clocks are left alone, so their waits and timeouts run in real time.
 */
public final class FakeTime {

    private static final Path LIBRARY = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");
    private static final ZoneId RIGA = ZoneId.of("Europe/Riga");

    private final Path file;
    private Duration offset = Duration.ZERO;

    private FakeTime(Path file) {
        this.file = file;
    }

    /** A clock at real time, kept in a file of the given folder. */
    public static FakeTime in(Path folder) {
        try {
            Files.createDirectories(folder);
            FakeTime time = new FakeTime(folder.resolve("faketime-" + ProcessHandle.current().pid() + ".txt"));
            time.write();
            return time;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether libfaketime is on this machine (Debian's package faketime). */
    public static boolean available() {
        return Files.isReadable(LIBRARY);
    }

    /** Moves the processes' clocks so that it is now the given time, and on from there. */
    public synchronized void setTo(ZonedDateTime time) {
        offset = Duration.between(Instant.now(), time.toInstant());
        write();
    }

    /** The processes' time now. */
    public synchronized ZonedDateTime now() {
        return Instant.now().plus(offset).atZone(RIGA);
    }

    /** The environment a process needs to run on this clock. */
    public Map<String, String> environment() {
        return Map.of("LD_PRELOAD", LIBRARY.toString(), "FAKETIME_TIMESTAMP_FILE", file.toString(),
                // the JVM times its waits with the monotonic clock: faked, they would wait for the offset
                "FAKETIME_DONT_FAKE_MONOTONIC", "1",
                // and without this, libfaketime's own fix of condition waits makes every timed wait of the
                // JVM return at once, so that its idle threads spin
                "FAKETIME_FORCE_MONOTONIC_FIX", "0", "FAKETIME_CACHE_DURATION", "1");
    }

    private void write() {
        try {
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.writeString(next, (offset.isNegative() ? "" : "+") + offset.toSeconds() + "\n");
            Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
