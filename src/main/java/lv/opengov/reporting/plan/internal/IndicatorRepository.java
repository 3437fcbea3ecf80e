package lv.opengov.reporting.plan.internal;

import java.util.List;
import lv.opengov.reporting.plan.Indicator;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface IndicatorRepository extends JpaRepository<Indicator, Long> {

    /** Every indicator with its measure, in one statement. */
    @Query("select i from Indicator i join fetch i.measure")
    List<Indicator> findAllWithMeasure();

    /** One measure's indicators, in one statement. */
    @Query("select i from Indicator i join fetch i.measure m where m.code = :code order by i.number")
    List<Indicator> findByMeasureCode(String code);
}
