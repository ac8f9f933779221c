package ir.tehran.womenfamily.k8scheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code deploy/compose/compose.yaml} cannot be started on the build machines (no Docker engine), so its wiring is
 * checked here: the same images the Kubernetes base names, only the gateway published, every environment
 * variable one the service reads, and every variable the file takes from {@code .env} written by
 * {@code init-secrets}.
 */
class ComposeFileTest {

    private static final Map<String, String> SERVICES = Map.of("registry", "registry-service", "bazaar",
        "bazaar-service", "sponsorship", "sponsorship-service", "notification", "notification-service", "gateway",
        "gateway");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    @Test
    @SuppressWarnings("unchecked")
    void composeFileIsWiredLikeTheServices() throws IOException {
        Path compose = ServiceConfigurationTest.repository().resolve("deploy/compose");
        Map<String, Object> file;
        try (Reader in = Files.newBufferedReader(compose.resolve("compose.yaml"), StandardCharsets.UTF_8)) {
            file = new Yaml().load(in);
        }
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) file.get("services");
        String tag = Kustomize.readAll(K8sTree.root().resolve("base/kustomization.yaml")).get(0)
            .at("/images/0/newTag").asText();
        for (Map.Entry<String, String> s : SERVICES.entrySet()) {
            Map<String, Object> service = services.get(s.getKey());
            assertEquals("women-family/" + s.getValue() + ":" + tag, service.get("image"), s.getKey());
            Set<String> known = ServiceConfigurationTest.known(s.getValue(),
                ServiceConfigurationTest.properties(s.getValue()));
            for (String name : ((Map<String, Object>) service.get("environment")).keySet()) {
                assertTrue(known.contains(name), s.getKey() + " sets " + name + ", which it does not read");
            }
            assertEquals("gateway".equals(s.getKey()), service.containsKey("ports"), s.getKey() + " published");
        }
        String text = Files.readString(compose.resolve("compose.yaml"), StandardCharsets.UTF_8);
        String init = Files.readString(compose.resolve("init-secrets"), StandardCharsets.UTF_8);
        Matcher variable = VARIABLE.matcher(text);
        while (variable.find()) {
            assertTrue(init.contains(variable.group(1)), variable.group(1) + " is not written by init-secrets");
        }
    }
}
