package lv.opengov.reporting.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import lv.opengov.reporting.support.RestartCheck;
import lv.opengov.reporting.support.RestartCheck.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start loads the plan and the demo users; a restart on the same H2 file adds and changes nothing. */
class SeedRestartTest {

    @Test
    void restartAddsAndChangesNothing(@TempDir Path dir) {
        String database = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("reporting") + ";DB_CLOSE_ON_EXIT=FALSE";
        Snapshot first = RestartCheck.startAndSnapshot(database);
        assertThat(first.measures()).hasSize(12);
        assertThat(first.institutions()).hasSize(6);
        assertThat(first.users()).containsExactly("admin", "board", "coordinator", "fm", "reviewer", "tm", "varam",
                "vas", "vid", "vk");
        assertThat(first.groups()).contains("camunda-admin", "coordinators", "reviewers", "board", "inst-vk",
                "inst-varam");
        assertThat(first.filters()).isEqualTo(3);
        assertThat(first.mails()).isZero();

        Snapshot second = RestartCheck.startAndSnapshot(database);
        assertThat(second).isEqualTo(first);
    }
}
