/**
 * Platform helpers the contexts share: an in-memory copy of stored settings that every request reads
 * (FreshCopy), and files only the server's user may read (PrivateFiles).
 */
package dev.helix.platform.service;
