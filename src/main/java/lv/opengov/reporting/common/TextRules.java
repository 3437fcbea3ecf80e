package lv.opengov.reporting.common;

import java.util.regex.Pattern;

/**
 * The rules for short texts that users write and the service puts into pages, mail headers and
 * subjects: no markup (a tag's opening), no line breaks or control characters.
 */
public final class TextRules {

    /** The opening of a tag, a comment or a declaration. */
    public static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z!/?]");

    /** A line break or another control character, Unicode's line and paragraph separators included. */
    public static final Pattern LINE_BREAK_OR_CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");

    /** A control character other than tab and the line breaks, for texts of several lines. */
    public static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]");

    private TextRules() {
    }

    /** A text as sent, stripped; null when it is missing or blank. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Whether a one-line text (a name, a subject) has markup, a line break or a control character. */
    public static boolean unsafeForOneLine(String text) {
        return MARKUP.matcher(text).find() || LINE_BREAK_OR_CONTROL.matcher(text).find();
    }
}
