package lv.opengov.reporting.plan;

import java.util.Locale;

/**
 * What Cabinet order No. 78 calls those who carry out the plan: institutions (responsible or
 * co-responsible for measures) and other implementers (non-governmental organisations,
 * municipalities and others), who contribute to measures but are responsible for none.
 */
public enum InstitutionKind {
    INSTITUTION("inst-"),
    IMPLEMENTER("impl-");

    private final String groupPrefix;

    InstitutionKind(String groupPrefix) {
        this.groupPrefix = groupPrefix;
    }

    /** The Camunda group whose members act for the one with this code, e.g. {@code impl-lpa}. */
    public String groupIdFor(String code) {
        return groupPrefix + code.toLowerCase(Locale.ROOT);
    }

    public String groupPrefix() {
        return groupPrefix;
    }

    /** The kind an import's {@code kind} cell names: {@code institution} (also when empty) or {@code implementer}. */
    public static InstitutionKind fromCell(String cell) {
        if (cell == null || cell.isBlank()) {
            return INSTITUTION;
        }
        for (InstitutionKind kind : values()) {
            if (kind.name().equalsIgnoreCase(cell.strip())) {
                return kind;
            }
        }
        return null;
    }
}
