// The agreements the app ships with, read from resources/agreements. Tests use it to check the
// importer against real content; the importer itself never touches the file system.
import { readFileSync } from 'node:fs';

export const shippedAgreementFiles = [
  '000_29596858888244fe.txt',
  '001_1d621e8857804fde.txt',
  '003_4cc989eeb61686f8.txt',
] as const;

export type ShippedAgreementFile = (typeof shippedAgreementFiles)[number];

export function readShippedAgreement(name: ShippedAgreementFile): Uint8Array {
  return readFileSync(new URL(`../../../resources/agreements/${name}`, import.meta.url));
}
