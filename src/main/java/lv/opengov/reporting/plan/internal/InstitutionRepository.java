package lv.opengov.reporting.plan.internal;

import lv.opengov.reporting.plan.Institution;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InstitutionRepository extends JpaRepository<Institution, Long> {

    Optional<Institution> findByCode(String code);
}
