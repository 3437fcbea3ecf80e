package lv.opengov.reporting.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lv.opengov.reporting.support.PlanUploads;
import lv.opengov.reporting.support.ReportingTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

/** The milestones and indicators tables of the plan import: good rows, each bad cell, a re-import. */
@ReportingTest
@Transactional // each test's changes are rolled back; the service joins the test's transaction
class MilestoneImportTest {

    private static final String MILESTONES = "measure,number,title_lv,title_en,due_date\n";
    private static final String INDICATORS = "measure,number,title_lv,title_en,unit,baseline,target,target_date\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    PlanService plan;

    private Map<String, List<MilestoneView>> milestonesBefore;
    private Map<String, List<IndicatorView>> indicatorsBefore;

    @BeforeEach
    void rememberPlan() {
        milestonesBefore = plan.milestonesByMeasure();
        indicatorsBefore = plan.indicatorsByMeasure();
    }

    private ResultActions importTable(String table, String csv) throws Exception {
        return mvc.perform(post("/api/plan/import?table=" + table).contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8)).header("Accept-Language", "en")
                .with(httpBasic("coordinator", "coordinator")));
    }

    @Test
    void theSeedLoadsMeasure32sIndicatorWithoutBaselineOrTarget() {
        assertThat(plan.indicators("3.2")).singleElement().satisfies(indicator -> {
            assertThat(indicator.number()).isEqualTo(1);
            assertThat(indicator.titleLv()).isEqualTo("Politikas plānošanas dokumenti vai tiesību akti, kuru "
                    + "izstrādē, izmantojot inovatīvus veidus, mērķtiecīgi iesaistīti sabiedrības pārstāvji");
            assertThat(indicator.unit()).isEqualTo("skaits");
            assertThat(indicator.baseline()).isNull();
            assertThat(indicator.target()).isNull();
            assertThat(indicator.targetDate()).isNull();
        });
        assertThat(plan.milestonesByMeasure()).isEmpty();
    }

    @Test
    void goodRowsComeInAndAReimportUpdatesThemInPlace() throws Exception {
        importTable("milestones", MILESTONES + "1.1,1,Projekts,Draft,2023-06-30\n1.1,2,,Adopted,2024-12-31\n"
                + "6.3,1,Pašvaldību forumi,,2025-03-31\n")
                .andExpect(status().isOk()).andExpect(jsonPath("$.tables.milestones.created").value(3));
        importTable("indicators", INDICATORS + "6.3,1,Pašvaldības,Municipalities,skaits,\"0\",\"12,5\",2025-12-31\n")
                .andExpect(status().isOk()).andExpect(jsonPath("$.tables.indicators.created").value(1));
        List<MilestoneView> first = plan.milestones("1.1");
        assertThat(first).extracting(MilestoneView::number, MilestoneView::titleLv, MilestoneView::titleEn,
                        MilestoneView::dueDate)
                .containsExactly(tuple(1, "Projekts", "Draft", LocalDate.of(2023, 6, 30)),
                        tuple(2, null, "Adopted", LocalDate.of(2024, 12, 31)));
        assertThat(plan.indicators("6.3")).singleElement().satisfies(i -> {
            assertThat(i.baseline()).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(i.target()).isEqualByComparingTo("12.5");
            assertThat(i.targetDate()).isEqualTo(LocalDate.of(2025, 12, 31));
        });

        importTable("milestones", MILESTONES + "1.1,2,Pieņemts,Adopted,2025-01-31\n1.1,1,Projekts,Draft,2023-06-30\n")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tables.milestones.created").value(0))
                .andExpect(jsonPath("$.tables.milestones.updated").value(1))
                .andExpect(jsonPath("$.tables.milestones.unchanged").value(1));
        List<MilestoneView> second = plan.milestones("1.1");
        assertThat(second).extracting(MilestoneView::id).isEqualTo(first.stream().map(MilestoneView::id).toList());
        assertThat(second.get(1).titleLv()).isEqualTo("Pieņemts");
        assertThat(second.get(1).dueDate()).isEqualTo(LocalDate.of(2025, 1, 31));
        // a milestone the later file leaves out is kept, as measures are
        assertThat(plan.milestones("6.3")).hasSize(1);
    }

    static Stream<Arguments> badCells() {
        return Stream.of(
                Arguments.of("milestones", MILESTONES + "9.9,1,Nav,None,2024-01-01\n", "measure",
                        "There is no measure 9.9"),
                Arguments.of("milestones", MILESTONES + "1.x,1,Nav,None,2024-01-01\n", "measure",
                        "is not a measure code"),
                Arguments.of("milestones", MILESTONES + "1.1,,Nav,None,2024-01-01\n", "number", "A value is required"),
                Arguments.of("milestones", MILESTONES + "1.1,0,Nav,None,2024-01-01\n", "number", "outside 1..999"),
                Arguments.of("milestones", MILESTONES + "1.1,one,Nav,None,2024-01-01\n", "number",
                        "is not a whole number"),
                Arguments.of("milestones", MILESTONES + "1.1,1,,,2024-01-01\n", "title_en", "A title is needed"),
                Arguments.of("milestones", MILESTONES + "1.1,1,<b>Nav</b>,None,2024-01-01\n", "title_lv",
                        "HTML is not accepted"),
                Arguments.of("milestones", MILESTONES + "1.1,1,Nav,None,\n", "due_date", "A value is required"),
                Arguments.of("milestones", MILESTONES + "1.1,1,Nav,None,31.12.2024\n", "due_date", "is not a date"),
                Arguments.of("milestones", MILESTONES + "1.1,1,Nav,None,2024-01-01\n1.1,1,Vēl,More,2024-02-01\n",
                        "number", "appears more than once"),
                Arguments.of("indicators", INDICATORS + "9.9,1,Nav,None,skaits,,,\n", "measure",
                        "There is no measure 9.9"),
                Arguments.of("indicators", INDICATORS + "1.1,1,Nav,None,,,,\n", "unit", "A value is required"),
                Arguments.of("indicators", INDICATORS + "1.1,1,Nav,None,skaits,-1,,\n", "baseline",
                        "is not a number of at least 0"),
                Arguments.of("indicators", INDICATORS + "1.1,1,Nav,None,skaits,,daudz,\n", "target",
                        "is not a number of at least 0"),
                Arguments.of("indicators", INDICATORS + "1.1,1,Nav,None,skaits,,,2025-13-01\n", "target_date",
                        "is not a date"),
                Arguments.of("indicators", INDICATORS + "1.1,1,,,skaits,,,\n", "title_en", "A title is needed"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badCells")
    void aBadCellIsRefusedWithRowAndColumnAndNothingChanges(String table, String csv, String column, String message)
            throws Exception {
        // a good row first: it must not be stored either
        String header = csv.substring(0, csv.indexOf('\n') + 1);
        String good = table.equals("milestones") ? "6.1,1,Labs,Good,2024-01-01\n" : "6.1,1,Labs,Good,skaits,1,2,\n";
        int badRow = csv.lines().count() > 2 ? 4 : 3;
        importTable(table, header + good + csv.substring(header.length()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("The request has errors; nothing was changed."))
                .andExpect(jsonPath("$.errors[0].table").value(table))
                .andExpect(jsonPath("$.errors[0].row").value(badRow))
                .andExpect(jsonPath("$.errors[0].column").value(column))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(message)));
        assertThat(plan.milestonesByMeasure()).isEqualTo(milestonesBefore);
        assertThat(plan.indicatorsByMeasure()).isEqualTo(indicatorsBefore);
    }

    @Test
    void aBadMilestoneRefusesTheIndicatorsSentWithItInLatvianByDefault() throws Exception {
        mvc.perform(PlanUploads.importOf(PlanUploads.table("indicators", INDICATORS + "6.1,1,Labs,Good,skaits,,,\n"),
                        PlanUploads.table("milestones", MILESTONES + "6.1,1,Labs,Good,2024-02-30\n"))
                        .with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].table").value("milestones"))
                .andExpect(jsonPath("$.errors[0].column").value("due_date"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        org.hamcrest.Matchers.containsString("nav datums")));
        assertThat(plan.indicators("6.1")).isEmpty();
    }
}
