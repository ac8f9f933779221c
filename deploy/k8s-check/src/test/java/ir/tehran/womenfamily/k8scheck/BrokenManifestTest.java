package ir.tehran.womenfamily.k8scheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check catches the typos that would otherwise surface only when the API server or an operator refuses the
 * object: each case starts from a real, valid object of the production overlay and breaks exactly one thing.
 */
class BrokenManifestTest {

    private final ManifestValidator validator = new ManifestValidator();

    @Test
    void theUnbrokenObjectsAreValid() {
        for (String kind : List.of("Deployment", "Service", "KafkaTopic", "KafkaNodePool", "Kafka", "KafkaUser",
            "Cluster")) {
            assertEquals(List.of(), validator.validate(object(kind)), kind);
        }
    }

    @Test
    void unknownFieldInADeployment() {
        assertRejected("Deployment", o -> container(o).set("readinesProbe", container(o).get("readinessProbe")),
            "readinesProbe");
    }

    @Test
    void wrongTypeInADeployment() {
        assertRejected("Deployment", o -> ((ObjectNode) o.get("spec")).put("replicas", "three"), "three");
    }

    @Test
    void missingRequiredFieldInADeployment() {
        assertRejected("Deployment", o -> container(o).remove("name"), "name");
    }

    @Test
    void missingRequiredPortInAService() {
        assertRejected("Service", o -> ((ObjectNode) o.at("/spec/ports/0")).remove("port"), "port");
    }

    @Test
    void wrongApiVersionForAKind() {
        assertRejected("Deployment", o -> o.put("apiVersion", "apps/v1beta1"), "apiVersion");
    }

    @Test
    void unknownFieldInAKafkaTopic() {
        assertRejected("KafkaTopic", o -> ((ObjectNode) o.get("spec")).put("replica", 3), "replica");
    }

    @Test
    void wrongTypeInAKafkaTopic() {
        assertRejected("KafkaTopic", o -> ((ObjectNode) o.get("spec")).put("partitions", "three"), "partitions");
    }

    @Test
    void missingRolesInAKafkaNodePool() {
        assertRejected("KafkaNodePool", o -> ((ObjectNode) o.get("spec")).remove("roles"), "roles");
    }

    @Test
    void unknownRoleInAKafkaNodePool() {
        assertRejected("KafkaNodePool", o -> ((ArrayNode) o.at("/spec/roles")).add("zookeeper"), "roles");
    }

    @Test
    void listenerWithoutTlsInAKafka() {
        assertRejected("Kafka", o -> ((ObjectNode) o.at("/spec/kafka/listeners/0")).remove("tls"), "tls");
    }

    @Test
    void unknownListenerAuthenticationInAKafka() {
        assertRejected("Kafka", o -> ((ObjectNode) o.at("/spec/kafka/listeners/0/authentication")).put("type", "mtls"),
            "listeners[0].authentication.type");
    }

    @Test
    void authorizationWithoutTypeInAKafka() {
        assertRejected("Kafka", o -> ((ObjectNode) o.at("/spec/kafka/authorization")).remove("type"), "type");
    }

    @Test
    void misspeltOperationInAKafkaUser() {
        assertRejected("KafkaUser", o -> ((ArrayNode) o.at("/spec/authorization/acls/0/operations")).add("Reed"),
            "acls[0].operations[2]");
    }

    @Test
    void unknownResourceTypeInAKafkaUser() {
        assertRejected("KafkaUser", o -> ((ObjectNode) o.at("/spec/authorization/acls/0/resource"))
            .put("type", "topics"), "acls[0].resource.type");
    }

    @Test
    void unknownFieldInAKafkaUserAcl() {
        assertRejected("KafkaUser", o -> ((ObjectNode) o.at("/spec/authorization/acls/0")).put("group", "x"),
            "group");
    }

    @Test
    void missingAuthenticationTypeInAKafkaUser() {
        assertRejected("KafkaUser", o -> ((ObjectNode) o.at("/spec/authentication")).remove("type"), "type");
    }

