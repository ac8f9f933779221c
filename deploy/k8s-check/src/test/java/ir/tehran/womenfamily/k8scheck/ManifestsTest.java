package ir.tehran.womenfamily.k8scheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every overlay renders, every object passes its schema, and the deployment keeps the project's rules. */
class ManifestsTest {

    private static final Set<String> APPS = Set.of("registry-service", "bazaar-service", "sponsorship-service",
        "notification-service", "gateway");

    private final ManifestValidator validator = new ManifestValidator();

    @ParameterizedTest
    @ValueSource(strings = {"single-node", "production"})
    void everyObjectPassesItsSchema(String overlay) {
        List<ObjectNode> objects = K8sTree.render(overlay);
        List<String> errors = new ArrayList<>();
        objects.forEach(o -> errors.addAll(validator.validate(o)));
        assertEquals(List.of(), errors, overlay);
        assertTrue(objects.size() > 40, "rendered only " + objects.size() + " objects");
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-node", "production"})
    void everyAppHasProbesResourcesAutoscalerAndBudget(String overlay) {
        List<ObjectNode> objects = K8sTree.render(overlay);
        for (String app : APPS) {
            JsonNode container = one(objects, "Deployment", app).at("/spec/template/spec/containers/0");
            String readiness = container.at("/readinessProbe/httpGet/path").asText();
            assertTrue(Set.of("/q/health/ready", "/q/health/live").contains(readiness), app + " readiness");
            assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText(), app);
            assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText(), app);
            for (String side : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    assertFalse(container.at("/resources/" + side + "/" + resource).isMissingNode(),
                        app + " " + side + "." + resource);
                }
            }
            assertEquals(app, one(objects, "HorizontalPodAutoscaler", app).at("/spec/scaleTargetRef/name").asText());
            assertEquals(app, one(objects, "PodDisruptionBudget", app)
                .at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText());
        }
        for (String app : Set.of("registry-service", "bazaar-service", "sponsorship-service",
                "notification-service")) {
            String readiness = one(objects, "Deployment", app)
                .at("/spec/template/spec/containers/0/readinessProbe/httpGet/path").asText();
            assertEquals("/q/health/ready", readiness, app);
        }
    }

    @Test
    void productionIsReplicatedThreeWays() {
        List<ObjectNode> objects = K8sTree.render("production");
        JsonNode pool = one(objects, "KafkaNodePool", "dual-role");
        assertEquals(3, pool.at("/spec/replicas").asInt());
        assertEquals(Set.of("controller", "broker"), texts(pool.at("/spec/roles")));
        JsonNode kafka = one(objects, "Kafka", "events");
        assertEquals("enabled", kafka.at("/metadata/annotations/strimzi.io~1kraft").asText());
        assertEquals(2, kafka.at("/spec/kafka/config/min.insync.replicas").asInt());
        List<ObjectNode> topics = all(objects, "KafkaTopic");
        assertEquals(35, topics.size());
        for (ObjectNode t : topics) {
            assertEquals(3, t.at("/spec/replicas").asInt(), t.at("/metadata/name").asText());
            assertEquals(2, t.at("/spec/config/min.insync.replicas").asInt(), t.at("/metadata/name").asText());
            assertTrue(t.at("/spec/partitions").asInt() >= 3);
        }
        List<ObjectNode> clusters = all(objects, "Cluster");
        assertEquals(Set.of("registry-db", "bazaar-db", "sponsorship-db", "notification-db", "gateway-db"),
            names(clusters));
        clusters.forEach(c -> assertEquals(3, c.at("/spec/instances").asInt()));
        for (String app : APPS) {
            assertTrue(one(objects, "HorizontalPodAutoscaler", app).at("/spec/minReplicas").asInt() >= 3);
        }
    }

    @Test
    void everyTopicTheServicesWriteIsDeclared() {
        Set<String> declared = all(K8sTree.render("production"), "KafkaTopic").stream()
            .map(t -> t.at("/spec/topicName").isMissingNode() ? t.at("/metadata/name").asText()
                : t.at("/spec/topicName").asText())
            .collect(Collectors.toSet());
        Set<String> expected = Set.of("registry.beneficiary", "registry.child", "registry.business",
            "registry.sensitive-access", "bazaar.bazaar", "bazaar.allocation", "bazaar.offer", "bazaar.attendance",
            "sponsorship.child", "sponsorship.sponsorship", "registry.production-order", "registry.placement",
            "registry.campaign", "registry.correction", "registry.beneficiary.DLT", "registry.child.DLT",
            "registry.business.DLT",
            "registry.campaign.DLT", "registry.consent", "registry.consent.DLT", "bazaar.disclosure",
            "bazaar.disclosure.DLT", "sponsorship.disclosure", "sponsorship.disclosure.DLT", "sponsorship.reminder",
            "bazaar.offer.DLT", "bazaar.allocation.DLT", "registry.correction.DLT", "sponsorship.reminder.DLT",
            "registry.referral", "registry.referral.DLT", "registry.release-fund", "registry.release-fund.DLT",
            "sponsorship.release-fund", "sponsorship.release-fund.DLT");
        assertEquals(expected, declared);
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-node", "production"})
    void everyReferencedSecretAndConfigKeyExists(String overlay) {
        List<ObjectNode> objects = K8sTree.render(overlay);
        Set<String> secrets = new HashSet<>(names(all(objects, "Secret")));
        all(objects, "Cluster").forEach(c -> secrets.add(c.at("/metadata/name").asText() + "-app"));
        // made by Strimzi: the cluster CA's certificate, and one Secret per KafkaUser with its certificate and key
        all(objects, "Kafka").forEach(k -> secrets.add(k.at("/metadata/name").asText() + "-cluster-ca-cert"));
        all(objects, "KafkaUser").forEach(u -> secrets.add(u.at("/metadata/name").asText()));
        JsonNode config = one(objects, "ConfigMap", "women-family-config").get("data");
        for (ObjectNode d : all(objects, "Deployment")) {
            JsonNode pod = d.at("/spec/template/spec");
            for (JsonNode env : pod.at("/containers/0/env")) {
                JsonNode secretRef = env.at("/valueFrom/secretKeyRef");
                if (!secretRef.isMissingNode() && !secretRef.path("optional").asBoolean(false)) {
                    assertTrue(secrets.contains(secretRef.path("name").asText()), secretRef.toString());
                }
                JsonNode configRef = env.at("/valueFrom/configMapKeyRef");
                if (!configRef.isMissingNode()) {
                    assertTrue(config.has(configRef.path("key").asText()), configRef.toString());
                }
            }
            for (JsonNode volume : pod.path("volumes")) {
                if (volume.has("secret")) {
                    assertTrue(secrets.contains(volume.at("/secret/secretName").asText()), volume.toString());
                }
            }
        }
        assertTrue(secrets.contains("gateway-jwt"));
    }

    /**
     * The Secrets {@code GenerateSecrets.java} writes hold every key the Deployments read from them: the gateway's
     * SMS provider settings and hash key ({@code gateway-mobile-sign-in}), the notification service's VAPID key
     * pair ({@code notification-vapid}, a P-256 point and scalar that belong together).
     */
    @ParameterizedTest
    @ValueSource(strings = {"single-node", "production"})
    void theGeneratedSecretsHoldWhatTheDeploymentsRead(String overlay) throws Exception {
        List<ObjectNode> objects = K8sTree.render(overlay);
        Set<String> read = new HashSet<>();
        for (ObjectNode d : all(objects, "Deployment")) {
            for (JsonNode env : d.at("/spec/template/spec/containers/0/env")) {
                JsonNode ref = env.at("/valueFrom/secretKeyRef");
                JsonNode secret = ref.isMissingNode() ? null : objects.stream()
                    .filter(o -> "Secret".equals(o.path("kind").asText())
                        && ref.path("name").asText().equals(o.at("/metadata/name").asText()))
                    .findFirst().orElse(null);
                if (secret != null) {
                    assertTrue(secret.path("data").has(ref.path("key").asText()), overlay + ": " + ref);
                    read.add(ref.path("name").asText() + "/" + ref.path("key").asText() + " -> "
                        + env.path("name").asText());
                }
            }
        }
        assertTrue(read.containsAll(Set.of("gateway-mobile-sign-in/hash-key -> GATEWAY_MOBILE_SIGN_IN_HASH_KEY",
            "gateway-mobile-sign-in/provider -> SUPPORT_SMS_PROVIDER",
            "gateway-mobile-sign-in/kavenegar-api-key -> SUPPORT_SMS_KAVENEGAR_API_KEY",
            "gateway-mobile-sign-in/kavenegar-sender -> SUPPORT_SMS_KAVENEGAR_SENDER",
            "notification-vapid/public-key -> NOTIFICATION_PUSH_VAPID_PUBLIC_KEY",
            "notification-vapid/private-key -> NOTIFICATION_PUSH_VAPID_PRIVATE_KEY")), read.toString());

        JsonNode vapid = one(objects, "Secret", "notification-vapid").get("data");
        byte[] point = Base64.getUrlDecoder().decode(secretValue(vapid, "public-key"));
        byte[] scalar = Base64.getUrlDecoder().decode(secretValue(vapid, "private-key"));
        assertEquals(65, point.length);
        assertEquals(0x04, point[0]);
        assertEquals(32, scalar.length);
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec p256 = parameters.getParameterSpec(ECParameterSpec.class);
        KeyFactory ec = KeyFactory.getInstance("EC");
        PrivateKey privateKey = ec.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), p256));
        PublicKey publicKey = ec.generatePublic(new ECPublicKeySpec(new ECPoint(
            new BigInteger(1, Arrays.copyOfRange(point, 1, 33)), new BigInteger(1, Arrays.copyOfRange(point, 33, 65))),
            p256));
        Signature sign = Signature.getInstance("SHA256withECDSA");
        sign.initSign(privateKey);
        sign.update(new byte[] {1, 2, 3});
        byte[] signature = sign.sign();
        Signature verify = Signature.getInstance("SHA256withECDSA");
        verify.initVerify(publicKey);
        verify.update(new byte[] {1, 2, 3});
        assertTrue(verify.verify(signature), "the VAPID public key is the private key's");
        assertTrue(secretValue(one(objects, "Secret", "gateway-mobile-sign-in").get("data"), "hash-key").length()
            >= 32, "the hash key has at least 32 characters");
    }

    private static String secretValue(JsonNode data, String key) {
        return new String(Base64.getDecoder().decode(data.path(key).asText()), StandardCharsets.UTF_8);
    }

    @Test
    void theBaseCommitsNoSecret() {
        List<ObjectNode> base = Kustomize.build(K8sTree.root().resolve("base"));
        assertEquals(List.of(), all(base, "Secret"));
    }

    @Test
    void onlyTheGatewayIsReachableFromOutside() {
        List<ObjectNode> objects = K8sTree.render("production");
        JsonNode deny = one(objects, "NetworkPolicy", "default-deny-ingress");
        assertTrue(deny.at("/spec/podSelector").isEmpty());
        assertEquals(Set.of("Ingress"), texts(deny.at("/spec/policyTypes")));
        for (ObjectNode ingress : all(objects, "Ingress")) {
            for (JsonNode rule : ingress.at("/spec/rules")) {
                for (JsonNode path : rule.at("/http/paths")) {
                    assertEquals("gateway", path.at("/backend/service/name").asText());
                }
            }
        }
        for (String service : List.of("registry-service", "bazaar-service", "sponsorship-service",
                "notification-service")) {
            JsonNode from = one(objects, "NetworkPolicy", service + "-ingress").at("/spec/ingress/0/from");
            assertEquals("gateway", from.at("/0/podSelector/matchLabels/app.kubernetes.io~1name").asText());
            String db = service.replace("-service", "") + "-db";
            JsonNode dbFrom = one(objects, "NetworkPolicy", db + "-ingress").at("/spec/ingress/0/from");
            assertEquals(service, dbFrom.at("/0/podSelector/matchLabels/app.kubernetes.io~1name").asText());
            assertEquals(1, dbFrom.size());
        }
    }

    private static JsonNode one(List<ObjectNode> objects, String kind, String name) {
        return objects.stream()
            .filter(o -> kind.equals(o.path("kind").asText()) && name.equals(o.at("/metadata/name").asText()))
            .findFirst()
            .orElseGet(() -> fail("no " + kind + "/" + name));
    }

    private static List<ObjectNode> all(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    private static Set<String> names(List<ObjectNode> objects) {
        return objects.stream().map(o -> o.at("/metadata/name").asText()).collect(Collectors.toSet());
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
