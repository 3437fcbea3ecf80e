package lv.opengov.reporting.system;

import lv.opengov.reporting.support.PostgresDatabase;
import lv.opengov.reporting.support.RequiresPostgres;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link EngineInputTest} on PostgreSQL, in a database of its own. */
@RequiresPostgres
@ActiveProfiles({"demo", "test", "postgres"})
class EngineInputPostgresTest extends EngineInputTest {

    private static String database;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
        registry.add("spring.datasource.url", EngineInputPostgresTest::database);
    }

    private static synchronized String database() {
        if (database == null) {
            database = PostgresDatabase.createDatabase("engineinput");
        }
        return database;
    }
}
