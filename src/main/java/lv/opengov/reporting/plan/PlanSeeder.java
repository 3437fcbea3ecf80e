package lv.opengov.reporting.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the plan bundled with the application (the twelve verifiable measures of the Fifth National
 * Open Government Action Plan) at the first start, through the same import coordinators use. Once
 * the plan holds institutions it is left alone, so a restart adds and changes nothing.
 */
@Component
@ConditionalOnProperty(name = "reporting.seed.plan", havingValue = "true", matchIfMissing = true)
class PlanSeeder {

    private static final Logger log = LoggerFactory.getLogger(PlanSeeder.class);

    private final PlanImportService importService;

    PlanSeeder(PlanImportService importService) {
        this.importService = importService;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void seed() {
        if (!importService.isEmpty()) {
            log.info("Plan data present; the bundled plan is not loaded again");
            return;
        }
        Map<PlanTable, byte[]> files = new EnumMap<>(PlanTable.class);
        for (PlanTable table : PlanTable.values()) {
            // no milestones are known for the bundled measures: a table without a file is left out
            ClassPathResource file = new ClassPathResource("plan/" + table.id() + ".csv");
            if (file.exists()) {
                files.put(table, read(file));
            }
        }
        PlanImportResult result = importService.importTables(files);
        log.info("Loaded the bundled plan: {}", result.tables());
    }

    private static byte[] read(ClassPathResource file) {
        try (InputStream in = file.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled plan file " + file.getPath(), e);
        }
    }
}
