/**
 * DispatchWatchdog, the timer that finds tasks whose work order went missing and sends them a fresh one.
 */
package dev.helix.tasks.inbound;
