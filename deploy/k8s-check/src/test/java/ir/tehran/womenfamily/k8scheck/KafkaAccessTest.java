package ir.tehran.womenfamily.k8scheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing reaches the event backbone without TLS and a name, and each name may do on Kafka exactly what its
 * service does: the ACLs of each {@code KafkaUser} are compared with what the service's own files say it publishes
 * and consumes ({@link ServiceKafkaUse}), so a service that starts reading a new topic fails this test until its
 * user may read it, and a grant nobody uses fails it as well.
 */
class KafkaAccessTest {

    /** The Secret Strimzi makes with the cluster CA's certificate, for the clients' truststore. */
    private static String clusterCaSecret(List<ObjectNode> objects) {
        return one(objects, "Kafka").at("/metadata/name").asText() + "-cluster-ca-cert";
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-node", "production"})
    void everyListenerHasTlsAndAuthenticationAndTheBrokerAuthorises(String overlay) {
        List<ObjectNode> objects = K8sTree.render(overlay);
        List<String> problems = listenerProblems(one(objects, "Kafka"));
        assertEquals(List.of(), problems, overlay);
        String bootstrap = configMap(objects).path("KAFKA_BOOTSTRAP_SERVERS").asText();
        Set<Integer> ports = new HashSet<>();
        one(objects, "Kafka").at("/spec/kafka/listeners").forEach(l -> ports.add(l.path("port").asInt()));
        assertTrue(ports.contains(Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1))),
            "KAFKA_BOOTSTRAP_SERVERS " + bootstrap + " is not on a listener's port " + ports);
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-node", "production"})
    void eachServiceThatUsesKafkaHasAUserWhoseAclsAreExactlyWhatItDoes(String overlay) {
        List<ObjectNode> objects = K8sTree.render(overlay);
        String cluster = one(objects, "Kafka").at("/metadata/name").asText();
        String listenerAuthentication = one(objects, "Kafka").at("/spec/kafka/listeners/0/authentication/type")
            .asText();
        Map<String, ObjectNode> users = byName(all(objects, "KafkaUser"));
        Set<String> usingKafka = new TreeSet<>();
        for (String app : ServiceKafkaUse.APPS) {
            ServiceKafkaUse use = ServiceKafkaUse.of(app);
            if (!use.usesKafka()) {
                assertFalse(users.containsKey(app), app + " uses no Kafka, yet has a KafkaUser");
                continue;
            }
            usingKafka.add(app);
            ObjectNode user = users.get(app);
            assertTrue(user != null, app + " uses Kafka but has no KafkaUser named " + app);
            assertEquals(cluster, user.at("/metadata/labels/strimzi.io~1cluster").asText(), app + " cluster label");
            assertEquals(listenerAuthentication, user.at("/spec/authentication/type").asText(),
                app + " authenticates as the listener expects");
            assertEquals(List.of(), aclProblems(use, user), app + " (" + overlay + ")");
        }
        assertEquals(usingKafka, users.keySet(), "one KafkaUser per service that uses Kafka, and no other");
        assertEquals(Set.of("registry-service", "bazaar-service", "sponsorship-service", "notification-service"),
            usingKafka,
            "the gateway publishes and consumes nothing");
    }

