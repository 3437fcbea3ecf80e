package lv.opengov.reporting.audit;

import static lv.opengov.reporting.common.ExcelCsv.cell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import lv.opengov.reporting.common.ExcelCsv;
import lv.opengov.reporting.common.ServiceZone;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The audit log as CSV for Excel, like the report export ({@link ExcelCsv}). Actors, subjects and
 * details come from users, so every cell is neutralised against formulas.
 */
@Component
public class AuditCsv {

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

    /** The entries the filter selects for the current user ({@link AuditQuery#export}). */
    public byte[] write(AuditQuery.Filter filter, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(each -> query.export(filter, each), locale, out);
        return out.toByteArray();
    }

    /** Every entry, oldest first ({@link AuditQuery#everything}), written to the stream as it is read. */
    public void writeEverything(Locale locale, OutputStream out) {
        write(query::everything, locale, out);
    }

    private void write(Consumer<Consumer<AuditQuery.Entry>> entries, Locale locale, OutputStream out) {
        String[] header = new String[COLUMNS.length];
        for (int i = 0; i < COLUMNS.length; i++) {
            header[i] = messages.getMessage("audit.col." + COLUMNS[i], null, locale);
        }
        try (CSVPrinter printer = ExcelCsv.open(out, header)) {
            entries.accept(e -> {
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
    }
}
