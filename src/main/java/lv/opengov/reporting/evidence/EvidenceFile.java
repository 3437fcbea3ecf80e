package lv.opengov.reporting.evidence;

import java.time.Instant;
import java.util.Locale;
import lv.opengov.reporting.common.ByteSizes;

/**
 * A file attached to a report as evidence, without its content.
 *
 * @param revisionNo  the submission of the report the file belongs to: the one the institution was
 *                    preparing when it attached the file (the number of submissions so far, plus one)
 * @param institution the code of the institution that attached it
 * @param fileName    the name as the service keeps it: without path, control characters or characters
 *                    that file systems refuse ({@link EvidenceFileNames})
 * @param mediaType   the type Tika read from the content
 * @param sha256      the content's SHA-256, in hexadecimal
 * @param publicFile  whether the institution marked it public: the public may download it once the report
 *                    is accepted and its cycle published ({@link EvidenceAccess#isPublic})
 */
public record EvidenceFile(Long id, Long reportId, int revisionNo, String institution, String fileName,
        String mediaType, long size, String sha256, boolean publicFile, String uploadedBy, Instant uploadedAt) {

    /** PDF, DOCX, …; the media type for a kind no longer allowed. */
    public String typeLabel() {
        return EvidenceType.ofMediaType(mediaType).map(EvidenceType::label).orElse(mediaType);
    }

    public String sizeText(Locale locale) {
        return ByteSizes.format(size, locale);
    }

    /** Whether the file belongs to a submission already made, given how many the report has had. */
    public boolean isSubmitted(int submissions) {
        return revisionNo <= submissions;
    }
}
