package ir.tehran.womenfamily.k8scheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a service does on Kafka, read from its own files rather than from the manifests, so that a change in the
 * service (a new topic it consumes, a new kind of event it publishes) shows up here before anyone edits an ACL.
 *
 * <ul>
 *   <li>{@code service}: {@code events.service} in {@code application.properties}, the first part of the names of
 *       the topics its outbox relay writes ({@code <service>.<aggregate type>}, {@code EventBackboneConfig}).</li>
 *   <li>{@code produces}: the channel addresses of the {@code send} operations of its AsyncAPI document
 *       ({@code src/main/resources/asyncapi/asyncapi.yaml}); none when {@code events.relay.enabled=false}.</li>
 *   <li>{@code consumes}: the topics named by each {@code application.properties} key that ends in
 *       {@code topics} ({@code sponsorship.registry.topics}, {@code bazaar.registry-topics}), test profile left out.
 *       {@code EventConsumers} writes an event it fails on to {@code <topic>.DLT}.</li>
 *   <li>{@code groups}: the consumer group of each {@code EventConsumers.start(...)} call in its main sources: a
 *       string literal or a constant of the same file, or, where the call takes the group from the configuration,
 *       the value of each key that ends in {@code consumer-group}.</li>
 *   <li>{@code aggregates}: the aggregate types its code puts in the outbox ({@code AGGREGATE = "..."} constants
 *       and {@code DomainEvent.of("...", ...)} literals), whose topics the AsyncAPI document must list.</li>
 * </ul>
 */
record ServiceKafkaUse(String app, String service, Set<String> produces, Set<String> consumes, Set<String> groups,
        Set<String> aggregates) {

    /** The services and the gateway, as their modules and Deployments are named. */
    static final List<String> APPS = List.of("registry-service", "bazaar-service", "sponsorship-service",
        "notification-service", "gateway");

    private static final Pattern TOPICS_KEY = Pattern.compile("(^|[.-])topics$");
    private static final Pattern CONSUMERS_FIELD = Pattern.compile("\\bEventConsumers\\s+(\\w+)\\s*;");
    private static final Pattern AGGREGATE_CONSTANT = Pattern.compile("\\bAGGREGATE\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern EVENT_LITERAL = Pattern.compile("DomainEvent\\.of\\(\\s*\"([^\"]+)\"");

    /** True when the service opens any Kafka connection: it publishes or it consumes. */
    boolean usesKafka() {
        return !produces.isEmpty() || !consumes.isEmpty();
    }

    static ServiceKafkaUse of(String app) {
        try {
            Path module = ServiceConfigurationTest.repository().resolve(app);
            Properties properties = ServiceConfigurationTest.properties(app);
            String service = properties.getProperty("events.service");
            boolean relay = !"false".equals(properties.getProperty("events.relay.enabled", "true").trim());
            Set<String> produces = relay ? published(module.resolve("src/main/resources/asyncapi/asyncapi.yaml"))
                : Set.of();
            Set<String> consumes = new TreeSet<>();
            Set<String> configuredGroups = new TreeSet<>();
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("%test.")) {
                    continue;
                }
                String bare = key.replaceFirst("^%[a-z]+\\.", "");
                if (TOPICS_KEY.matcher(bare).find()) {
                    consumes.addAll(list(properties.getProperty(key)));
                }
                if (bare.endsWith("consumer-group")) {
                    configuredGroups.add(properties.getProperty(key).trim());
                }
            }
            Set<String> groups = new TreeSet<>();
            Set<String> aggregates = new TreeSet<>();
            for (Path source : javaSources(module.resolve("src/main/java"))) {
                String code = Files.readString(source, StandardCharsets.UTF_8);
                groups.addAll(consumerGroups(source, code, configuredGroups));
                collect(AGGREGATE_CONSTANT.matcher(code), aggregates);
                collect(EVENT_LITERAL.matcher(code), aggregates);
            }
            return new ServiceKafkaUse(app, service, produces, consumes, groups, aggregates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The addresses of the channels of the document's {@code send} operations. */
    static Set<String> published(Path asyncApi) throws IOException {
        Set<String> topics = new TreeSet<>();
        if (!Files.exists(asyncApi)) {
            return topics;
        }
        JsonNode doc = Kustomize.YAML.readTree(asyncApi.toFile());
        doc.path("operations").forEach(op -> {
            if ("send".equals(op.path("action").asText())) {
                String ref = op.at("/channel/$ref").asText();
                String channel = ref.substring(ref.lastIndexOf('/') + 1);
                String address = doc.path("channels").path(channel).path("address").asText();
                if (address.isEmpty()) {
                    throw new IllegalStateException(asyncApi + ": operation on " + ref + " has no channel address");
                }
                topics.add(address);
            }
        });
        return topics;
    }

    /** The group of each {@code <consumers>.start(group, ...)} call in one source file. */
    private static Set<String> consumerGroups(Path source, String code, Set<String> configuredGroups) {
        Set<String> groups = new TreeSet<>();
        Matcher field = CONSUMERS_FIELD.matcher(code);
        while (field.find()) {
            Matcher call = Pattern.compile("\\b" + field.group(1) + "\\.start\\(\\s*([^,]+),").matcher(code);
            while (call.find()) {
                String argument = call.group(1).trim();
                Matcher constant = Pattern.compile("\\b" + Pattern.quote(argument) + "\\s*=\\s*\"([^\"]+)\"\\s*;")
                    .matcher(code);
                if (argument.matches("\"[^\"]*\"")) {
                    groups.add(argument.substring(1, argument.length() - 1));
                } else if (argument.matches("[A-Z][A-Z0-9_]*") && constant.find()) {
                    groups.add(constant.group(1));
                } else if (argument.contains("consumerGroup") && !configuredGroups.isEmpty()) {
                    groups.addAll(configuredGroups);
                } else {
                    throw new IllegalStateException(source + ": cannot tell the consumer group of "
                        + call.group() + "; name it with a literal, a constant or a '...consumer-group' key");
                }
            }
        }
        return groups;
    }

    private static List<Path> javaSources(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static void collect(Matcher m, Set<String> into) {
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
