package lv.opengov.reporting.report.internal;

import java.util.List;
import lv.opengov.reporting.report.ContributionRevision;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ContributionRevisionRepository extends JpaRepository<ContributionRevision, Long> {

    List<ContributionRevision> findByContributionIdOrderByRevisionNo(Long contributionId);

    long countByContributionId(Long contributionId);
}
