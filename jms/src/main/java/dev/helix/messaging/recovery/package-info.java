/**
 * RecoverableArtemisAdapter, ActiveMQ Artemis's resource adapter with the transaction recovery Liberty needs; packed
 * only into the resource adapter archive, not into the EAR.
 */
package dev.helix.messaging.recovery;
