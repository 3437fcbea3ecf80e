package lv.opengov.reporting.plan;

import lv.opengov.reporting.plan.internal.CommitmentRepository;
import lv.opengov.reporting.plan.internal.FundingLineRepository;
import lv.opengov.reporting.plan.internal.InstitutionRepository;
import lv.opengov.reporting.plan.internal.MeasureRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** The repositories and the migrations, run by one subclass per database. */
@Transactional
abstract class PlanRepositoryContract {

    @Autowired
    InstitutionRepository institutions;

    @Autowired
    CommitmentRepository commitments;

    @Autowired
    MeasureRepository measures;

    @Autowired
    FundingLineRepository fundingLines;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void migrationsCreateEveryTable() {
        List<String> tables = jdbc.queryForList("""
                select lower(table_name) from information_schema.tables
                where lower(table_schema) in ('public') order by 1""", String.class);
        assertThat(tables).contains("institution", "commitment", "measure", "measure_co_responsible",
                "funding_line", "funding_line_measure", "reporting_cycle", "measure_report", "report_revision",
                "mail_message", "flyway_schema_history");
        assertThat(jdbc.queryForObject("select count(*) from \"flyway_schema_history\" where \"success\" = true",
                Integer.class)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void measureKeepsItsInstitutionsAndLatvianTitle() {
        Institution lead = new Institution("ZZA");
        lead.update("Zemkopības ministrija", "Ministry of Agriculture", "zm@example.org", null, "lv");
        Institution partner = new Institution("ZZB");
        partner.update("Ārlietu ministrija", "Ministry of Foreign Affairs", "am@example.org", "am.head@example.org", "en");
        institutions.saveAll(List.of(lead, partner));
        Commitment commitment = new Commitment(42);
        commitment.update("LV0099", "Ūdens un zeme", "Water and land");
        commitments.save(commitment);
        Measure measure = new Measure("42.1");
        measure.update(commitment, "Ģeogrāfisko datu ķēde: ā č ē ģ ī ķ ļ ņ š ū ž", null, lead, Set.of(partner));
        measures.save(measure);
        fundingLines.save(new FundingLine(2025, new BigDecimal("12345.67"), 2, "Dati", Set.of(measure)));
        entityManager.flush();
        entityManager.clear();

        Measure loaded = measures.findAllForListing().stream().filter(m -> m.getCode().equals("42.1")).findFirst()
                .orElseThrow();
        assertThat(loaded.getTitleLv()).isEqualTo("Ģeogrāfisko datu ķēde: ā č ē ģ ī ķ ļ ņ š ū ž");
        assertThat(loaded.getResponsible().getCode()).isEqualTo("ZZA");
        assertThat(loaded.getCoResponsible()).extracting(Institution::getCode).containsExactly("ZZB");
        assertThat(loaded.getCommitment().getTitleLv()).isEqualTo("Ūdens un zeme");
        assertThat(loaded.title(java.util.Locale.ENGLISH)).isEqualTo("Ģeogrāfisko datu ķēde: ā č ē ģ ī ķ ļ ņ š ū ž");
        FundingLine line = fundingLines.findAll().stream().filter(f -> "Dati".equals(f.getPurpose())).findFirst()
                .orElseThrow();
        assertThat(line.getAmountEur()).isEqualByComparingTo("12345.67");
        assertThat(line.getMeasures()).extracting(Measure::getCode).containsExactly("42.1");
        assertThat(institutions.findByCode("ZZB")).get().extracting(Institution::getHeadEmail)
                .isEqualTo("am.head@example.org");
    }

    @Test
    void databaseRefusesADuplicateMeasureCode() {
        Institution lead = new Institution("ZZC");
        lead.update("Iestāde", "Institution", "c@example.org", null, "lv");
        institutions.save(lead);
        Commitment commitment = new Commitment(43);
        commitment.update(null, "Apņemšanās", "Commitment");
        commitments.save(commitment);
        Measure first = new Measure("43.1");
        first.update(commitment, null, "First", lead, Set.of());
        measures.saveAndFlush(first);
        Measure second = new Measure("43.1");
        second.update(commitment, null, "Second", lead, Set.of());
        assertThatThrownBy(() -> measures.saveAndFlush(second)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void databaseRefusesAMeasureWithoutAnyTitle() {
        Long institutionId = institutions.save(newInstitution("ZZD")).getId();
        Commitment commitment = new Commitment(44);
        commitment.update(null, "Apņemšanās", "Commitment");
        Long commitmentId = commitments.saveAndFlush(commitment).getId();
        assertThatThrownBy(() -> jdbc.update("""
                insert into measure (id, code, commitment_id, responsible_institution_id)
                values (999999, '44.1', ?, ?)""", commitmentId, institutionId))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static Institution newInstitution(String code) {
        Institution institution = new Institution(code);
        institution.update("Iestāde " + code, "Institution " + code, code.toLowerCase() + "@example.org", null, "lv");
        return institution;
    }
}
