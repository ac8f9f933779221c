package ir.tehran.womenfamily.k8scheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where {@code kubectl} is installed (it carries Kustomize), the renderer's output must equal
 * {@code kubectl kustomize}'s, object for object. Skipped, and says so, on a machine without kubectl: the
 * schema checks still run there on this renderer's output.
 */
class KubectlParityTest {

    @ParameterizedTest
    @ValueSource(strings = {"single-node", "production"})
    void sameObjectsAsKubectlKustomize(String overlay) throws Exception {
        assumeTrue(kubectlPresent(), "kubectl is not installed: the comparison with Kustomize itself is skipped");
        Path dir = K8sTree.root().resolve("overlays").resolve(overlay);
        Path out = Files.createTempFile("kustomize-" + overlay, ".yaml");
        Process p = new ProcessBuilder("kubectl", "kustomize", dir.toString())
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("kubectl kustomize did not finish in 120 s");
        }
        assertEquals(0, p.exitValue(), "kubectl kustomize " + dir);
        Map<String, JsonNode> expected = byId(Kustomize.readAll(out));
        Map<String, JsonNode> actual = byId(Kustomize.build(dir));
        assertEquals(expected.keySet(), actual.keySet());
        for (String id : expected.keySet()) {
            assertEquals(expected.get(id), actual.get(id), id);
        }
        Files.delete(out);
    }

    private static Map<String, JsonNode> byId(List<ObjectNode> objects) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (ObjectNode o : objects) {
            String id = o.path("apiVersion").asText() + " " + o.path("kind").asText() + " "
                + o.at("/metadata/namespace").asText() + "/" + o.at("/metadata/name").asText();
            if ("Secret".equals(o.path("kind").asText()) && o.path("data").isObject()) {
                // kubectl wraps a long base64 value every 76 characters; the Secret's bytes are the same
                ObjectNode data = (ObjectNode) o.get("data");
                data.fieldNames().forEachRemaining(k -> data.put(k, data.get(k).asText().replaceAll("\\s", "")));
            }
            if (out.put(id, o) != null) {
                throw new AssertionError("two objects " + id);
            }
        }
        return out;
    }

    private static boolean kubectlPresent() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
