package lv.opengov.reporting.refresh;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlanChangeRepository extends JpaRepository<PlanChange, Long> {

    List<PlanChange> findByRefreshIdOrderByRecordedAtAscIdAsc(Long refreshId);
}
