package dev.helix.compute.internal;

import dev.helix.compute.model.BackendChoice;
import dev.helix.compute.model.ComputeBackend;

/** Prints the backend chosen for the one named, and why: for tests that need a JVM started differently. */
public final class BackendChoiceProbe {

    private BackendChoiceProbe() {
    }

    public static void main(String[] args) {
        BackendChoice choice = ComputeBackends.choose(ComputeBackend.parse(args[0])).choice();
        System.out.println(choice.backend());
        System.out.println(choice.note());
    }
}
