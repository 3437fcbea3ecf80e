package lv.opengov.reporting.plan;

import lv.opengov.reporting.support.PostgresDatabase;
import lv.opengov.reporting.support.RequiresPostgres;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.test.context.ContextConfiguration;

/** The repositories and migrations on PostgreSQL. */
@RequiresPostgres
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = PostgresDatabase.Initializer.class)
class PlanRepositoryPostgresTest extends PlanRepositoryContract {
}
