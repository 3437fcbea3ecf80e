package lv.opengov.reporting.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The figures a fault test measured, as a Markdown table in {@code target/reliability-figures.md}. */
final class Figures {

    private Figures() {
    }

    static void write(String test, Map<String, String> figures) {
        StringBuilder table = new StringBuilder("\n### " + test + ", "
                + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs\n\n| Figure | Value |\n|---|---|\n");
        figures.forEach((name, value) -> table.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        try {
            Files.writeString(Path.of("target", "reliability-figures.md"), table, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
