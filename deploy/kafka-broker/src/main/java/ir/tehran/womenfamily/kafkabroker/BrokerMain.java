package ir.tehran.womenfamily.kafkabroker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka (broker and controller in one process) on 127.0.0.1.
 *
 * <p>Usage: {@code BrokerMain <data-dir> <broker-port> <controller-port>}. The storage is formatted on
 * first start and reused afterwards. The process stops when its standard input closes, so it never
 * outlives the process that started it, even when that one is killed with SIGKILL.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: BrokerMain <data-dir> <broker-port> <controller-port>");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        watchStdin();

        Files.createDirectories(dataDir);
        Path logDirs = dataDir.resolve("logs");
        Path config = dataDir.resolve("server.properties");
        Files.writeString(config, serverProperties(logDirs, port, controllerPort), StandardCharsets.UTF_8);

        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            format(config);
        }
        kafka.Kafka.main(new String[] {config.toString()});
    }

    /** Exits (running Kafka's own shutdown hook) as soon as stdin reaches end of file. */
    private static void watchStdin() {
        Thread watcher = new Thread(() -> {
            try {
                InputStream in = System.in;
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                    // the parent never writes; reading only detects that it has gone
                }
            } catch (IOException ignored) {
                // a broken pipe means the same as end of file
            }
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(15_000);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                Runtime.getRuntime().halt(1);
            }, "broker-halt-timer");
            killer.setDaemon(true);
            killer.start();
            System.exit(0);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void format(Path config) {
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8));
        if (code != 0) {
            System.err.println(out.toString(StandardCharsets.UTF_8));
            System.exit(code);
        }
    }

    static String serverProperties(Path logDirs, int port, int controllerPort) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDirs.toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        // One node: every replication factor and in-sync minimum is 1.
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "5");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The 128 MiB default runs a small heap out of memory.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        return p.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("\n", "", "\n"));
    }
}
