package lv.opengov.reporting.refresh.internal;

import lv.opengov.reporting.refresh.PlanChange;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlanChangeRepository extends JpaRepository<PlanChange, Long> {

    List<PlanChange> findByRefreshIdOrderByRecordedAtAscIdAsc(Long refreshId);
}
