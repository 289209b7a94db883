package dev.helix.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Containerfile agrees with the build and the server configuration it packs. */
class ContainerfileTest {

    private static final Path CONFIG = ModuleFiles.MODULE.resolve("src/main/liberty/config");
    private static final Pattern FEATURE = Pattern.compile("<feature>([^<]+)</feature>");

    private final String containerfile =
            ModuleFiles.text(ModuleFiles.MODULE.resolve("src/main/container/Containerfile"));

    @Test
    void theImageRunsTheLibertyTheBuildTestsWith() {
        String image = "icr.io/appcafe/open-liberty:" + System.getProperty("version.openliberty")
                + "-kernel-slim-java17-openj9-ubi-minimal";

        assertTrue(containerfile.contains("ARG LIBERTY_IMAGE=" + image + "\n"), "the base image should be " + image);
    }

    /** The includes are chosen when the server starts, so the image must hold the features of each of them. */
    @Test
    void theImageInstallsTheFeaturesOfEveryInclude() {
        Set<String> included = new TreeSet<>();
        for (Path include : ModuleFiles.files(CONFIG, "")) {
            if (include.getFileName().toString().matches("(messaging|stores)-.*\\.xml")) {
                included.addAll(features(ModuleFiles.text(include)));
            }
        }

        assertEquals(included, features(containerfile));
    }

    @Test
    void theImageCopiesEveryConfigurationFile() {
        for (Path file : ModuleFiles.files(CONFIG, "")) {
            assertTrue(containerfile.contains("helix-server/" + file.getFileName()),
                    file.getFileName() + " is not copied");
        }
    }

    private static Set<String> features(String text) {
        Set<String> features = new TreeSet<>();
        Matcher matcher = FEATURE.matcher(text);
        while (matcher.find()) {
            features.add(matcher.group(1));
        }
        return features;
    }
}
