package lv.opengov.reporting.common;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV as Excel opens it under Latvian (and most European) regional settings: UTF-8 with a byte-order
 * mark, semicolons between the cells. Text cells go through {@link SpreadsheetCells#neutralise}.
 */
public final class ExcelCsv {

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ExcelCsv() {
    }

    /**
     * Writes the byte-order mark and returns a printer that has written the header. Closing the printer
     * closes the stream.
     */
    public static CSVPrinter open(OutputStream out, String... header) throws IOException {
        out.write(BYTE_ORDER_MARK);
        return new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader(header).get());
    }

    /** A text cell: neutralised, and empty for none. */
    public static String cell(String value) {
        return value == null ? "" : SpreadsheetCells.neutralise(value);
    }
}
