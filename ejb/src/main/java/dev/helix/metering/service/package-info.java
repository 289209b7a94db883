/** The one meter every billable model call is recorded by, and the sums read from it (UsageMeter). */
package dev.helix.metering.service;
