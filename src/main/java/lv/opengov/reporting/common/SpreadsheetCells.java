package lv.opengov.reporting.common;

/**
 * The one rule for text that goes into a CSV file or a spreadsheet: a cell that begins with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is prefixed with a single
 * quote, so that a spreadsheet opening the file shows what was written instead of running it as a
 * formula (OWASP's advice on CSV injection). Numbers written as numeric cells need no such care.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** The value as it is safe to write into a text cell; {@code null} stays {@code null}. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
