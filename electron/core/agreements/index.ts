// The agreement importer's public surface.
export { canonicalText, sha256Hex } from './canonical';
export { decodeAgreement, type DecodedAgreement } from './decode';
export { AgreementImportError, type AgreementErrorCode } from './errors';
export { importAgreement, type ImportOptions } from './import';
export { outline } from './outline';
export type {
  AgreementDocument,
  AgreementEncoding,
  AgreementFormat,
  AgreementSection,
  ImportResult,
  ImportWarning,
  ImportWarningCode,
} from './types';
