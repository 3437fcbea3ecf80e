package lv.opengov.reporting.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The names the service keeps: no path, no control or direction characters, the extension of the content. */
class EvidenceFileNamesTest {

    @ParameterizedTest(name = "{0} as {1} is kept as {2}")
    @CsvSource(delimiter = '|', value = {
        "Pārskats 2024.pdf|PDF|Pārskats 2024.pdf",
        "C:\\Users\\Anna\\Dokumenti\\Pārskats.pdf|PDF|Pārskats.pdf",
        "../../etc/passwd|PDF|passwd.pdf",
        "protokols\u0007\u001B.docx|DOCX|protokols.docx",
        "rēķins\u202Efdp.exe|PNG|rēķinsfdp.exe.png",
        "a\u200Bb<c>:d\"e?g*h.pdf|PDF|ab c d e g h.pdf",
        "  .slēpts.xlsx  |XLSX|slēpts.xlsx",
        "foto.JPG|JPEG|foto.JPG",
        "foto.jpeg|JPEG|foto.jpeg",
        "skenējums|PDF|skenējums.pdf",
        "...|ODT|evidence.odt"})
    void namesAreMadeSafe(String sent, EvidenceType type, String kept) {
        assertThat(EvidenceFileNames.sanitise(sent, type)).isEqualTo(kept);
    }

    @ParameterizedTest
    @CsvSource({"PDF", "DOCX"})
    void longNamesAreCutKeepingTheExtension(EvidenceType type) {
        String kept = EvidenceFileNames.sanitise("ā".repeat(300) + "." + type.extensions().get(0), type);
        assertThat(kept).hasSize(EvidenceFileNames.MAX_LENGTH).endsWith("." + type.extensions().get(0));
    }
}
