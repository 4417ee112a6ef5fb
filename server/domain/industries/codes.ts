/**
 * Industry codes in requests: GB/T 4754-2017 codes such as "C3982". Input is folded (trim, upper case) and must
 * name a node the taxonomy knows; an unknown code is a 400 with the field path, never silently dropped.
 */
import { z } from 'zod';
import { isKnownIndustry } from '../../../matcher/taxonomy/industries.js';

export const industryCode = z
  .string()
  .max(8, 'must be a GB/T 4754-2017 code such as C3982')
  .transform((s) => s.trim().toUpperCase())
  .refine(isKnownIndustry, { message: 'is not a GB/T 4754-2017 industry code (see GET /api/v1/industries)' });

export function industryCodes(maxItems: number) {
  return z
    .array(industryCode)
    .max(maxItems, `must have at most ${maxItems} codes`)
    .transform((codes) => [...new Set(codes)]);
}
