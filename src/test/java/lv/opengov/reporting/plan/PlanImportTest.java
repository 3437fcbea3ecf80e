package lv.opengov.reporting.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import lv.opengov.reporting.notification.MailMessage;
import lv.opengov.reporting.notification.Outbox;
import lv.opengov.reporting.support.PlanUploads;
import lv.opengov.reporting.support.ReportingTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

@ReportingTest
@Transactional // each test's changes are rolled back; the service joins the test's transaction
class PlanImportTest {

    private static final String HEADER = "code,commitment,title_lv,title_en,responsible,co_responsible\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    PlanService planService;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    private List<MeasureView> before;
    private List<Long> mailsBefore;

    @BeforeEach
    void rememberPlan() {
        before = planService.listMeasures();
        mailsBefore = outbox.list(null, 1000).stream().map(MailMessage::getId).toList();
    }

    /** The messages this test queued. */
    private List<MailMessage> newMails() {
        return outbox.list(null, 1000).stream().filter(m -> !mailsBefore.contains(m.getId())).toList();
    }

    private ResultActions importMeasures(byte[] csv) throws Exception {
        return mvc.perform(post("/api/plan/import").contentType("text/csv").content(csv)
                .header("Accept-Language", "en").with(httpBasic("coordinator", "coordinator")));
    }

