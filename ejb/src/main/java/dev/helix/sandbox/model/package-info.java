/**
 * What a sandboxed command runs under and what came of it: SandboxLimits, CommandResult, SandboxStatus, and the
 * refusal when no isolation is available (SandboxUnavailableException).
 */
package dev.helix.sandbox.model;
