/**
 * The analytics use cases that the REST API, the portal and rituals call: collecting metrics, reading series
 * with trends and forecasts, the anomaly scan and the live UCF fleet health index.
 */
package dev.helix.analytics.service;
