package lv.opengov.reporting.publication.web;

import lv.opengov.reporting.publication.OpenData;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import lv.opengov.reporting.common.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public's open data, without login: the plan's measures and each published cycle, as CSV and JSON. */
@RestController
@RequestMapping("/public/data")
class OpenDataController {

    private final OpenData openData;

    OpenDataController(OpenData openData) {
        this.openData = openData;
    }

    @GetMapping(path = "/measures.json", produces = MediaType.APPLICATION_JSON_VALUE)
    List<OpenData.OpenMeasure> measuresJson() {
        return openData.measures();
    }

    @GetMapping("/measures.csv")
    ResponseEntity<String> measuresCsv() {
        return csv(new String[] {"code", "commitment", "title_lv", "title_en", "responsible", "co_responsible",
            "latest_completion", "latest_cycle_id", "latest_cycle", "implementers"}, openData.measures().stream()
                .map(m -> new Object[] {m.code(), m.commitment(), m.titleLv(), m.titleEn(), m.responsible(),
                    String.join(" ", m.coResponsible()), m.latestCompletion(), m.latestCycleId(), m.latestCycle(),
                    String.join(" ", m.implementers())}).toList());
    }

    @GetMapping(path = "/cycles/{id}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    List<OpenData.OpenReport> cycleJson(@PathVariable Long id) {
        return openData.reports(id);
    }

    @GetMapping("/cycles/{id}.csv")
    ResponseEntity<String> cycleCsv(@PathVariable Long id) {
        return csv(new String[] {"code", "commitment", "title_lv", "title_en", "institution", "state", "completion",
            "progress", "challenges", "next_steps", "funds_spent_eur", "evidence_links", "contributions_sent",
            "contributions_missing", "evidence_files"}, openData.reports(id).stream()
                .map(r -> new Object[] {r.code(), r.commitment(), r.titleLv(), r.titleEn(), r.institution(), r.state(),
                    r.completion(), r.progress(), r.challenges(), r.nextSteps(), r.fundsSpentEur(), r.evidenceLinks(),
                    contributors(r, true), contributors(r, false), r.evidenceFiles().stream()
                        .map(OpenData.OpenFile::path).collect(java.util.stream.Collectors.joining(" "))})
                .toList());
    }

    /** The contributors whose part was sent (or is missing), by code, space-separated as co_responsible is. */
    private static String contributors(OpenData.OpenReport report, boolean sent) {
        return report.contributions().stream().filter(c -> c.state().equals("SUBMITTED") == sent)
                .map(OpenData.OpenContribution::contributor).collect(java.util.stream.Collectors.joining(" "));
    }

    private static ResponseEntity<String> csv(String[] header, List<Object[]> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get())) {
            for (Object[] row : rows) {
                printer.printRecord(Arrays.stream(row)
                        .map(cell -> cell instanceof String text ? SpreadsheetCells.neutralise(text) : cell).toArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString());
    }
}
