package lv.opengov.reporting.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import lv.opengov.reporting.support.EvidenceSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The type of a file is read from its content: each allowed kind is told apart, a program and a plain ZIP too. */
class EvidenceTypesTest {

    private final EvidenceTypes types = new EvidenceTypes();

    @TempDir
    Path folder;

    @Test
    void eachAllowedKindIsToldFromItsContent() throws IOException {
        assertThat(detect(EvidenceSamples.pdf("Report"))).isEqualTo(EvidenceType.PDF.mediaType());
        assertThat(detect(EvidenceSamples.png())).isEqualTo(EvidenceType.PNG.mediaType());
        assertThat(detect(EvidenceSamples.jpeg())).isEqualTo(EvidenceType.JPEG.mediaType());
        assertThat(detect(EvidenceSamples.docx("Pārskats"))).isEqualTo(EvidenceType.DOCX.mediaType());
        assertThat(detect(EvidenceSamples.xlsx("Pārskats"))).isEqualTo(EvidenceType.XLSX.mediaType());
        assertThat(detect(EvidenceSamples.odt("Pārskats"))).isEqualTo(EvidenceType.ODT.mediaType());
        assertThat(detect(EvidenceSamples.ods("Pārskats"))).isEqualTo(EvidenceType.ODS.mediaType());
    }

    @Test
    void programsAndPlainArchivesAreNotEvidence() throws IOException {
        assertThat(EvidenceType.ofMediaType(detect(EvidenceSamples.exe()))).isEmpty();
        assertThat(detect(EvidenceSamples.exe())).contains("ms");
        assertThat(detect(EvidenceSamples.zip())).isEqualTo("application/zip");
        assertThat(detect("just text".getBytes())).isEqualTo("text/plain");
    }

    private String detect(byte[] content) throws IOException {
        Path file = Files.write(Files.createTempFile(folder, "sample", ".bin"), content);
        return types.detect(file);
    }
}
