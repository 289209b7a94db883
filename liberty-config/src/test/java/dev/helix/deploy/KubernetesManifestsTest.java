package dev.helix.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests of src/main/kubernetes: valid against the API's strict schemas, all in the kustomization
 * (but the example Secret), and setting only variables that the server configuration or Helix itself reads.
 */
class KubernetesManifestsTest {

    private static final Path MANIFESTS = ModuleFiles.MODULE.resolve("src/main/kubernetes");
    private static final String KUSTOMIZATION = "kustomization.yaml";
    private static final String SECRET_EXAMPLE = "secret.example.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void everyManifestIsValid() {
        List<String> problems = new ArrayList<>();
        manifests().forEach(file -> problems.addAll(new ManifestValidator().validate(file)));

        assertEquals(List.of(), problems);
    }

    @Test
    void theManifestsHoldEveryPartOfTheInstallation() {
        Set<String> kinds = new TreeSet<>();
        manifests().forEach(file -> kinds.add(read(file).path("kind").asText()));

        assertEquals(new TreeSet<>(List.of("ConfigMap", "HorizontalPodAutoscaler", "PersistentVolumeClaim",
                "PodDisruptionBudget", "Secret", "Service", "StatefulSet")), kinds);
    }

    @Test
    void theKustomizationAppliesEveryManifestButTheExampleSecret() {
        Set<String> listed = new TreeSet<>();
        read(MANIFESTS.resolve(KUSTOMIZATION)).path("resources").forEach(resource -> listed.add(resource.asText()));
        Set<String> expected = new TreeSet<>();
        manifests().map(file -> file.getFileName().toString()).filter(name -> !name.equals(SECRET_EXAMPLE))
                .forEach(expected::add);

        assertEquals(expected, listed);
    }

    /** A misspelt variable would be ignored without a word: each one set must be one that something reads. */
    @Test
    void theServersSetOnlyVariablesThatAreRead() {
        Set<String> read = new TreeSet<>();
        serverVariables().forEach(name -> read.add(environmentName(name)));
        configKeys().forEach(name -> read.add(environmentName(name)));
        Set<String> set = new TreeSet<>();
        read(MANIFESTS.resolve("configmap.yaml")).path("data").fieldNames().forEachRemaining(set::add);
        read(MANIFESTS.resolve("statefulset.yaml")).path("spec").path("template").path("spec").path("containers")
                .forEach(container -> container.path("env")
                        .forEach(variable -> set.add(variable.path("name").asText())));

        Set<String> unknown = new TreeSet<>(set);
        unknown.removeAll(read);
        assertEquals(Set.of(), unknown, "variables nothing reads");
        assertTrue(set.containsAll(List.of("HELIX_DB_URL", "HELIX_STORES", "HELIX_MESSAGING", "HELIX_SESSION_CLONE_ID",
                "HELIX_ADMIN_PASSWORD")), "the production settings: " + set);
    }

    /** Liberty's lookup of a variable in the environment: every character but letters and digits as _, upper case. */
    private static String environmentName(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    /** The variables server.xml and its includes define or use. */
    private static Set<String> serverVariables() {
        Pattern variable = Pattern.compile("<variable name=\"([^\"]+)\"|\\$\\{([A-Za-z0-9_.\\-]+)}");
        Set<String> names = new TreeSet<>();
        for (Path file : ModuleFiles.files(ModuleFiles.MODULE.resolve("src/main/liberty/config"), ".xml")) {
            Matcher matcher = variable.matcher(ModuleFiles.text(file));
            while (matcher.find()) {
                names.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
            }
        }
        return names;
    }

    /** The MicroProfile Config keys Helix's modules inject. */
    private static Set<String> configKeys() {
        Pattern key = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
        Set<String> names = new TreeSet<>();
        for (String module : List.of("ejb", "jms", "batch-jobs", "web")) {
            try (Stream<Path> files = Files.walk(ModuleFiles.MODULES.resolve(module).resolve("src/main/java"))) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                    Matcher matcher = key.matcher(ModuleFiles.text(file));
                    while (matcher.find()) {
                        names.add(matcher.group(1));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    private static Stream<Path> manifests() {
        return ModuleFiles.files(MANIFESTS, ".yaml").stream()
                .filter(file -> !file.getFileName().toString().equals(KUSTOMIZATION));
    }

    private JsonNode read(Path file) {
        try {
            return yaml.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
