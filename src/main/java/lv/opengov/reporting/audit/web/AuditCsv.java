package lv.opengov.reporting.audit.web;

import lv.opengov.reporting.audit.AuditQuery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import lv.opengov.reporting.common.ServiceZone;
import lv.opengov.reporting.common.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The audit log as CSV for Excel, like the report export: UTF-8 with a byte-order mark, semicolons.
 * Actors, subjects and details come from users, so every cell is neutralised against formulas.
 */
@Component
class AuditCsv {

    private static final String[] COLUMNS = {"time", "actor", "action", "cycle", "measure", "institution",
        "subject", "details"};
    private final AuditQuery query;
    private final MessageSource messages;
    private final DateTimeFormatter time;

    AuditCsv(AuditQuery query, MessageSource messages, ServiceZone zone) {
        this.query = query;
        this.messages = messages;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone.id());
    }

    byte[] write(AuditQuery.Filter filter, Locale locale) {
        String[] header = new String[COLUMNS.length];
        for (int i = 0; i < COLUMNS.length; i++) {
            header[i] = messages.getMessage("audit.col." + COLUMNS[i], null, locale);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader(header).get())) {
            query.export(filter, e -> {
                try {
                    printer.printRecord(time.format(e.occurredAt()), cell(e.actor()),
                            messages.getMessage("audit.action." + e.action(), null, locale),
                            e.cycleId() == null ? "" : e.cycleId().toString(), cell(e.measureCode()),
                            cell(e.institutionCode()), cell(e.subject()), cell(e.details()));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String cell(String value) {
        return value == null ? "" : SpreadsheetCells.neutralise(value);
    }
}
