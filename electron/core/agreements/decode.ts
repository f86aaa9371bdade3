// Turns the bytes of an agreement file into text. UTF-8 (with or without BOM) is tried first and
// strictly, then GB18030 (a superset of GBK) strictly; a text that decodes but reads as mojibake is
// refused too, so a wrong guess can never slip through as garbage.
import { AgreementImportError } from './errors';
import { findGarbling } from './garble';
import type { AgreementEncoding } from './types';

export interface DecodedAgreement {
  /** The decoded text, BOM removed, otherwise exactly as in the file. */
  text: string;
  encoding: AgreementEncoding;
}

const utf8Bom = [0xef, 0xbb, 0xbf];

export function decodeAgreement(bytes: Uint8Array): DecodedAgreement {
  const decoded = decodeStrictly(bytes);
  const garbling = findGarbling(decoded.text);
  if (garbling) throw new AgreementImportError('agreement_garbled', garbling.line);
  return decoded;
}

function decodeStrictly(bytes: Uint8Array): DecodedAgreement {
  const hasBom = utf8Bom.every((byte, index) => bytes[index] === byte);
  if (hasBom) {
    // A BOM declares UTF-8; if the rest is not UTF-8 the file is broken, not GBK.
    const text = tryDecode('utf-8', bytes.subarray(utf8Bom.length));
    if (text === null) throw new AgreementImportError('agreement_encoding');
    return { text, encoding: 'utf-8-bom' };
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const gb18030 = tryDecode('gb18030', bytes);
  if (gb18030 !== null) return { text: gb18030, encoding: 'gb18030' };
  throw new AgreementImportError('agreement_encoding');
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
