package ir.tehran.womenfamily.k8scheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A copy of {@code deploy/k8s} under {@code target/}, with stand-in secret files where the real ones (made by
 * {@code GenerateSecrets.java}, never committed) would be, so the overlays render as they do for an operator.
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
                    Path secrets = Files.createDirectories(
                        target.resolve("overlays").resolve(overlay).resolve("secrets"));
                    Files.writeString(secrets.resolve("signing-jwk.json"), "{\"kty\":\"RSA\",\"kid\":\"test\"}\n");
                    Files.writeString(secrets.resolve("registry-agency-check.env"), "key=dGVzdA==\nkey-id=test\n");
                    Files.writeString(secrets.resolve("gateway-bootstrap-admin.env"),
                        "username=admin\npassword=test-one-time-password\n");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            copy = target;
        }
        return copy;
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
