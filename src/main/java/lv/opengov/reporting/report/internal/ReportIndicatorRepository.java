package lv.opengov.reporting.report.internal;

import java.util.List;
import lv.opengov.reporting.report.ReportIndicator;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportIndicatorRepository extends JpaRepository<ReportIndicator, Long> {

    List<ReportIndicator> findByReportId(Long reportId);
}