    private ResultActions importMeasures(String csv) throws Exception {
        return importMeasures(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void seedLoadsTheBundledPlan() {
        assertThat(before).hasSize(12);
        assertThat(before).extracting(MeasureView::code)
                .containsExactly("1.1", "1.2", "1.3", "3.1", "3.2", "4.1", "4.2", "4.3", "5.1", "6.1", "6.2", "6.3");
        MeasureView m51 = before.stream().filter(m -> m.code().equals("5.1")).findFirst().orElseThrow();
        assertThat(m51.responsible()).isEqualTo("VARAM");
        assertThat(m51.coResponsible()).containsExactly("FM", "VID", "VK");
        assertThat(jdbc.queryForObject("select sum(amount_eur) from funding_line", java.math.BigDecimal.class))
                .isEqualByComparingTo("192000");
    }

    @Test
    void goodFileUpdatesTitlesAndAssignmentsAddsMeasuresAndKeepsReports() throws Exception {
        Long measureId = jdbc.queryForObject("select id from measure where code = '1.2'", Long.class);
        jdbc.update("""
                insert into reporting_cycle (id, name, period_from, period_to, invitation_date, submission_deadline,
                  legal_deadline, requested_submission_deadline, requested_legal_deadline, status, created_by,
                  created_at, closed_early, version)
                values (900001, 'Cycle', date '2022-01-01', date '2023-12-31', date '2024-01-08', date '2024-02-05',
                  date '2024-03-01', date '2024-02-05', date '2024-03-01', 'COLLECTING', 'coordinator',
                  current_timestamp, false, 0)""");
        jdbc.update("""
                insert into measure_report (id, cycle_id, measure_id, institution_id, state, progress, version)
                values (900001, 900001, ?, (select id from institution where code = 'VK'), 'SUBMITTED', 'Darīts', 0)""",
                measureId);

        importMeasures(HEADER
                + "1.2,1,Līdzdalības regulējuma pilnveide,Improvement of participation regulation,TM,VK\n"
                + "1.4,1,Jauns pasākums,A new measure,VAS,\n")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tables.measures.created").value(1))
                .andExpect(jsonPath("$.tables.measures.updated").value(1));

        MeasureView m12 = planService.listMeasures().stream().filter(m -> m.code().equals("1.2")).findFirst()
                .orElseThrow();
        assertThat(m12.titleLv()).isEqualTo("Līdzdalības regulējuma pilnveide");
        assertThat(m12.responsible()).isEqualTo("TM");
        assertThat(m12.coResponsible()).containsExactly("VK");
        assertThat(planService.listMeasures()).hasSize(13);
        assertThat(jdbc.queryForObject("select measure_id from measure_report where id = 900001", Long.class))
                .isEqualTo(measureId);
        assertThat(jdbc.queryForObject("select progress from measure_report where id = 900001", String.class))
                .isEqualTo("Darīts");

        List<MailMessage> mails = newMails();
        assertThat(mails).extracting(MailMessage::getTemplate).containsOnly("measure-assigned");
        assertThat(mails).extracting(m -> m.recipientList().get(0))
                // TM now leads 1.2, VK newly shares it, VAS leads the new 1.4
                .containsExactlyInAnyOrder("tm.reports@example.org", "vk.reports@example.org",
                        "vas.reports@example.org");
        MailMessage toVas = mails.stream().filter(m -> m.recipientList().contains("vas.reports@example.org"))
                .findFirst().orElseThrow();
        assertThat(toVas.getSubject()).contains("jauns pasākums");
        assertThat(toVas.getBodyText()).contains("1.4 Jauns pasākums (atbildīgā iestāde)");
    }

    @Test
    void reimportingTheSamePlanChangesNothing() throws Exception {
        byte[] same = new org.springframework.core.io.ClassPathResource("plan/measures.csv").getContentAsByteArray();
        importMeasures(same).andExpect(status().isOk())
                .andExpect(jsonPath("$.tables.measures.unchanged").value(12))
                .andExpect(jsonPath("$.tables.measures.created").value(0))
                .andExpect(jsonPath("$.tables.measures.updated").value(0));
        assertThat(planService.listMeasures()).isEqualTo(before);
        assertThat(newMails()).isEmpty();
    }

    @Test
    void semicolonSeparatedFileWithByteOrderMarkAsExcelSavesItIsAccepted() throws Exception {
        importMeasures("\uFEFFcode;commitment;title_lv;title_en;responsible;co_responsible\n"
                + "1.1;1;Ietvardokuments;Framework document;VK;VAS\n")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tables.measures.updated").value(1));
    }

    static List<Arguments> badFiles() {
        return List.of(
                Arguments.of("unknown institution", HEADER + "1.1,1,,Title,XYZ,\n", 2, "responsible",
                        "There is no institution XYZ"),
                Arguments.of("unknown co-responsible institution", HEADER + "1.1,1,,Title,VK,VAS NOPE\n", 2,
                        "co_responsible", "There is no institution NOPE"),
                Arguments.of("duplicate code", HEADER + "1.1,1,,Title,VK,\n1.1,1,,Other,VK,\n", 3, "code",
                        "1.1 appears more than once"),
                Arguments.of("missing title", HEADER + "1.1,1,,,VK,\n", 2, "title_en", "needs a title"),
                Arguments.of("malformed code", HEADER + "1-1,1,,Title,VK,\n", 2, "code",
                        "\"1-1\" is not a measure code"),
                Arguments.of("code outside its commitment", HEADER + "2.1,1,,Title,VK,\n", 2, "code",
                        "does not belong to commitment 1"),
                Arguments.of("unknown commitment", HEADER + "9.1,9,,Title,VK,\n", 2, "commitment",
                        "There is no commitment 9"),
                Arguments.of("missing responsible", HEADER + "1.1,1,,Title,,\n", 2, "responsible",
                        "A value is required"),
                Arguments.of("missing columns", "code,commitment,title_en\n1.1,1,Title\n", 1, null,
                        "Missing column(s): co_responsible, responsible, title_lv"),
                Arguments.of("extra column", HEADER.trim() + ",notes\n1.1,1,,Title,VK,,x\n", 1, null,
                        "Unexpected column(s): notes"),
                Arguments.of("short row", HEADER + "1.1,1,Title\n", 2, null, "The row has 3 values"),
                Arguments.of("no data rows", HEADER, null, null, "no data rows"),
                Arguments.of("unclosed quote", HEADER + "1.1,1,\"Title,VK,\n", 2, null, "unclosed quotation"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badRowsAreRefusedWithRowAndColumnAndNothingChanges(String kind, String csv, Integer row, String column,
            String message) throws Exception {
        // a good row first: it must not be stored either
        String withGoodRow = csv.startsWith(HEADER) && !csv.equals(HEADER) ? HEADER + "1.3,1,Mācības,Training,VAS,VK\n"
                + csv.substring(HEADER.length()) : csv;
        Integer expectedRow = row;
        if (!withGoodRow.equals(csv) && row != null && row > 1) {
            expectedRow = row + 1;
        }
        ResultActions result = importMeasures(withGoodRow).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("The request has errors; nothing was changed."))
                .andExpect(jsonPath("$.errors[0].table").value("measures"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(message)));
        if (expectedRow != null) {
            result.andExpect(jsonPath("$.errors[0].row").value(expectedRow));
        }
        if (column != null) {
            result.andExpect(jsonPath("$.errors[0].column").value(column));
        }
        assertThat(planService.listMeasures()).isEqualTo(before);
        assertThat(newMails()).isEmpty();
    }

    @Test
    void fileInAnotherEncodingIsRefused() throws Exception {
        byte[] windows1257 = (HEADER + "3.1,3,Nozaru sadarbības partneru pārstāvniecība,Title,VK,\n")
                .getBytes(Charset.forName("windows-1257"));
        importMeasures(windows1257).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("UTF-8")));
        assertThat(planService.listMeasures()).isEqualTo(before);
    }

    @Test
    void errorsOfEveryRowAreReportedTogetherInLatvianByDefault() throws Exception {
        mvc.perform(post("/api/plan/import").contentType("text/csv")
                        .content(HEADER + "1.1,1,,,VK,\n1.2,1,,Title,NOPE,\n")
                        .with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("Pieprasījumā ir kļūdas; nekas netika mainīts."))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[1].row").value(3))
                .andExpect(jsonPath("$.errors[1].message").value("Plānā un šajā importā nav iestādes NOPE."));
    }

    @Test
    void institutionsAndMeasuresImportTogetherAndTheNewInstitutionGetsItsGroup() throws Exception {
        mvc.perform(PlanUploads.importOf(
                        PlanUploads.table("institutions", "code,name_lv,name_en,contact_email,head_email,language\n"
                                + "IZM,Izglītības un zinātnes ministrija,Ministry of Education and Science,"
                                + "izm@example.org,,en\n"),
                        PlanUploads.table("measures", HEADER + "2.1,2,,Youth participation,IZM,VK\n"))
                        .with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tables.institutions.created").value(1))
                .andExpect(jsonPath("$.tables.measures.created").value(1));
        assertThat(planService.findInstitution("IZM")).isPresent();
        MailMessage toIzm = newMails().stream()
                .filter(m -> m.recipientList().contains("izm@example.org")).findFirst().orElseThrow();
        assertThat(toIzm.getLanguage()).isEqualTo("en");
        assertThat(toIzm.getSubject()).isEqualTo("Action plan: your institution now has one new measure");
    }

    @Test
    void badInstitutionRowRefusesTheMeasuresSentWithIt() throws Exception {
        mvc.perform(PlanUploads.importOf(
                        PlanUploads.table("institutions", "code,name_lv,name_en,contact_email,head_email,language\n"
                                + "IZM,Izglītības ministrija,Ministry of Education,not-an-email,,de\n"),
                        PlanUploads.table("measures", HEADER + "2.1,2,,Youth participation,IZM,\n"))
                        .header("Accept-Language", "en").with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].table").value("institutions"))
                .andExpect(jsonPath("$.errors[0].column").value("contact_email"))
                .andExpect(jsonPath("$.errors[1].column").value("language"))
                // the measure's institution is unknown too, since its row was refused
                .andExpect(jsonPath("$.errors[2].table").value("measures"))
                .andExpect(jsonPath("$.errors[2].column").value("responsible"))
                .andExpect(jsonPath("$.errors.length()").value(3));
        assertThat(planService.findInstitution("IZM")).isEmpty();
        assertThat(planService.listMeasures()).isEqualTo(before);
    }

    @Test
    void otherImplementersComeInWithTheirKindAndAreNamedOnMeasures() throws Exception {
        mvc.perform(PlanUploads.importOf(
                        PlanUploads.table("institutions", "code,name_lv,name_en,contact_email,head_email,language,kind\n"
                                + "LPA,Latvijas Pilsoniskā alianse,Civic Alliance - Latvia,lpa@example.org,,lv,implementer\n"),
                        PlanUploads.table("measures", HEADER.trim() + ",implementers\n"
                                + "1.1,1,,Framework document,VK,VAS,LPA\n"))
                        .with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tables.institutions.created").value(1))
                .andExpect(jsonPath("$.tables.measures.updated").value(1));
        assertThat(planService.findInstitution("LPA").orElseThrow().getKind()).isEqualTo(InstitutionKind.IMPLEMENTER);
        assertThat(planService.findInstitution("LPA").orElseThrow().groupId()).isEqualTo("impl-lpa");
        MeasureView m11 = planService.listMeasures().stream().filter(m -> m.code().equals("1.1")).findFirst()
                .orElseThrow();
        assertThat(m11.implementers()).containsExactly("LPA");
        assertThat(m11.contributors()).containsExactly("VAS", "LPA");
        // a file without the column leaves the implementers as they are
        importMeasures(HEADER + "1.1,1,,Framework document,VK,VAS\n").andExpect(status().isOk());
        assertThat(planService.listMeasures().stream().filter(m -> m.code().equals("1.1")).findFirst().orElseThrow()
                .implementers()).containsExactly("LPA");
    }

    static List<Arguments> badImplementerFiles() {
        String institutions = "code,name_lv,name_en,contact_email,head_email,language,kind\n"
                + "LPA,Latvijas Pilsoniskā alianse,Civic Alliance - Latvia,lpa@example.org,,lv,implementer\n";
        String measures = HEADER.trim() + ",implementers\n";
        return List.of(
                Arguments.of("an implementer as responsible", institutions, measures + "1.1,1,,Title,LPA,,\n",
                        "responsible", "other implementer"),
                Arguments.of("an implementer as co-responsible", institutions, measures + "1.1,1,,Title,VK,LPA,\n",
                        "co_responsible", "other implementer"),
                Arguments.of("an institution among the implementers", institutions, measures + "1.1,1,,Title,VK,,VAS\n",
                        "implementers", "is an institution"),
                Arguments.of("an unknown kind", institutions.replace(",implementer\n", ",ngo\n"),
                        measures + "1.1,1,,Title,VK,,\n", "kind", "is not a kind"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badImplementerFiles")
    void implementersAreCheckedForWhatTheyMayBe(String kind, String institutions, String measures, String column,
            String message) throws Exception {
        mvc.perform(PlanUploads.importOf(PlanUploads.table("institutions", institutions),
                        PlanUploads.table("measures", measures))
                        .header("Accept-Language", "en").with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].column").value(column))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(message)));
        assertThat(planService.findInstitution("LPA")).isEmpty();
        assertThat(planService.listMeasures()).isEqualTo(before);
    }

    @Test
    void unknownTableIsRefused() throws Exception {
        mvc.perform(post("/api/plan/import?table=budget").contentType("text/csv").content("a,b\n1,2\n")
                        .header("Accept-Language", "en").with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(
                        org.hamcrest.Matchers.containsString("There is no plan table called \"budget\"")));
    }
}
