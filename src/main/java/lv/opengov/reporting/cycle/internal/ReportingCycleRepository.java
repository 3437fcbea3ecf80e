package lv.opengov.reporting.cycle.internal;

import lv.opengov.reporting.cycle.CycleStatus;
import lv.opengov.reporting.cycle.ReportingCycle;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ReportingCycleRepository extends JpaRepository<ReportingCycle, Long> {

    /** The cycle, locked for the rest of the transaction: its state changes one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ReportingCycle c where c.id = :id")
    Optional<ReportingCycle> lockById(Long id);

    List<ReportingCycle> findAllByOrderByCreatedAtDesc();

    List<ReportingCycle> findByStatusOrderByPublishedAtDesc(CycleStatus status);

    List<ReportingCycle> findByStatus(CycleStatus status);

    Optional<ReportingCycle> findFirstByPeriodFromAndPeriodToAndStatusIn(LocalDate periodFrom, LocalDate periodTo,
            Collection<CycleStatus> statuses);
}
