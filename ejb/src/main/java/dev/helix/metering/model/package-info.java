/** Metered model usage: one record per billable call (UsageRecord, UsageEntry, UsageSource) and its sums (UsageSum). */
package dev.helix.metering.model;
