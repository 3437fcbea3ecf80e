package lv.opengov.reporting.evidence;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A file's name as the service keeps and shows it, made from whatever name the browser sent. Only the
 * last part of a path is kept (browsers on Windows have sent whole paths); control and format
 * characters go (among them the right-to-left override that makes {@code fdp.exe} look like
 * {@code exe.pdf}), and so do the characters Windows refuses in a name; leading dots and spaces too,
 * so no name is hidden or empty. A name without the extension of the type its content has gets it.
 * Pages still escape the name when they show it.
 */
final class EvidenceFileNames {

    static final int MAX_LENGTH = 200;

    private EvidenceFileNames() {
    }

    static String sanitise(String sent, EvidenceType type) {
        String name = sent == null ? "" : Normalizer.normalize(sent, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            int kind = Character.getType(c);
            if (kind == Character.CONTROL || kind == Character.FORMAT || kind == Character.LINE_SEPARATOR
                    || kind == Character.PARAGRAPH_SEPARATOR || kind == Character.SURROGATE
                    || kind == Character.PRIVATE_USE || kind == Character.UNASSIGNED) {
                return;
            }
            kept.appendCodePoint("<>:\"|?*".indexOf(c) >= 0 || Character.isWhitespace(c) ? ' ' : c);
        });
        name = kept.toString().replaceAll(" {2,}", " ").replaceAll("^[. ]+|[. ]+$", "");
        if (name.isEmpty()) {
            name = "evidence";
        }
        if (!type.extensions().contains(extension(name))) {
            name = name + "." + type.extensions().get(0);
        }
        return shorten(name);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** At most {@link #MAX_LENGTH} characters, the extension kept. */
    private static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = name.substring(dot);
        String base = name.substring(0, dot);
        int keep = MAX_LENGTH - extension.length();
        return base.substring(0, base.offsetByCodePoints(0, keep)).strip() + extension;
    }
}
