package lv.opengov.reporting.system.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The name of this node among the nodes that share one database ({@code reporting.node.name}, by
 * default the host's name), with the process id so that two nodes of one host differ. The engine's job
 * executor locks the jobs it takes under this name (column {@code LOCK_OWNER_} of {@code ACT_RU_JOB}),
 * so that an operator, or a test, sees which node runs what; and its metrics are reported under it.
 */
@Component
class NodeName extends AbstractProcessEnginePlugin {

    private final String name;

    NodeName(@Value("${reporting.node.name:}") String configured) {
        String node = configured.isBlank() ? hostName() : configured.strip();
        this.name = node + ":" + ProcessHandle.current().pid();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHostname(name);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(name);
        }
    }

    String name() {
        return name;
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
