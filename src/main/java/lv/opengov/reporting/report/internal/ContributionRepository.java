package lv.opengov.reporting.report.internal;

import java.util.List;
import java.util.Optional;
import lv.opengov.reporting.report.Contribution;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ContributionRepository extends JpaRepository<Contribution, Long> {

    Optional<Contribution> findByTaskId(String taskId);

    List<Contribution> findByReportIdOrderById(Long reportId);
}
