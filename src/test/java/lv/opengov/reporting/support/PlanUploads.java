package lv.opengov.reporting.support;

import java.nio.charset.StandardCharsets;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Plan tables sent to the import as a coordinator's browser sends them: one CSV file per table. */
public final class PlanUploads {

    private PlanUploads() {
    }

    /** A CSV file in the part named after its table. */
    public static MockMultipartFile table(String table, String csv) {
        return new MockMultipartFile(table, table + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    /** A multipart request to the plan import with the given files. */
    public static MockMultipartHttpServletRequestBuilder importOf(MockMultipartFile... tables) {
        MockMultipartHttpServletRequestBuilder request = MockMvcRequestBuilders.multipart("/api/plan/import");
        for (MockMultipartFile table : tables) {
            request.file(table);
        }
        return request;
    }
}
