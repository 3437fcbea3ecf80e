package lv.opengov.reporting.plan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The tables of the official plan, in the order an import applies them, with their CSV columns. */
public enum PlanTable {
    INSTITUTIONS(List.of("code", "name_lv", "name_en", "contact_email", "head_email", "language")),
    COMMITMENTS(List.of("number", "ogp_id", "title_lv", "title_en")),
    MEASURES(List.of("code", "commitment", "title_lv", "title_en", "responsible", "co_responsible")),
    FUNDING(List.of("measures", "year", "amount_eur", "projects", "purpose"));

    private final List<String> columns;

    PlanTable(List<String> columns) {
        this.columns = columns;
    }

    public List<String> columns() {
        return columns;
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
