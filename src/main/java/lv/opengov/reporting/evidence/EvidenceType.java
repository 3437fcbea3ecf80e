package lv.opengov.reporting.evidence;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of file that may be attached as evidence, each as Tika names it when it reads the content. */
public enum EvidenceType {
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    ODT("application/vnd.oasis.opendocument.text", "odt"),
    ODS("application/vnd.oasis.opendocument.spreadsheet", "ods"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg", "jpeg", "jpe");

    private final String mediaType;
    private final List<String> extensions;

    EvidenceType(String mediaType, String... extensions) {
        this.mediaType = mediaType;
        this.extensions = List.of(extensions);
    }

    public String mediaType() {
        return mediaType;
    }

    /** The usual file name extensions, the first the one the service gives a name that has none of them. */
    public List<String> extensions() {
        return extensions;
    }

    /** The short name users know the kind by: PDF, DOCX, … */
    public String label() {
        return name();
    }

    /** The allowed kind of the given media type (without parameters), if it is one. */
    public static Optional<EvidenceType> ofMediaType(String mediaType) {
        for (EvidenceType type : values()) {
            if (type.mediaType.equals(mediaType)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The allowed kind a file name's extension claims, if it claims one. */
    public static Optional<EvidenceType> claimedBy(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (EvidenceType type : values()) {
            if (type.extensions.contains(extension)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The allowed kinds as a list for people: "PDF, DOCX, …, JPEG". */
    public static String labels() {
        return String.join(", ", java.util.Arrays.stream(values()).map(EvidenceType::label).toList());
    }
}
