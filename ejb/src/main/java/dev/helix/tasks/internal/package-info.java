/**
 * Helpers only the tasks context uses: TaskProgression moves a task through its lifecycle and sends the next
 * work order, and OrdersInHand knows the orders this server's workers hold.
 */
package dev.helix.tasks.internal;
