package summit.searchcluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch node, its modules loaded from the classpath (no distribution, no plugin
 * directory). Started by {@link SearchCluster}, one JVM per node, so stopping a node is stopping
 * a process. It closes on SIGTERM/SIGINT and exits when the process that started it dies.
 *
 * <pre>java -cp ... summit.searchcluster.SearchNode HOME NAME HTTP_PORT TRANSPORT_PORT SEEDS MASTERS</pre>
 */
public final class SearchNode {

    /** Node's constructor that takes plugin classes is protected. */
    private static final class ClasspathNode extends Node {
        ClasspathNode(Environment environment) {
            super(environment, List.of(Netty4Plugin.class, CommonAnalysisPlugin.class), true);
        }
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        String name = args[1];
        Settings settings = Settings.builder()
                .put("cluster.name", "summit-search")
                .put("node.name", name)
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                // Loopback only: nothing outside this machine can reach the cluster.
                .put("network.host", "127.0.0.1")
                .put("http.port", args[2])
                .put("transport.port", args[3])
                .putList("discovery.seed_hosts", args[4].split(","))
                .putList("cluster.initial_cluster_manager_nodes", args[5].split(","))
                // Answer as Elasticsearch 7.10.2, which haystack's Elasticsearch 7 backend and
                // the elasticsearch 7.13 Python client expect.
                .put("compatibility.override_main_response_version", true)
                // A shared build machine may be nearly full: place shards whatever the disk says.
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                // Indexes are created by the application, never by a stray write.
                .put("action.auto_create_index", false)
                .build();
        Files.createDirectories(home.resolve("config"));
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
                settings, java.util.Map.of(), home.resolve("config"), () -> name);
        LogConfigurator.registerErrorListener();
        LogConfigurator.configureWithoutConfig(environment.settings());
        Files.createDirectories(environment.modulesFile());
        Files.createDirectories(environment.pluginsFile());

        Node node = new ClasspathNode(environment);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception error) {
                error.printStackTrace();
            }
        }, "close-node"));
        ProcessHandle.current().parent().ifPresent(
                parent -> parent.onExit().thenRun(() -> System.exit(0)));
        node.start();
        System.out.println("node " + name + " started: http://127.0.0.1:" + args[2]);
        // The node's own threads are daemons: this one keeps the JVM alive until it is stopped.
        new java.util.concurrent.CountDownLatch(1).await();
    }
}
