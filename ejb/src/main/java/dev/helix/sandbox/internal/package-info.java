/** The bubblewrap sandbox: the command line that isolates a command (Bubblewrap) and the run that watches it (SandboxRun). */
package dev.helix.sandbox.internal;
