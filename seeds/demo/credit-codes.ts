/**
 * Unified social credit codes for fictional companies, shaped like real ones from the zone so they look right
 * on a profile page and pass the same check-character validation as real input:
 *
 *   9 1 | 110302 or 110115 | organisation code (8 + GB 11714 check) | GB 32100 check
 *
 * "91" = registered by market regulation, enterprise. 110302 is the division code companies registered in the
 * Beijing Economic-Technological Development Area carry, 110115 that of Daxing district around it. Since 2015
 * new organisation codes start with "MA"; older companies keep numeric ones.
 */
import { creditCodeCheckChar } from '../../server/domain/companies/credit-code.js';
import type { Rng } from './random.js';

/** Characters allowed in the body of a unified code (no I, O, S, V, Z). */
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of an 8-character organisation code body. */
function organisationCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body.charAt(i);
    const value = ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 55; // A = 10 … Z = 35
    sum += value * (ORG_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

function organisationBody(founded: number, rng: Rng): string {
  if (founded < 2015) {
    let digits = String(rng.int(1, 9));
    for (let i = 0; i < 7; i++) digits += String(rng.int(0, 9));
    return digits;
  }
  let body = 'MA0';
  body += rng.pick(['0', '1', '2', '4', '7', '9', 'A', 'C', 'D', 'E', 'F', 'G']);
  for (let i = 0; i < 4; i++) body += CODE_CHARS.charAt(rng.int(0, CODE_CHARS.length - 1));
  return body;
}

/** A valid code for a company founded in `founded`; the caller keeps codes unique (see CreditCodeRegistry). */
export function makeCreditCode(founded: number, rng: Rng): string {
  const region = rng.chance(0.7) ? '110302' : '110115';
  const body = organisationBody(founded, rng);
  const first17 = `91${region}${body}${organisationCheck(body)}`;
  return first17 + creditCodeCheckChar(first17);
}

/** Hands out codes that are unique within one dataset. */
export class CreditCodeRegistry {
  private readonly used = new Set<string>();

  next(founded: number, rng: Rng): string {
    for (;;) {
      const code = makeCreditCode(founded, rng);
      if (!this.used.has(code)) {
        this.used.add(code);
        return code;
      }
    }
  }
}
