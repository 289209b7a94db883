package dev.helix.projects.internal;

import java.util.Map;

/**
 * The demo project seeded on the first start: a tiny shell library with a test that fails, so that a task on it has
 * something real to do, and a test command the sandbox runs with nothing but {@code /bin/sh}.
 */
public final class DemoProject {

    public static final String NAME = "demo";
    public static final String TEST_COMMAND = "sh test.sh";

    private DemoProject() {
    }

    public static Map<String, String> files() {
        return Map.of(
                "README.md", """
                        # Greeter

                        A tiny shell library Helix seeds as its demo project. `sh test.sh` runs its tests; one fails:
                        `greet` forgets the exclamation mark. Ask an agent to fix it.
                        """,
                "lib/greet.sh", """
                        # Prints a greeting for the name given.
                        greet() {
                            echo "Hello, $1"
                        }
                        """,
                "test.sh", """
                        #!/bin/sh
                        # Runs the library's tests; exits non-zero when one fails.
                        . ./lib/greet.sh
                        failed=0
                        check() {
                            if [ "$2" = "$3" ]; then echo "ok   $1"; else echo "FAIL $1: expected '$3', got '$2'"; failed=1; fi
                        }
                        check "greets by name" "$(greet World)" "Hello, World!"
                        exit $failed
                        """);
    }
}
