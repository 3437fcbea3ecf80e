package lv.opengov.reporting.plan;

import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

/** The repositories and migrations on H2, the embedded default. */
@DataJpaTest
class PlanRepositoryH2Test extends PlanRepositoryContract {
}
