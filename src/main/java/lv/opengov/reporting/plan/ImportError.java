package lv.opengov.reporting.plan;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem found in an imported table. {@code row} is the spreadsheet row (the header is row 1);
 * it and {@code column} are absent where the problem concerns the whole file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportError(String table, Integer row, String column, String message) {
}
