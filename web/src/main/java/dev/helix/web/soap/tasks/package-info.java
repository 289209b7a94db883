/**
 * The SOAP {@code TaskService} ({@code /soap/TaskService}): submit, read and list tasks, decide their gates, cancel
 * them; its contract's types are generated into {@code dev.helix.web.soap.tasks.v1}.
 */
package dev.helix.web.soap.tasks;
