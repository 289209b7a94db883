/**
 * The one meter every billable model call is recorded by, and the sums read from it (UsageMeter); the gateway's calls
 * recorded in the background (UsageRecorder); budgets (Budgets) and prices (Prices).
 */
package dev.helix.metering.service;
