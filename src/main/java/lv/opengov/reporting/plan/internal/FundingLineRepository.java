package lv.opengov.reporting.plan.internal;

import java.util.List;
import lv.opengov.reporting.plan.FundingLine;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface FundingLineRepository extends JpaRepository<FundingLine, Long> {

    /** Every funding line with the measures it funds, in one statement. */
    @Query("select distinct f from FundingLine f left join fetch f.measures order by f.id")
    List<FundingLine> findAllWithMeasures();
}
