/** Running commands in a sandbox (Sandbox): the one way Helix runs a command on behalf of an agent. */
package dev.helix.sandbox.service;
