package lv.opengov.reporting.plan;

import org.springframework.data.jpa.repository.JpaRepository;

interface FundingLineRepository extends JpaRepository<FundingLine, Long> {
}
