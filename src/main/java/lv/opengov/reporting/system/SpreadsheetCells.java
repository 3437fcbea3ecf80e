package lv.opengov.reporting.system;

/**
 * Text for cells of files that spreadsheets open (CSV, xlsx). Excel and LibreOffice read a cell that
 * begins with {@code =}, {@code +}, {@code -} or {@code @} (or a tab or carriage return before one) as
 * a formula, so text that users typed could run as one on a coordinator's machine. Such text gets a
 * leading single quote, which the spreadsheet shows as text.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** The value, with a leading {@code '} when it begins as a formula would; null stays null. */
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
