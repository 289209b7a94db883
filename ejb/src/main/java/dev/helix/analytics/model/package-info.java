/**
 * Metric series and their minute, hour and day buckets, trends, forecasts and anomalies, and the UCF fleet
 * health index with its six dimensions.
 */
package dev.helix.analytics.model;
