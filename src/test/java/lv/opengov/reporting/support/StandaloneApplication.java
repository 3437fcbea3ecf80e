package lv.opengov.reporting.support;

import java.util.stream.Stream;
import lv.opengov.reporting.ReportingApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application started as {@code java -jar} would start it, outside the tests' shared
 * contexts, for tests of start-up itself: on a random port, with no job executor and no mail
 * dispatch, so that nothing runs in the background while the test looks.
 */
public final class StandaloneApplication {

    private static final String[] QUIET = {"--server.port=0", "--camunda.bpm.job-execution.enabled=false",
        "--spring.main.banner-mode=off", "--reporting.mail.dispatch-initial-delay=PT1H"};

    private StandaloneApplication() {
    }

    /** The given arguments after the quiet ones, so that they may override them. */
    public static String[] args(String... specific) {
        return Stream.concat(Stream.of(QUIET), Stream.of(specific)).toArray(String[]::new);
    }

    /** Starts the application with the quiet arguments and the given ones. */
    public static ConfigurableApplicationContext start(String... specific) {
        return new SpringApplicationBuilder(ReportingApplication.class).run(args(specific));
    }
}
