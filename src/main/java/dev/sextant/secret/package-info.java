/**
 * Secrets: the system keychain, environment variable references and session-only memory, behind
 * {@link dev.sextant.secret.SecretStore}. Configs keep {@link dev.sextant.secret.SecretReference}s, never
 * values. Keychain calls block and belong on background threads; nothing here writes a secret to a file,
 * a log line or an exception message.
 */
package dev.sextant.secret;
