package lv.opengov.reporting.plan;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads one table of the official plan from CSV. The file must be UTF-8 (a byte-order mark is
 * allowed) and may be separated by commas or, as Excel saves it in Latvian settings, by semicolons.
 */
final class CsvTableReader {

    /** A data row: its spreadsheet row number and its values by column, trimmed, empty as null. */
    record Row(int number, Map<String, String> values) {

        String get(String column) {
            return values.get(column);
        }

        /** Whether the file has this column: an optional column it lacks leaves what it would set alone. */
        boolean has(String column) {
            return values.containsKey(column);
        }
    }

    private final ImportMessages messages;

    CsvTableReader(ImportMessages messages) {
        this.messages = messages;
    }

    List<Row> read(PlanTable table, byte[] content, List<ImportError> errors) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            errors.add(new ImportError(table.id(), null, null, messages.get("import.encoding")));
            return List.of();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            errors.add(new ImportError(table.id(), null, null, messages.get("import.empty")));
            return List.of();
        }
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiterOf(text))
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            if (!hasExpectedColumns(table, parser.getHeaderNames(), errors)) {
                return List.of();
            }
            int number = 1;
            for (CSVRecord record : parser) {
                number++;
                int width = parser.getHeaderNames().size();
                if (record.size() != width) {
                    errors.add(new ImportError(table.id(), number, null,
                            messages.get("import.row.width", record.size(), width)));
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (String column : table.allColumns()) {
                    if (record.isMapped(column)) {
                        String value = record.get(column);
                        values.put(column, value == null || value.isBlank() ? null : value);
                    }
                }
                rows.add(new Row(number, values));
            }
        } catch (IllegalArgumentException e) {
            // commons-csv refuses duplicate or empty header names this way
            errors.add(new ImportError(table.id(), 1, null, messages.get("import.header.malformed")));
            return List.of();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            errors.add(new ImportError(table.id(), rows.size() + 2, null, messages.get("import.malformed")));
            return List.of();
        }
        if (rows.isEmpty()) {
            errors.add(new ImportError(table.id(), null, null, messages.get("import.empty")));
        }
        return rows;
    }

    private boolean hasExpectedColumns(PlanTable table, List<String> header, List<ImportError> errors) {
        Set<String> present = new LinkedHashSet<>(header);
        Set<String> missing = new TreeSet<>(table.columns());
        missing.removeAll(present);
        Set<String> unexpected = new TreeSet<>(present);
        table.allColumns().forEach(unexpected::remove);
        if (!missing.isEmpty()) {
            errors.add(new ImportError(table.id(), 1, null,
                    messages.get("import.columns.missing", String.join(", ", missing))));
        }
        if (!unexpected.isEmpty()) {
            errors.add(new ImportError(table.id(), 1, null,
                    messages.get("import.columns.unexpected", String.join(", ", unexpected),
                            String.join(", ", table.allColumns()))));
        }
        return missing.isEmpty() && unexpected.isEmpty();
    }

    private static char delimiterOf(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        return header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
    }
}
