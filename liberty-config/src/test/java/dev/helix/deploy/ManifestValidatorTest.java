package dev.helix.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The validator bites: each manifest of src/test/resources/broken is refused, and says where. */
class ManifestValidatorTest {

    private static final Path RESOURCES = ModuleFiles.MODULE.resolve("src/test/resources");

    private final ManifestValidator validator = new ManifestValidator();

    @Test
    void acceptsValidManifests() {
        assertEquals(List.of(), validator.validate(RESOURCES.resolve("valid.yaml")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "unknown-field.yaml          | Deployment broken: | replica",
        "wrong-type.yaml             | Deployment broken: | /spec/replicas",
        "nested-unknown-field.yaml   | Deployment broken: | url",
        "missing-required-field.yaml | Deployment broken: | name",
        "wrong-shape.yaml            | ConfigMap broken:  | /data/HELIX_DB_MAX_CONNECTIONS",
        "unknown-kind.yaml           | Deployment broken: | no schema for apiVersion 'extensions/v1beta1'",
        "duplicate-key.yaml          | duplicate-key.yaml | Duplicate field 'name'",
        "second-document.yaml        | Service broken:    | targetPorts"})
    void refusesBrokenManifests(String file, String where, String what) {
        List<String> problems = validator.validate(RESOURCES.resolve("broken").resolve(file));

        assertFalse(problems.isEmpty(), file + " was taken for valid");
        assertTrue(problems.stream().anyMatch(p -> p.contains(where) && p.contains(what)),
                file + ": expected a problem of " + where + " naming " + what + ", got " + problems);
    }
}
