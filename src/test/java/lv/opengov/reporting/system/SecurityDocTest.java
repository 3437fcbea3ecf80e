package lv.opengov.reporting.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/security.md is the access matrix rendered: it must equal the rendering of the table the
 * access-matrix test walks. {@code -Dsecurity.doc.write=true} writes it instead.
 */
class SecurityDocTest {

    private static final Path DOC = Path.of("docs", "security.md");

    @Test
    void securityDocumentIsTheRenderedAccessMatrix() throws Exception {
        String rendered = AccessMatrix.markdown(AccessMatrix.rows());
        if (Boolean.getBoolean("security.doc.write")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, rendered);
        }
        assertThat(DOC).as("docs/security.md; regenerate it with -Dtest=SecurityDocTest -Dsecurity.doc.write=true")
                .exists();
        assertThat(Files.readString(DOC)).as("docs/security.md is out of date with %s; regenerate it with "
                + "./mvnw test -Dtest=SecurityDocTest -Dsecurity.doc.write=true", AccessMatrix.RESOURCE)
                .isEqualTo(rendered);
    }
}
