package lv.opengov.reporting.plan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The tables of the official plan, in the order an import applies them, with their CSV columns. */
public enum PlanTable {
    INSTITUTIONS(List.of("code", "name_lv", "name_en", "contact_email", "head_email", "language"), List.of("kind")),
    COMMITMENTS(List.of("number", "ogp_id", "title_lv", "title_en"), List.of()),
    MEASURES(List.of("code", "commitment", "title_lv", "title_en", "responsible", "co_responsible"),
            List.of("implementers")),
    FUNDING(List.of("measures", "year", "amount_eur", "projects", "purpose"), List.of()),
    MILESTONES(List.of("measure", "number", "title_lv", "title_en", "due_date"), List.of()),
    INDICATORS(List.of("measure", "number", "title_lv", "title_en", "unit", "baseline", "target", "target_date"),
            List.of());

    private final List<String> columns;
    private final List<String> optionalColumns;

    PlanTable(List<String> columns, List<String> optionalColumns) {
        this.columns = columns;
        this.optionalColumns = optionalColumns;
    }

    /** The columns every file of this table has. */
    public List<String> columns() {
        return columns;
    }

    /**
     * Columns a file may have besides: an institution's {@code kind} ({@code institution}, the default,
     * or {@code implementer}) and a measure's other {@code implementers}. A file without them reads as
     * one with them empty, as files made before them do.
     */
    public List<String> optionalColumns() {
        return optionalColumns;
    }

    /** Every column, the optional ones last. */
    public List<String> allColumns() {
        List<String> all = new java.util.ArrayList<>(columns);
        all.addAll(optionalColumns);
        return all;
    }

    /** The name used in requests and error reports: {@code institutions}, {@code measures}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PlanTable> fromId(String id) {
        for (PlanTable table : values()) {
            if (table.id().equalsIgnoreCase(id)) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }
}
