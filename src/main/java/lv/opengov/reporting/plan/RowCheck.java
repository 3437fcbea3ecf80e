package lv.opengov.reporting.plan;

import static lv.opengov.reporting.common.TextRules.CONTROL;
import static lv.opengov.reporting.common.TextRules.LINE_BREAK_OR_CONTROL;
import static lv.opengov.reporting.common.TextRules.MARKUP;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import lv.opengov.reporting.notification.EmailAddresses;

/** The checks of one imported row's cells; each problem is collected, naming table, row and column. */
final class RowCheck {

    private static final Set<String> SINGLE_LINE = Set.of("code", "name_lv", "name_en", "contact_email",
            "head_email", "language", "responsible", "co_responsible", "kind", "implementers", "measure", "number",
            "unit", "baseline", "target", "due_date", "target_date");
    private static final Map<String, Integer> MAX_LENGTH = Map.of("name_lv", 500, "name_en", 500,
            "contact_email", 320, "head_email", 320, "title_lv", 2000, "title_en", 2000, "purpose", 2000,
            "ogp_id", 32, "unit", 100);

    private final ImportMessages messages;
    private final PlanTable table;
    private final CsvTableReader.Row row;
    private final List<ImportError> errors;
    private boolean valid = true;

    RowCheck(ImportMessages messages, PlanTable table, CsvTableReader.Row row, List<ImportError> errors) {
        this.messages = messages;
        this.table = table;
        this.row = row;
        this.errors = errors;
    }

    /** Whether the row has passed every check so far. */
    boolean isValid() {
        return valid;
    }

    void fail(String column, String code, Object... args) {
        errors.add(new ImportError(table.id(), row.number(), column, messages.get(code, args)));
        valid = false;
    }

    String required(String column) {
        String value = row.get(column);
        if (value == null) {
            fail(column, "import.required");
        }
        return fitting(column, value);
    }

    /** The value, unless it is longer than its column holds. */
    String fitting(String column, String value) {
        Integer max = MAX_LENGTH.get(column);
        if (value != null && max != null && value.length() > max) {
            fail(column, "report.text.too-long", max, value.length());
            return null;
        }
        if (value != null && MARKUP.matcher(value).find()) {
            fail(column, "import.markup");
            return null;
        }
        // names and addresses go into mail greetings and headers: one line each
        if (value != null && (SINGLE_LINE.contains(column) ? LINE_BREAK_OR_CONTROL : CONTROL).matcher(value).find()) {
            fail(column, "import.control");
            return null;
        }
        return value;
    }

    /** An address the service may write to ({@link EmailAddresses}), when there is one. */
    String email(String column, boolean required) {
        String value = required ? required(column) : fitting(column, row.get(column));
        if (value != null && !EmailAddresses.isValid(value)) {
            fail(column, "import.email.invalid", value);
            return null;
        }
        return value;
    }

    String matching(String column, Pattern pattern, String code) {
        String value = required(column);
        if (value != null && !pattern.matcher(value).matches()) {
            fail(column, code, value);
            return null;
        }
        return value;
    }

    /** An ISO date (2025-06-30), when there is one. */
    java.time.LocalDate date(String column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            fail(column, "import.date.invalid", value);
            return null;
        }
    }

    /** A decimal of at least 0 with at most four decimals and fourteen digits before them, when there is one. */
    java.math.BigDecimal decimal(String column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            java.math.BigDecimal number = new java.math.BigDecimal(value.replace(" ", "").replace(',', '.'));
            if (number.signum() < 0 || number.scale() > 4 || number.precision() - number.scale() > 14) {
                fail(column, "import.decimal.invalid", value);
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            fail(column, "import.decimal.invalid", value);
            return null;
        }
    }

    Integer integer(String column, int min, int max) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                fail(column, "import.number.range", value, min, max);
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            fail(column, "import.number.invalid", value);
            return null;
        }
    }
}
