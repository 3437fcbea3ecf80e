package lv.opengov.reporting.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.tika.detect.CompositeDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.detect.microsoft.ooxml.OPCPackageDetector;
import org.apache.tika.detect.zip.DefaultZipContainerDetector;
import org.apache.tika.detect.zip.OpenDocumentDetector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

/**
 * Tells a file's type from its content with Apache Tika, never from its name or from what the client
 * said it was. Tika's magic-byte database recognises PDF, PNG, JPEG, programs and the rest; a ZIP is
 * opened to tell what it holds: an OpenDocument text or spreadsheet ({@link OpenDocumentDetector}), a
 * Word or Excel document ({@link OPCPackageDetector}), or a plain archive. The detectors are named
 * here rather than found on the class path, so that the answer does not change with whatever Tika
 * module some other library brings along. The file is read where it lies (a ZIP's directory is at its
 * end), so nothing of it is held in memory.
 */
final class EvidenceTypes {

    private final Detector detector;

    EvidenceTypes() {
        MimeTypes magic = MimeTypes.getDefaultMimeTypes();
        this.detector = new CompositeDetector(magic.getMediaTypeRegistry(), List.of(magic,
                new DefaultZipContainerDetector(List.of(new OpenDocumentDetector(), new OPCPackageDetector()))));
    }

    /** The media type of the file's content, without parameters, e.g. {@code application/pdf}. */
    String detect(Path file) {
        // no name in the metadata: only the content counts
        try (TikaInputStream content = TikaInputStream.get(file)) {
            return detector.detect(content, new Metadata()).getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
