/**
 * Bearer secrets for staff tokens and company API keys.
 *
 * A secret is a kind prefix (`zms_` staff token, `zmk_` company key, `zmp_` session participant's join token,
 * `zmi_` invitation RSVP token) followed by 32 random bytes in base64url
 * (43 characters). The prefix lets a person tell a key from a token at a glance, lets secret scanners spot leaked
 * ones, and lets each credential source reject foreign tokens with a string check before touching the store.
 *
 * Only the SHA-256 digest is stored. A slow password hash is not needed: 256 random bits cannot be guessed or
 * brute-forced from a leaked digest, and a fast digest keeps the lookup on every request cheap. Lookup is an
 * exact match on the digest through a unique index, so no early-exit comparison of the secret itself ever runs.
 */
import { createHash, randomBytes } from 'node:crypto';

export type SecretKind = 'staff' | 'company' | 'participant' | 'invitation';

const PREFIX: Record<SecretKind, string> = { staff: 'zms_', company: 'zmk_', participant: 'zmp_', invitation: 'zmi_' };
const SECRET_BYTES = 32;
/** base64url of 32 bytes, without padding. */
const BODY_LENGTH = 43;
const FORMAT = Object.fromEntries(
  Object.entries(PREFIX).map(([kind, prefix]) => [kind, new RegExp(`^${prefix}[A-Za-z0-9_-]{${BODY_LENGTH}}$`)]),
) as Record<SecretKind, RegExp>;
/** Characters of the secret kept in clear as a label (kind prefix + 8 characters = 48 of the 256 bits). */
const SHOWN_LENGTH = 12;

export interface IssuedSecret {
  /** The secret itself: shown to the caller once, never stored. */
  secret: string;
  /** Hex SHA-256 of the secret: what is stored and looked up. */
  hash: string;
  /** The first characters, safe to store and list, so a person can tell their keys apart. */
  shown: string;
}

export function issueSecret(kind: SecretKind): IssuedSecret {
  const secret = PREFIX[kind] + randomBytes(SECRET_BYTES).toString('base64url');
  return { secret, hash: hashSecret(secret), shown: secret.slice(0, SHOWN_LENGTH) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** True when `token` has the exact shape of a secret of this kind; anything else is not ours to look up. */
export function looksLike(kind: SecretKind, token: string): boolean {
  return token.startsWith(PREFIX[kind]) && FORMAT[kind].test(token);
}
