/**
 * How the REST API answers errors: RFC 9457 problem responses (Problems), and the exception mappers that turn
 * domain, validation and runtime errors into them.
 */
package dev.helix.web.api.problems;
