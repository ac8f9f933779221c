package ir.tehran.womenfamily.k8scheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A copy of {@code deploy/k8s} under {@code target/}, with the secret files {@code GenerateSecrets.java} writes
 * (never committed) made by running it, so the overlays render as they do for an operator.
 */
final class K8sTree {

    static final List<String> OVERLAYS = List.of("single-node", "production");

    private static Path copy;

    private K8sTree() {
    }

    static synchronized Path root() {
        if (copy == null) {
            Path source = Path.of(System.getProperty("k8s.dir", "../k8s")).toAbsolutePath().normalize();
            Path target = Path.of("target", "k8s-under-test").toAbsolutePath();
            try {
                delete(target);
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path p : (Iterable<Path>) files::iterator) {
                        Path rel = source.relativize(p);
                        if (rel.toString().contains("secrets")) {
                            continue;
                        }
                        Path dest = target.resolve(rel.toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(dest);
                        } else {
                            Files.copy(p, dest);
                        }
                    }
                }
                for (String overlay : OVERLAYS) {
                    generateSecrets(target, target.resolve("overlays").resolve(overlay));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            copy = target;
        }
        return copy;
    }

    /** Runs {@code GenerateSecrets.java} as an operator does, so the overlays render with the files it writes. */
    private static void generateSecrets(Path tree, Path overlay) throws IOException, InterruptedException {
        Path log = Files.createTempFile("generate-secrets", ".log");
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            tree.resolve("GenerateSecrets.java").toString(), overlay.toString())
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        run.getOutputStream().close();
        if (!run.waitFor(120, TimeUnit.SECONDS) || run.exitValue() != 0) {
            run.destroyForcibly();
            throw new IllegalStateException("GenerateSecrets.java failed: " + Files.readString(log));
        }
        Files.delete(log);
    }

    private static final Map<String, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

    /** The overlay's objects (rendered once; each call gets its own copies to change). */
    static List<ObjectNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> Kustomize.build(root().resolve("overlays").resolve(o)))
            .stream()
            .map(ObjectNode::deepCopy)
            .toList();
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
