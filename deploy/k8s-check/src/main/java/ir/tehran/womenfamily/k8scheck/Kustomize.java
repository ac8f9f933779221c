package ir.tehran.womenfamily.k8scheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders a Kustomize directory the way {@code kustomize build} does, for the part of Kustomize that
 * {@code deploy/k8s} uses: {@code resources} (files and directories), {@code namespace}, {@code images},
 * {@code replicas}, {@code patches} in JSON 6902 form with a {@code target}, {@code secretGenerator} and
 * {@code configMapGenerator} with {@code generatorOptions.disableNameSuffixHash}. Anything else in a
 * kustomization (a strategic-merge patch, labels, name prefixes, components, Helm charts) is refused with an
 * error rather than ignored, so this renderer never silently differs from Kustomize. Where {@code kubectl} is
 * installed, a test compares this output with {@code kubectl kustomize}.
 */
public final class Kustomize {

    static final ObjectMapper YAML = new YAMLMapper();

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "namespace", "resources", "images",
        "replicas", "patches", "secretGenerator", "configMapGenerator", "generatorOptions");

    /** Kinds without a namespace among those a kustomization here may hold. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
        "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass");

    private Kustomize() {
    }

    /** The objects {@code kustomize build dir} would print, in resource order. */
    public static List<ObjectNode> build(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new KustomizeException(dir + ": no kustomization.yaml");
        }
        JsonNode k = readOne(file);
        Iterator<String> names = k.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!SUPPORTED.contains(name)) {
                throw new KustomizeException(file + ": '" + name + "' is not supported by this renderer");
            }
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            if (Files.isDirectory(p)) {
                objects.addAll(build(p));
            } else {
                objects.addAll(readAll(p));
            }
        }
        boolean hash = !k.path("generatorOptions").path("disableNameSuffixHash").asBoolean(false);
        for (JsonNode g : k.path("configMapGenerator")) {
            objects.add(generate(dir, g, "ConfigMap", hash));
        }
        for (JsonNode g : k.path("secretGenerator")) {
            objects.add(generate(dir, g, "Secret", hash));
        }
        for (JsonNode p : k.path("patches")) {
            patch(dir, p, objects);
        }
        if (k.hasNonNull("namespace")) {
            String ns = k.get("namespace").asText();
            for (ObjectNode o : objects) {
                if (!CLUSTER_SCOPED.contains(o.path("kind").asText())) {
                    metadata(o).put("namespace", ns);
                }
            }
        }
        for (JsonNode image : k.path("images")) {
            for (ObjectNode o : objects) {
                setImages(o, image);
            }
        }
        for (JsonNode r : k.path("replicas")) {
            for (ObjectNode o : objects) {
                if (Set.of("Deployment", "StatefulSet", "ReplicaSet").contains(o.path("kind").asText())
                    && r.path("name").asText().equals(o.path("metadata").path("name").asText())) {
                    ((ObjectNode) o.get("spec")).put("replicas", r.path("count").asInt());
                }
            }
        }
        return objects;
    }

    /** Every YAML document of a file, as objects (empty documents are skipped, as Kustomize does). */
    public static List<ObjectNode> readAll(Path file) {
        List<ObjectNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class)
            .readValues(new YAMLFactory().createParser(file.toFile()))) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc == null || doc.isNull() || doc.isMissingNode() || doc.isEmpty()) {
                    continue;
                }
                if (!doc.isObject()) {
                    throw new KustomizeException(file + ": a document is not a mapping");
                }
                docs.add((ObjectNode) doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
        return docs;
    }

    private static JsonNode readOne(Path file) {
        List<ObjectNode> docs = readAll(file);
        if (docs.size() != 1) {
            throw new KustomizeException(file + ": expected one document");
        }
        return docs.get(0);
    }

    private static ObjectNode generate(Path dir, JsonNode g, String kind, boolean hash) {
        if (hash) {
            throw new KustomizeException(dir + ": generated names with a hash suffix are not supported; set "
                + "generatorOptions.disableNameSuffixHash");
        }
        Map<String, String> data = new LinkedHashMap<>();
        for (JsonNode l : g.path("literals")) {
            String[] kv = l.asText().split("=", 2);
            data.put(kv[0], kv[1]);
        }
        for (JsonNode f : g.path("files")) {
            String spec = f.asText();
            int eq = spec.indexOf('=');
            String key = eq < 0 ? Path.of(spec).getFileName().toString() : spec.substring(0, eq);
            data.put(key, read(dir.resolve(eq < 0 ? spec : spec.substring(eq + 1))));
        }
        for (JsonNode e : g.path("envs")) {
            for (String line : read(dir.resolve(e.asText())).split("\n")) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] kv = t.split("=", 2);
                if (kv.length != 2) {
                    throw new KustomizeException(e.asText() + ": not KEY=VALUE: " + t);
                }
                data.put(kv[0], kv[1]);
            }
        }
        ObjectNode o = YAML.createObjectNode();
        o.put("apiVersion", "v1");
        o.put("kind", kind);
        ObjectNode values = YAML.createObjectNode();
        data.forEach((key, value) -> values.put(key, "Secret".equals(kind)
            ? Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) : value));
        o.set("data", values);
        o.putObject("metadata").put("name", g.path("name").asText());
        if ("Secret".equals(kind)) {
            o.put("type", g.path("type").asText("Opaque"));
        }
        return o;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KustomizeException("cannot read " + file + " (" + e + ")");
        }
    }

    private static void patch(Path dir, JsonNode p, List<ObjectNode> objects) {
        JsonNode ops;
        if (p.hasNonNull("patch")) {
            ops = parseYaml(p.get("patch").asText());
        } else if (p.hasNonNull("path")) {
            ops = readOne(dir.resolve(p.get("path").asText()));
        } else {
            throw new KustomizeException(dir + ": a patch without 'patch' or 'path'");
        }
        if (!ops.isArray()) {
            throw new KustomizeException(dir + ": only JSON 6902 patches (a list of operations) are supported");
        }
        JsonNode target = p.path("target");
        if (target.isMissingNode()) {
            throw new KustomizeException(dir + ": a JSON 6902 patch needs a target");
        }
        int matched = 0;
        for (ObjectNode o : objects) {
            if (matches(target, o)) {
                JsonPatch.apply(o, (ArrayNode) ops);
                matched++;
            }
        }
        if (matched == 0) {
            throw new KustomizeException(dir + ": patch target " + target + " matches no object");
        }
    }

    private static JsonNode parseYaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new KustomizeException("a patch is not valid YAML: " + e.getMessage());
        }
    }

    private static boolean matches(JsonNode target, ObjectNode o) {
        String apiVersion = o.path("apiVersion").asText();
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        return field(target, "kind", o.path("kind").asText())
            && field(target, "group", group)
            && field(target, "version", version)
            && field(target, "name", o.path("metadata").path("name").asText())
            && field(target, "namespace", o.path("metadata").path("namespace").asText());
    }

    /** Kustomize matches target fields as anchored regular expressions. */
    private static boolean field(JsonNode target, String name, String value) {
        return !target.hasNonNull(name) || Pattern.matches(target.get(name).asText(), value);
    }

    private static void setImages(JsonNode node, JsonNode image) {
        if (node.isObject()) {
            for (String list : List.of("containers", "initContainers")) {
                for (JsonNode c : node.path(list)) {
                    if (c.isObject() && c.hasNonNull("image")) {
                        retag((ObjectNode) c, image);
                    }
                }
            }
            node.elements().forEachRemaining(child -> setImages(child, image));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> setImages(child, image));
        }
    }

    private static void retag(ObjectNode container, JsonNode image) {
        String ref = container.get("image").asText();
        int at = ref.indexOf('@');
        String withoutDigest = at < 0 ? ref : ref.substring(0, at);
        int colon = withoutDigest.lastIndexOf(':');
        boolean tagged = colon > withoutDigest.lastIndexOf('/');
        String name = tagged ? withoutDigest.substring(0, colon) : withoutDigest;
        if (!name.equals(image.path("name").asText())) {
            return;
        }
        String tag = tagged ? withoutDigest.substring(colon + 1) : null;
        String newName = image.hasNonNull("newName") ? image.get("newName").asText() : name;
        String newTag = image.hasNonNull("newTag") ? image.get("newTag").asText() : tag;
        String result = newName + (newTag == null ? "" : ":" + newTag);
        if (image.hasNonNull("digest")) {
            result = newName + "@" + image.get("digest").asText();
        }
        container.put("image", result);
    }

    private static ObjectNode metadata(ObjectNode o) {
        JsonNode m = o.get("metadata");
        return m instanceof ObjectNode on ? on : o.putObject("metadata");
    }

    /** A kustomization this renderer cannot render, or one that Kustomize itself would refuse. */
    public static final class KustomizeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KustomizeException(String message) {
            super(message);
        }
    }
}
