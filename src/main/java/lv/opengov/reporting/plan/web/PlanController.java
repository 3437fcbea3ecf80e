package lv.opengov.reporting.plan.web;

import lv.opengov.reporting.plan.ImportError;
import lv.opengov.reporting.plan.MeasureView;
import lv.opengov.reporting.plan.PlanImportException;
import lv.opengov.reporting.plan.PlanImportResult;
import lv.opengov.reporting.plan.PlanImportService;
import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.plan.PlanTable;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** The plan's measures, and the import of the official plan table. */
@RestController
@RequestMapping("/api")
class PlanController {

    private final PlanService planService;
    private final PlanImportService importService;
    private final MessageSource messages;

    PlanController(PlanService planService, PlanImportService importService, MessageSource messages) {
        this.planService = planService;
        this.importService = importService;
        this.messages = messages;
    }

    @GetMapping("/measures")
    List<MeasureView> measures() {
        return planService.listMeasures();
    }

    /** One table as the request body: {@code ?table=measures} (the default) or another table's name. */
    @PostMapping(path = "/plan/import", consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @PreAuthorize("@access.isCoordinator()")
    PlanImportResult importTable(@RequestParam(name = "table", defaultValue = "measures") String table,
            @RequestBody byte[] body) {
        return importService.importTables(Map.of(tableNamed(table), body));
    }

    /** Several tables at once as a multipart form, one file part per table, named after the table. */
    @PostMapping(path = "/plan/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("@access.isCoordinator()")
    PlanImportResult importTables(MultipartHttpServletRequest request) throws IOException {
        Map<PlanTable, byte[]> files = new EnumMap<>(PlanTable.class);
        for (Map.Entry<String, MultipartFile> part : request.getFileMap().entrySet()) {
            files.put(tableNamed(part.getKey()), part.getValue().getBytes());
        }
        return importService.importTables(files);
    }

    private PlanTable tableNamed(String name) {
        return PlanTable.fromId(name).orElseThrow(() -> new PlanImportException(List.of(new ImportError(name, null,
                null, messages.getMessage("import.table.unknown", new Object[] {name},
                        LocaleContextHolder.getLocale())))));
    }
}
