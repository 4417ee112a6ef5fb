/**
 * Text encoding of uploaded files. Excel on a Chinese Windows saves "CSV" in the ANSI code page (GBK), "CSV UTF-8"
 * with a byte-order mark, and other tools plain UTF-8; users cannot be expected to know which they have. Rules:
 * a UTF-8 BOM means UTF-8 (the BOM is dropped); bytes that are valid UTF-8 are UTF-8; anything else is decoded as
 * GB18030, the superset of GBK and GB2312 (and of the ASCII both share with UTF-8).
 *
 * GBK text that happens to be valid UTF-8 as well is possible in theory but needs unusual byte pairs; for
 * real Chinese text of more than a few characters it does not happen, which is why strict UTF-8 is tried first.
 */
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/** Decodes an uploaded file's bytes by the rules above. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (hasUtf8Bom(bytes)) return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8' };
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'), encoding: 'gb18030' };
  }
}
