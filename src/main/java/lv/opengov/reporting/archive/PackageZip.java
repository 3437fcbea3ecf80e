package lv.opengov.reporting.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A ZIP archive written entry by entry to a stream, each entry's size and SHA-256 taken as it passes,
 * so that nothing is held whole in memory. {@link #finish} writes the manifest, then
 * {@code SHA256SUMS} (in {@code sha256sum -c} format, the manifest among its lines), then the
 * archive's central directory. An archive whose writing failed is never finished: it has no manifest
 * and no central directory, so no ZIP reader takes it for a whole one.
 */
final class PackageZip {

    static final String MANIFEST = "manifest.json";
    static final String CHECKSUMS = "SHA256SUMS";

    /** What writes an entry's content. The stream it is given may be closed; the archive stays open. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** An entry as the manifest lists it. */
    record Entry(String path, long size, String sha256) {
    }

    private final ZipOutputStream zip;
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> paths = new HashSet<>();

    PackageZip(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    }

    void add(String path, byte[] content) throws IOException {
        add(path, out -> out.write(content));
    }

    void add(String path, Content content) throws IOException {
        if (!paths.add(path)) {
            throw new IllegalStateException("Two entries of the package are named " + path);
        }
        zip.putNextEntry(new ZipEntry(path));
        Measured measured = new Measured(zip);
        content.writeTo(measured);
        zip.closeEntry();
        entries.add(new Entry(path, measured.size, HexFormat.of().formatHex(measured.digest.digest())));
    }

    /** The entries written so far, in order. */
    List<Entry> entries() {
        return List.copyOf(entries);
    }

    /**
     * Writes the manifest and the checksums and ends the archive; the stream underneath stays open.
     *
     * @param manifest writes the manifest's content, given the entries before it
     */
    void finish(java.util.function.Function<List<Entry>, Content> manifest) throws IOException {
        add(MANIFEST, manifest.apply(entries()));
        StringBuilder sums = new StringBuilder();
        for (Entry entry : entries) {
            sums.append(entry.sha256()).append("  ").append(entry.path()).append('\n');
        }
        add(CHECKSUMS, sums.toString().getBytes(StandardCharsets.UTF_8));
        zip.finish();
        zip.flush();
    }

    /** Passes what is written on to the archive, counting and hashing it; flushing and closing it do nothing. */
    private static final class Measured extends FilterOutputStream {

        private final MessageDigest digest = sha256();
        private long size;

        Measured(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            size++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            size += len;
        }

        /** The archive flushes when it has enough to send, not at every entry's writer's wish. */
        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }
}
