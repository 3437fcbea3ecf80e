package lv.opengov.reporting.plan.internal;

import lv.opengov.reporting.plan.Measure;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MeasureRepository extends JpaRepository<Measure, Long> {

    /** All measures with what a listing shows, in one statement. */
    @Query("""
            select distinct m from Measure m
              join fetch m.commitment
              join fetch m.responsible
              left join fetch m.coResponsible
              left join fetch m.implementers
            """)
    List<Measure> findAllForListing();
}
