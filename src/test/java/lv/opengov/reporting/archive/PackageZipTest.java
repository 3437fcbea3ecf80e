package lv.opengov.reporting.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive underneath the plan's package: finished only when every entry was written. */
class PackageZipTest {

    @TempDir
    Path folder;

    @Test
    void finishedArchiveListsItsEntriesWithSizesAndChecksums() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PackageZip zip = new PackageZip(out);
        zip.add("a.txt", "abc".getBytes(StandardCharsets.UTF_8));
        zip.add("b/c.csv", o -> {
            // an entry's writer may close what it was given; the archive goes on
            o.write("x;y\n".getBytes(StandardCharsets.UTF_8));
            o.close();
        });
        zip.finish(entries -> o -> o.write(("{\"entries\":" + entries.size() + "}").getBytes(StandardCharsets.UTF_8)));

        assertThat(zip.entries()).extracting(PackageZip.Entry::path)
                .containsExactly("a.txt", "b/c.csv", PackageZip.MANIFEST, PackageZip.CHECKSUMS);
        assertThat(zip.entries().get(0)).isEqualTo(new PackageZip.Entry("a.txt", 3,
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        Path file = Files.write(folder.resolve("done.zip"), out.toByteArray());
        try (ZipFile read = new ZipFile(file.toFile())) {
            assertThat(new String(read.getInputStream(read.getEntry(PackageZip.MANIFEST)).readAllBytes(),
                    StandardCharsets.UTF_8)).isEqualTo("{\"entries\":2}");
            assertThat(new String(read.getInputStream(read.getEntry(PackageZip.CHECKSUMS)).readAllBytes(),
                    StandardCharsets.UTF_8)).startsWith(
                            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a.txt\n")
                    .contains("  b/c.csv\n").endsWith("  " + PackageZip.MANIFEST + "\n");
        }
    }

    @Test
    void failedEntryLeavesAnArchiveNoReaderTakesForWhole() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PackageZip zip = new PackageZip(out);
        zip.add("a.txt", "abc".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> zip.add("evidence.pdf", o -> {
            o.write("%PDF-1.7 half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("Evidence file 7 is gone");
        })).hasMessage("Evidence file 7 is gone");

        Path file = Files.write(folder.resolve("broken.zip"), out.toByteArray());
        assertThatThrownBy(() -> new ZipFile(file.toFile()).close()).isInstanceOf(ZipException.class);
    }

    @Test
    void twoEntriesOfOneNameAreRefused() throws Exception {
        PackageZip zip = new PackageZip(new ByteArrayOutputStream());
        zip.add("a.txt", new byte[] {1});
        assertThatThrownBy(() -> zip.add("a.txt", new byte[] {2})).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a.txt");
    }
}
