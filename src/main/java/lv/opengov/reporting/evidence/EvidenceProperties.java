package lv.opengov.reporting.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The limits on evidence files ({@code reporting.evidence.*}). The servlet container's own limit on an
 * uploaded file ({@code spring.servlet.multipart.max-file-size}) follows {@code max-file-size} in
 * application.yaml, so that a larger file is refused with the same message whichever limit meets it
 * first.
 *
 * @param maxFileSize the largest file that may be attached (10 MB)
 * @param maxFiles    how many files a report may have at most, over all its submissions (20)
 */
@ConfigurationProperties("reporting.evidence")
public record EvidenceProperties(DataSize maxFileSize, int maxFiles) {

    public EvidenceProperties {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
        maxFiles = maxFiles <= 0 ? 20 : maxFiles;
    }
}