    @Test
    void everyTopicAUserMayUseIsDeclared() {
        List<ObjectNode> objects = K8sTree.render("production");
        Set<String> declared = all(objects, "KafkaTopic").stream()
            .map(t -> t.at("/spec/topicName").isMissingNode() ? t.at("/metadata/name").asText()
                : t.at("/spec/topicName").asText())
            .collect(Collectors.toSet());
        for (ObjectNode user : all(objects, "KafkaUser")) {
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                if ("topic".equals(acl.at("/resource/type").asText())) {
                    assertEquals("literal", acl.at("/resource/patternType").asText("literal"), acl.toString());
                    assertTrue(declared.contains(acl.at("/resource/name").asText()),
                        user.at("/metadata/name").asText() + " may use the undeclared topic " + acl);
                }
            }
        }
    }

    @Test
    void everyAggregateTheCodePublishesHasItsTopicInTheContract() {
        for (String app : ServiceKafkaUse.APPS) {
            ServiceKafkaUse use = ServiceKafkaUse.of(app);
            if (use.produces().isEmpty()) {
                continue;
            }
            for (String aggregate : use.aggregates()) {
                assertTrue(use.produces().contains(use.service() + "." + aggregate), app + " puts '" + aggregate
                    + "' events in its outbox, but its AsyncAPI document publishes no " + use.service() + "."
                    + aggregate + " (and so no ACL lets it write there)");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-node", "production"})
    void eachDeploymentThatUsesKafkaConnectsAsItsOwnUser(String overlay) {
        List<ObjectNode> objects = K8sTree.render(overlay);
        Set<String> userSecrets = byName(all(objects, "KafkaUser")).keySet();
        String caSecret = clusterCaSecret(objects);
        for (String app : ServiceKafkaUse.APPS) {
            ObjectNode deployment = byName(all(objects, "Deployment")).get(app);
            Set<String> referenced = referencedSecrets(deployment);
            if (!ServiceKafkaUse.of(app).usesKafka()) {
                assertEquals(Set.of(), intersection(referenced, userSecrets), app + " uses no Kafka");
                assertTrue(deployment.at("/spec/template/metadata/labels/women-family~1kafka-client").isMissingNode(),
                    app + " uses no Kafka, so it must not pass the broker's NetworkPolicy");
                continue;
            }
            assertEquals(List.of(), clientProblems(deployment, app, caSecret), app + " (" + overlay + ")");
            assertEquals(Set.of(app), intersection(referenced, userSecrets), app + " uses its own user's secret only");
        }
    }

    @Test
    void theServicesFilesAreReadAsTheyAreWritten() {
        ServiceKafkaUse registry = ServiceKafkaUse.of("registry-service");
        assertEquals("registry", registry.service());
        assertTrue(registry.produces().containsAll(Set.of("registry.beneficiary", "registry.child",
            "registry.business", "registry.campaign")), registry.toString());
        ServiceKafkaUse bazaar = ServiceKafkaUse.of("bazaar-service");
        assertTrue(bazaar.consumes().containsAll(Set.of("registry.business", "registry.campaign")), bazaar.toString());
        assertEquals(Set.of("bazaar-registry"), bazaar.groups(), "a literal in EventConsumers.start");
        ServiceKafkaUse sponsorship = ServiceKafkaUse.of("sponsorship-service");
        assertTrue(sponsorship.consumes().containsAll(Set.of("registry.beneficiary", "registry.child")),
            sponsorship.toString());
        assertEquals(Set.of("sponsorship-registry", "sponsorship-release-fund"), sponsorship.groups(),
            "sponsorship.registry.consumer-group, sponsorship.release-fund.consumer-group");
        ServiceKafkaUse gateway = ServiceKafkaUse.of("gateway");
        assertEquals(Set.of(), gateway.produces(), "events.relay.enabled=false");
        assertEquals(Set.of(), gateway.consumes());
    }

    // --- the check catches what it is for: each case breaks one thing of a valid rendering -------------------

    @Test
    void aServiceThatStartsConsumingANewTopicFailsUntilItsUserMayReadIt() {
        ObjectNode user = user("sponsorship-service");
        ServiceKafkaUse use = ServiceKafkaUse.of("sponsorship-service");
        assertEquals(List.of(), aclProblems(use, user));
        Set<String> consumes = new TreeSet<>(use.consumes());
        consumes.add("registry.placement");
        ServiceKafkaUse more = new ServiceKafkaUse(use.app(), use.service(), use.produces(), consumes, use.groups(),
            use.aggregates());
        List<String> problems = aclProblems(more, user);
        assertTrue(problems.contains("missing: topic literal registry.placement Read"), problems.toString());
        assertTrue(problems.contains("missing: topic literal registry.placement.DLT Write"), problems.toString());
    }

    @Test
    void aGrantTheServiceDoesNotNeedFails() {
        ObjectNode user = user("bazaar-service");
        ObjectNode acl = ((ArrayNode) user.at("/spec/authorization/acls")).addObject();
        acl.putObject("resource").put("type", "topic").put("name", "registry.child")
            .put("patternType", "literal");
        acl.putArray("operations").add("Read");
        List<String> problems = aclProblems(ServiceKafkaUse.of("bazaar-service"), user);
        assertEquals(List.of("not needed: topic literal registry.child Read"), problems);
    }

    @Test
    void aWildcardOrADenyOrAHostIsNotAGrantTheCheckUnderstands() {
        ObjectNode user = user("registry-service");
        ObjectNode first = (ObjectNode) user.at("/spec/authorization/acls/0");
        first.put("host", "10.0.0.1");
        ((ObjectNode) first.get("resource")).put("name", "*");
        List<String> problems = aclProblems(ServiceKafkaUse.of("registry-service"), user);
        assertTrue(problems.stream().anyMatch(p -> p.contains("host")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("missing: topic literal registry.beneficiary")),
            problems.toString());
    }

    @Test
    void aListenerWithoutTlsOrAuthenticationOrPeersFails() {
        ObjectNode kafka = one(K8sTree.render("production"), "Kafka");
        ObjectNode listener = (ObjectNode) kafka.at("/spec/kafka/listeners/0");
        listener.put("tls", false);
        listener.remove("authentication");
        listener.remove("networkPolicyPeers");
        ((ObjectNode) kafka.at("/spec/kafka")).remove("authorization");
        List<String> problems = listenerProblems(kafka);
        assertEquals(4, problems.size(), problems.toString());
    }

    @Test
    void aDeploymentWithoutItsUsersSecretFails() {
        List<ObjectNode> objects = K8sTree.render("production");
        ObjectNode deployment = byName(all(objects, "Deployment")).get("bazaar-service");
        for (JsonNode volume : deployment.at("/spec/template/spec/volumes")) {
            if (volume.has("secret") && "bazaar-service".equals(volume.at("/secret/secretName").asText())) {
                ((ObjectNode) volume.get("secret")).put("secretName", "registry-service");
            }
        }
        List<String> problems = clientProblems(deployment, "bazaar-service", clusterCaSecret(objects));
        assertFalse(problems.isEmpty());
        assertTrue(problems.stream().anyMatch(p -> p.contains("KAFKA_SSL_KEYSTORE_LOCATION")), problems.toString());
    }

    // --- the rules -----------------------------------------------------------------------------------------

    /** Every listener encrypts, authenticates and admits only the labelled pods, and the brokers check ACLs. */
    static List<String> listenerProblems(JsonNode kafka) {
        List<String> problems = new ArrayList<>();
        for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
            String name = listener.path("name").asText();
            if (!listener.path("tls").asBoolean(false)) {
                problems.add("listener " + name + " has no TLS");
            }
            String authentication = listener.at("/authentication/type").asText();
            if (!Set.of("tls", "scram-sha-512").contains(authentication)) {
                problems.add("listener " + name + " authenticates nobody (authentication '" + authentication + "')");
            }
            if (listener.path("networkPolicyPeers").isEmpty()) {
                problems.add("listener " + name + " is open to every pod (no networkPolicyPeers)");
            }
        }
        if (!"simple".equals(kafka.at("/spec/kafka/authorization/type").asText())) {
            problems.add("the brokers do not check ACLs (spec.kafka.authorization.type is not simple)");
        }
        return problems;
    }

    /** The grants a service needs, each as "resourceType patternType name Operation". */
    static Set<String> expectedAcls(ServiceKafkaUse use) {
        Set<String> acls = new TreeSet<>();
        for (String topic : use.produces()) {
            acls.add("topic literal " + topic + " Write");
            // the outbox relay asks for each topic before it first writes to it (OutboxRelay.ensureTopics)
            acls.add("topic literal " + topic + " Create");
        }
        for (String topic : use.consumes()) {
            acls.add("topic literal " + topic + " Read");
            // EventConsumers dead-letters an event it keeps failing on
            acls.add("topic literal " + topic + ".DLT Write");
        }
        for (String group : use.groups()) {
            // a prefix: the roster replay of sponsorship reads as <group>-replay
            acls.add("group prefix " + group + " Read");
        }
        return acls;
    }

    /** The grants a KafkaUser holds; anything but a plain allow from any host is reported as a problem. */
    static Set<String> actualAcls(JsonNode user, List<String> problems) {
        Set<String> acls = new TreeSet<>();
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            if (!"allow".equals(acl.path("type").asText("allow"))) {
                problems.add("only allow rules are expected: " + acl);
            }
            if (!"*".equals(acl.path("host").asText("*"))) {
                problems.add("a host-bound rule (host " + acl.path("host").asText() + ") is not expected: " + acl);
            }
            JsonNode resource = acl.path("resource");
            String prefix = resource.path("type").asText() + " " + resource.path("patternType").asText("literal")
                + " " + resource.path("name").asText();
            List<String> operations = new ArrayList<>();
            acl.path("operations").forEach(o -> operations.add(o.asText()));
            if (acl.has("operation")) {
                operations.add(acl.path("operation").asText());
            }
            operations.forEach(o -> acls.add(prefix + " " + o));
        }
        return acls;
    }

    static List<String> aclProblems(ServiceKafkaUse use, JsonNode user) {
        List<String> problems = new ArrayList<>();
        if (!"simple".equals(user.at("/spec/authorization/type").asText())) {
            problems.add("authorization.type is not simple");
        }
        Set<String> expected = expectedAcls(use);
        Set<String> actual = actualAcls(user, problems);
        expected.stream().filter(a -> !actual.contains(a)).forEach(a -> problems.add("missing: " + a));
        actual.stream().filter(a -> !expected.contains(a)).forEach(a -> problems.add("not needed: " + a));
        return problems;
    }

    /**
     * The Deployment connects over TLS as its user: the keystore is its user's {@code user.p12} with the password
     * from the same Secret, the truststore the cluster CA's certificate, and its pods carry the label the listener's
     * NetworkPolicy admits.
     */
    static List<String> clientProblems(JsonNode deployment, String user, String caSecret) {
        List<String> problems = new ArrayList<>();
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        Map<String, JsonNode> env = new TreeMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        Function<String, String> value = name -> env.containsKey(name) ? env.get(name).path("value").asText() : "";
        if (!"true".equals(deployment.at("/spec/template/metadata/labels/women-family~1kafka-client").asText())) {
            problems.add("pods lack the label women-family/kafka-client=true the listener admits");
        }
        if (!"SSL".equals(value.apply("KAFKA_SECURITY_PROTOCOL"))) {
            problems.add("KAFKA_SECURITY_PROTOCOL is not SSL");
        }
        if (!"PKCS12".equals(value.apply("KAFKA_SSL_KEYSTORE_TYPE"))) {
            problems.add("KAFKA_SSL_KEYSTORE_TYPE is not PKCS12 (the user Secret's user.p12)");
        }
        if (!"PEM".equals(value.apply("KAFKA_SSL_TRUSTSTORE_TYPE"))) {
            problems.add("KAFKA_SSL_TRUSTSTORE_TYPE is not PEM (the cluster CA's ca.crt)");
        }
        String keystore = secretFile(pod, container, value.apply("KAFKA_SSL_KEYSTORE_LOCATION"));
        if (!(user + "/user.p12").equals(keystore)) {
            problems.add("KAFKA_SSL_KEYSTORE_LOCATION is not the user.p12 of the Secret " + user + " (it is " + keystore
                + ")");
        }
        String truststore = secretFile(pod, container, value.apply("KAFKA_SSL_TRUSTSTORE_LOCATION"));
        if (!(caSecret + "/ca.crt").equals(truststore)) {
            problems.add("KAFKA_SSL_TRUSTSTORE_LOCATION is not the ca.crt of the Secret " + caSecret + " (it is "
                + truststore + ")");
        }
        JsonNode password = env.containsKey("KAFKA_SSL_KEYSTORE_PASSWORD")
            ? env.get("KAFKA_SSL_KEYSTORE_PASSWORD").at("/valueFrom/secretKeyRef") : container.path("absent");
        if (!user.equals(password.path("name").asText()) || !"user.password".equals(password.path("key").asText())) {
            problems.add("KAFKA_SSL_KEYSTORE_PASSWORD is not the key user.password of the Secret " + user);
        }
        return problems;
    }

    /** "secret/key" of the Secret file mounted at {@code path} in the container, or null. */
    private static String secretFile(JsonNode pod, JsonNode container, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            String dir = mount.path("mountPath").asText().replaceFirst("/$", "") + "/";
            if (!path.startsWith(dir) || mount.has("subPath")) {
                continue;
            }
            String file = path.substring(dir.length());
            for (JsonNode volume : pod.path("volumes")) {
                if (volume.path("name").asText().equals(mount.path("name").asText()) && volume.has("secret")) {
                    String secret = volume.at("/secret/secretName").asText();
                    if (!volume.at("/secret/items").isArray()) {
                        return secret + "/" + file;
                    }
                    for (JsonNode item : volume.at("/secret/items")) {
                        if (item.path("path").asText().equals(file)) {
                            return secret + "/" + item.path("key").asText();
                        }
                    }
                }
            }
        }
        return null;
    }

    private static Set<String> referencedSecrets(JsonNode deployment) {
        Set<String> names = new TreeSet<>();
        JsonNode pod = deployment.at("/spec/template/spec");
        pod.at("/containers/0/env").forEach(e -> {
            JsonNode ref = e.at("/valueFrom/secretKeyRef/name");
            if (!ref.isMissingNode()) {
                names.add(ref.asText());
            }
        });
        pod.at("/containers/0/envFrom").forEach(e -> {
            JsonNode ref = e.at("/secretRef/name");
            if (!ref.isMissingNode()) {
                names.add(ref.asText());
            }
        });
        pod.path("volumes").forEach(v -> {
            if (v.has("secret")) {
                names.add(v.at("/secret/secretName").asText());
            }
        });
        return names;
    }

    private static ObjectNode user(String name) {
        return byName(all(K8sTree.render("production"), "KafkaUser")).get(name);
    }

    private static JsonNode configMap(List<ObjectNode> objects) {
        return byName(all(objects, "ConfigMap")).get("women-family-config").path("data");
    }

    private static ObjectNode one(List<ObjectNode> objects, String kind) {
        List<ObjectNode> found = all(objects, kind);
        if (found.size() != 1) {
            fail("expected one " + kind + ", found " + found.size());
        }
        return found.get(0);
    }

    private static List<ObjectNode> all(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    private static Map<String, ObjectNode> byName(List<ObjectNode> objects) {
        Map<String, ObjectNode> out = new TreeMap<>();
        objects.forEach(o -> out.put(o.at("/metadata/name").asText(), o));
        return out;
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.retainAll(b);
        return out;
    }
}
