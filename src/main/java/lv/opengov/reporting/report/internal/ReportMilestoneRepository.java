package lv.opengov.reporting.report.internal;

import java.util.List;
import lv.opengov.reporting.report.ReportMilestone;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportMilestoneRepository extends JpaRepository<ReportMilestone, Long> {

    List<ReportMilestone> findByReportId(Long reportId);
}
