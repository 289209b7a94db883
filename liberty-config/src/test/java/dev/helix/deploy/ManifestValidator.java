package dev.helix.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks Kubernetes manifests, YAML files of one or more documents, as {@code kubeconform -strict} would: each
 * document against the strict schema of its apiVersion and kind ({@link KubernetesSchemas}), with networknt's JSON
 * Schema validator. A document of a kind without a schema, a field the kind does not have, a value of the wrong type,
 * a missing required field or a key written twice is a problem.
 */
public final class ManifestValidator {

    private final KubernetesSchemas schemas = new KubernetesSchemas();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private final Map<String, Optional<Schema>> compiled = new HashMap<>();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** The problems of every document of the file, each as {@code file: Kind name: message}; none when it is valid. */
    public List<String> validate(Path file) {
        List<String> problems = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                String apiVersion = document.path("apiVersion").asText();
                String kind = document.path("kind").asText();
                String where = file.getFileName() + ": " + kind + " " + document.path("metadata").path("name").asText();
                Optional<Schema> schema = compiled.computeIfAbsent(apiVersion + "/" + kind,
                        key -> schemas.schema(apiVersion, kind).map(registry::getSchema));
                if (schema.isEmpty()) {
                    problems.add(where + ": no schema for apiVersion '" + apiVersion + "' kind '" + kind + "'");
                } else {
                    schema.get().validate(document).forEach(error -> problems.add(where + ": " + error));
                }
            }
        } catch (IOException e) {
            problems.add(file.getFileName() + ": not readable as YAML: " + e.getMessage());
        }
        return problems;
    }
}
