/**
 * Text fields as the product stores them: NFC-normalised (so 「贴片」 typed on different systems compares equal),
 * trimmed, and length-limited after normalisation. Every free-text field in a request goes through these.
 */
import { z } from 'zod';

/** A required single-line or multi-line text of at most `max` characters after NFC + trim. */
export function text(max: number, min = 1) {
  return z
    .string()
    .max(max * 2, `must be at most ${max} characters`)
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`).max(max, `must be at most ${max} characters`));
}

/** A list of short labels (tags, certifications): each normalised, duplicates dropped, order kept. */
export function labels(maxItems: number, maxLength: number) {
  return z
    .array(text(maxLength))
    .max(maxItems, `must have at most ${maxItems} items`)
    .transform((items) => [...new Set(items)]);
}

/** A stored document id (24 hex characters). */
export const objectId = z.string().regex(/^[0-9a-f]{24}$/, 'must be a 24-character hexadecimal id');
