/**
 * REST resources for analytics: metric series, anomalies, the UCF fleet health index, and reports as CSV,
 * JSON or PDF.
 */
package dev.helix.web.api.analytics;