    @Test
    void misspeltInstancesInACluster() {
        List<String> errors = errors("Cluster", o -> {
            ObjectNode spec = (ObjectNode) o.get("spec");
            spec.set("instance", spec.remove("instances"));
        });
        assertTrue(errors.stream().anyMatch(e -> e.contains("instance")), errors.toString());
        assertTrue(errors.size() >= 2, "both the unknown field and the missing required one: " + errors);
    }

    @Test
    void wrongTypeInACluster() {
        assertRejected("Cluster", o -> ((ObjectNode) o.at("/spec/storage")).put("size", 10), "size");
    }

    @Test
    void unknownKindIsAnError() {
        assertRejected("Deployment", o -> o.put("kind", "Deploymnet"), "Deploymnet");
    }

    @Test
    void aBrokenOverlayFailsTheBuild(@TempDir Path dir) throws IOException {
        Path overlay = copyOverlay(dir);
        Files.writeString(overlay.resolve("kustomization.yaml"), """
            patches:
              - target:
                  kind: Deployment
                  name: registry-service
                patch: |-
                  - op: add
                    path: /spec/template/spec/containers/0/livenesProbe
                    value:
                      httpGet:
                        path: /q/health/live
                        port: http
            """, java.nio.file.StandardOpenOption.APPEND);
        List<String> errors = new ArrayList<>();
        Kustomize.build(overlay).forEach(o -> errors.addAll(validator.validate(o)));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("Deployment/registry-service") && errors.get(0).contains("livenesProbe"),
            errors.toString());
    }

    @Test
    void aPatchWhosePathDoesNotExistIsRefused(@TempDir Path dir) throws IOException {
        Path overlay = copyOverlay(dir);
        Files.writeString(overlay.resolve("kustomization.yaml"), """
            patches:
              - target:
                  kind: Deployment
                patch: |-
                  - op: replace
                    path: /spec/template/spec/containers/0/resources/request/cpu
                    value: 100m
            """, java.nio.file.StandardOpenOption.APPEND);
        assertThrows(Kustomize.KustomizeException.class, () -> Kustomize.build(overlay));
    }

    @Test
    void aKustomizationFeatureTheRendererDoesNotKnowIsRefused(@TempDir Path dir) throws IOException {
        Path overlay = copyOverlay(dir);
        Files.writeString(overlay.resolve("kustomization.yaml"), "namePrefix: test-\n",
            java.nio.file.StandardOpenOption.APPEND);
        Kustomize.KustomizeException e = assertThrows(Kustomize.KustomizeException.class,
            () -> Kustomize.build(overlay));
        assertTrue(e.getMessage().contains("namePrefix"), e.getMessage());
    }

    /** The production overlay beside a copy of the base, so the test edits a copy only. */
    private static Path copyOverlay(Path dir) throws IOException {
        Path base = Files.createDirectories(dir.resolve("base"));
        try (var files = Files.list(K8sTree.root().resolve("base"))) {
            for (Path p : files.toList()) {
                Files.copy(p, base.resolve(p.getFileName().toString()));
            }
        }
        Path overlay = Files.createDirectories(dir.resolve("overlays").resolve("production"));
        Path source = K8sTree.root().resolve("overlays").resolve("production");
        Files.copy(source.resolve("kustomization.yaml"), overlay.resolve("kustomization.yaml"));
        Path secrets = Files.createDirectories(overlay.resolve("secrets"));
        try (var files = Files.list(source.resolve("secrets"))) {
            for (Path p : files.toList()) {
                Files.copy(p, secrets.resolve(p.getFileName().toString()));
            }
        }
        return overlay;
    }

    private void assertRejected(String kind, Consumer<ObjectNode> breakIt, String mention) {
        List<String> errors = errors(kind, breakIt);
        assertTrue(errors.stream().anyMatch(e -> e.contains(mention)), "expected an error about '" + mention
            + "', got " + errors);
    }

    private List<String> errors(String kind, Consumer<ObjectNode> breakIt) {
        ObjectNode o = object(kind);
        breakIt.accept(o);
        return validator.validate(o);
    }

    private static ObjectNode object(String kind) {
        return K8sTree.render("production").stream()
            .filter(o -> kind.equals(o.path("kind").asText()))
            .findFirst()
            .orElseThrow()
            .deepCopy();
    }

    private static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) deployment.at("/spec/template/spec/containers/0");
    }
}
