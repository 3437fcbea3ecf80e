package lv.opengov.reporting.common;

import java.util.Locale;

/** A number of bytes as people read it: 812 B, 35 KB, 4.2 MB (with the locale's decimal mark). */
public final class ByteSizes {

    private static final long KB = 1024;
    private static final long MB = KB * 1024;

    private ByteSizes() {
    }

    public static String format(long bytes, Locale locale) {
        if (bytes < KB) {
            return bytes + " B";
        }
        if (bytes < MB) {
            return (bytes + KB / 2) / KB + " KB";
        }
        double megabytes = (double) bytes / MB;
        return megabytes == Math.rint(megabytes) ? (long) megabytes + " MB"
                : String.format(locale, "%.1f MB", megabytes);
    }
}
