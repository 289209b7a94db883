package dev.helix.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The files of this module (and its neighbours) that the tests read, at the paths the build hands them. */
final class ModuleFiles {

    /** This module's folder. */
    static final Path MODULE = Path.of(System.getProperty("helix.liberty-config.dir"));
    /** The folder of all of Helix's modules. */
    static final Path MODULES = Path.of(System.getProperty("helix.modules"));

    private ModuleFiles() {
    }

    /** The files of a folder (not below it) whose names end so, sorted. */
    static List<Path> files(Path folder, String ending) {
        try (var files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(ending)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
