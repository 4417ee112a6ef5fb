/**
 * The bootstrap administrator token. Production sets ADMIN_TOKEN (config refuses MongoDB without it). In embedded
 * mode an unset ADMIN_TOKEN is generated once and kept in DATA_DIR/admin-token (mode 0600), so restarts keep
 * working with the same token and nothing secret is printed to logs — only where to find it.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface AdminTokenResult {
  token: string;
  /** Where a generated token is stored; undefined when it came from ADMIN_TOKEN. */
  file: string | undefined;
  generated: boolean;
}

export function resolveAdminToken(configured: string | undefined, dataDir: string): AdminTokenResult {
  if (configured) return { token: configured, file: undefined, generated: false };
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim();
    if (token.length >= 24) return { token, file, generated: false };
  }
  mkdirSync(dataDir, { recursive: true });
  const token = randomBytes(32).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { token, file, generated: true };
}
