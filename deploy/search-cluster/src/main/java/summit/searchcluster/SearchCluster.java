package summit.searchcluster;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A 3-node OpenSearch cluster on 127.0.0.1 for the scale tests and for development.
 *
 * <p>Starts three {@link SearchNode} JVMs (HTTP ports PORT, PORT+1, PORT+2; transport ports
 * PORT+100...), waits until all three have joined and the cluster is green, then prints
 * {@code search cluster green} and keeps running. A small control endpoint on PORT+90 lets the
 * fault tests stop and start one node:
 *
 * <pre>
 *   GET  /nodes            one line per node: index, state, pid
 *   POST /nodes/1/stop     SIGTERM to node 1, wait until it has exited
 *   POST /nodes/1/start    start node 1 again on its own data directory
 *   POST /stop             stop the whole cluster (make search-cluster-stop)
 * </pre>
 *
 * <p>Stops every node (and removes its data directory) on SIGTERM or Ctrl-C, and when the process
 * that started it dies.
 */
public final class SearchCluster {

    static final int NODES = 3;
    static final String HEAP = System.getProperty("searchcluster.heap", "512m");

    private final int port;
    private final Path dir;
    private final Process[] nodes = new Process[NODES];

    SearchCluster(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getProperty("searchcluster.port", "9200"));
        Path dir = Files.createTempDirectory("summit-search-cluster-");
        SearchCluster cluster = new SearchCluster(port, dir);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stopAll, "stop-cluster"));
        ProcessHandle.current().parent().ifPresent(
                parent -> parent.onExit().thenRun(() -> System.exit(0)));
        cluster.serveControl(); // first: a port in use fails before any node starts
        for (int i = 0; i < NODES; i++) {
            cluster.start(i);
        }
        long timeoutSeconds = Long.parseLong(System.getProperty("searchcluster.timeout", "180"));
        if (!cluster.waitForGreen(timeoutSeconds)) {
            System.err.println("search cluster: not green after " + timeoutSeconds + " s; logs in " + dir);
            cluster.printLogs();
            System.exit(1);
        }
        System.out.println("search cluster green: http://127.0.0.1:" + port + " (nodes on "
                + port + "-" + (port + NODES - 1) + ", control on " + (port + 90) + ")");
        Thread.currentThread().join();
    }

    synchronized void start(int i) throws IOException {
        if (nodes[i] != null && nodes[i].isAlive()) {
            return;
        }
        List<String> seeds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int j = 0; j < NODES; j++) {
            seeds.add("127.0.0.1:" + (port + 100 + j));
            names.add("node-" + j);
        }
        Path home = dir.resolve("node-" + i);
        Files.createDirectories(home);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                java, "-Xms" + HEAP, "-Xmx" + HEAP, "-XX:+UseSerialGC",
                "-Dlog4j2.disable.jmx=true", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"),
                SearchNode.class.getName(), home.toString(), "node-" + i,
                String.valueOf(port + i), String.valueOf(port + 100 + i),
                String.join(",", seeds), String.join(",", names));
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("node.log").toFile()));
        nodes[i] = builder.start();
    }

    synchronized void stop(int i) throws InterruptedException {
        Process node = nodes[i];
        if (node != null && node.isAlive()) {
            node.destroy();
            if (!node.waitFor(60, TimeUnit.SECONDS)) {
                node.destroyForcibly().waitFor();
            }
        }
    }

    void stopAll() {
        for (int i = 0; i < NODES; i++) {
            if (nodes[i] != null && nodes[i].isAlive()) {
                nodes[i].destroy();
            }
        }
        for (int i = 0; i < NODES; i++) {
            try {
                stop(i);
            } catch (InterruptedException error) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException error) {
            System.err.println("search cluster: could not remove " + dir + ": " + error);
        }
        System.out.println("search cluster stopped");
    }

    boolean waitForGreen(long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        String url = "http://127.0.0.1:" + port
                + "/_cluster/health?wait_for_status=green&wait_for_nodes=" + NODES + "&timeout=5s";
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < NODES; i++) {
                if (!nodes[i].isAlive()) {
                    System.err.println("search cluster: node-" + i + " exited with " + nodes[i].exitValue());
                    return false;
                }
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
                connection.setConnectTimeout(2000);
                connection.setReadTimeout(10000);
                if (connection.getResponseCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // The node is still starting.
            }
            Thread.sleep(1000);
        }
        return false;
    }

    void printLogs() throws IOException {
        for (int i = 0; i < NODES; i++) {
            Path log = dir.resolve("node-" + i).resolve("node.log");
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log);
                System.err.println("--- node-" + i + " (last lines)");
                lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(System.err::println);
            }
        }
    }

    void serveControl() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port + 90), 0);
        server.createContext("/nodes", this::control);
        server.createContext("/stop", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            new Thread(() -> System.exit(0), "stop-request").start();
        });
        server.setExecutor(null);
        server.start();
    }

    private void control(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        int status = 200;
        StringBuilder body = new StringBuilder();
        try {
            if (parts.length == 2 && exchange.getRequestMethod().equals("GET")) {
                for (int i = 0; i < NODES; i++) {
                    Process node = nodes[i];
                    boolean up = node != null && node.isAlive();
                    body.append(i).append(up ? " running " : " stopped ")
                            .append(up ? node.pid() : 0).append('\n');
                }
            } else if (parts.length == 4 && exchange.getRequestMethod().equals("POST")) {
                int i = Integer.parseInt(parts[2]);
                if (parts[3].equals("stop")) {
                    stop(i);
                } else if (parts[3].equals("start")) {
                    start(i);
                } else {
                    status = 404;
                }
                body.append(status == 200 ? "ok\n" : "unknown action\n");
            } else {
                status = 404;
                body.append("GET /nodes, POST /nodes/N/stop, POST /nodes/N/start\n");
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException error) {
            status = 404;
            body.append("no such node\n");
        } catch (InterruptedException error) {
            Thread.currentThread().interrupt();
            status = 500;
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
