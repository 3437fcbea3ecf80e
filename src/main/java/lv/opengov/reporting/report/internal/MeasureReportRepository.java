package lv.opengov.reporting.report.internal;

import lv.opengov.reporting.report.MeasureReport;
import lv.opengov.reporting.report.ReportState;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import jakarta.persistence.LockModeType;

public interface MeasureReportRepository extends JpaRepository<MeasureReport, Long> {

    List<MeasureReport> findByCycleId(Long cycleId);

    @Query("select r.id from MeasureReport r where r.cycleId = :cycleId order by r.id")
    List<Long> findIdsByCycleId(Long cycleId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from MeasureReport r where r.id = :id")
    Optional<MeasureReport> lockById(Long id);

    /**
     * Records the report's process unless it has one or was withdrawn: answers 0 then. Waits for a
     * withdrawal in progress, and sees what it did.
     */
    @org.springframework.data.jpa.repository.Modifying
    @Query("""
            update MeasureReport r set r.processInstanceId = :processInstanceId, r.version = r.version + 1
            where r.cycleId = :cycleId and r.processInstanceId is null and r.withdrawnAt is null
                  and r.measureId = (select m.id from lv.opengov.reporting.plan.Measure m where m.code = :measureCode)""")
    int recordProcess(Long cycleId, String measureCode, String processInstanceId);

    /** Withdraws the cycle's reports not accepted; waits for any transaction that holds one of them. */
    @org.springframework.data.jpa.repository.Modifying
    @Query("""
            update MeasureReport r set r.withdrawnAt = :at, r.version = r.version + 1
            where r.cycleId = :cycleId and r.state <> lv.opengov.reporting.report.ReportState.ACCEPTED
                  and r.withdrawnAt is null""")
    int withdrawOpen(Long cycleId, java.time.Instant at);

    long countByCycleIdAndStateNot(Long cycleId, ReportState state);

    long countByCycleId(Long cycleId);

    @Query("""
            select distinct r.dueDate from MeasureReport r
            where r.cycleId = :cycleId and r.state in :states
            """)
    List<LocalDate> findOpenDueDates(Long cycleId, Collection<ReportState> states);

    Optional<MeasureReport> findByProcessInstanceId(String processInstanceId);

    @Query("""
            select r from MeasureReport r
            where r.cycleId = :cycleId
                  and r.measureId = (select m.id from lv.opengov.reporting.plan.Measure m where m.code = :measureCode)""")
    Optional<MeasureReport> findByCycleIdAndMeasureCode(Long cycleId, String measureCode);

    /** The measure codes of the cycle's returned reports not withdrawn, in the order they were opened. */
    @Query("""
            select m.code from MeasureReport r, lv.opengov.reporting.plan.Measure m
            where m.id = r.measureId and r.cycleId = :cycleId
                  and r.state = lv.opengov.reporting.report.ReportState.RETURNED and r.withdrawnAt is null
            order by r.id""")
    List<String> findSentBackCodes(Long cycleId);
}
