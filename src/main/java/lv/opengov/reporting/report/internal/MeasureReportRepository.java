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

    @Query("select r.id from MeasureReport r where r.cycleId = :cycleId and r.processInstanceId is null order by r.id")
    List<Long> findUnlaunchedIds(Long cycleId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from MeasureReport r where r.id = :id")
    Optional<MeasureReport> lockById(Long id);

    @org.springframework.data.jpa.repository.Modifying
    @Query("""
            update MeasureReport r set r.processInstanceId = :processInstanceId, r.version = r.version + 1
            where r.id = :id and r.processInstanceId is null""")
    int recordLaunch(Long id, String processInstanceId);

    long countByCycleIdAndStateNot(Long cycleId, ReportState state);

    long countByCycleId(Long cycleId);

    @Query("""
            select distinct r.dueDate from MeasureReport r
            where r.cycleId = :cycleId and r.state in :states
            """)
    List<LocalDate> findOpenDueDates(Long cycleId, Collection<ReportState> states);

    Optional<MeasureReport> findByProcessInstanceId(String processInstanceId);
}
