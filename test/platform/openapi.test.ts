// docs/sync-protocol.yaml must describe what the platform serves and the kiosk sends: the same
// routes as the server's table, and for every message the same fields (and required fields) as the
// zod schemas in shared/sync. A field added to one and not the other fails here.
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as sync from '../../shared/sync';
import { routeKeys } from './routes';

type Json = Record<string, unknown>;
const spec = yaml.load(readFileSync(new URL('../../docs/sync-protocol.yaml', import.meta.url), 'utf8')) as Json;
const schemas = (spec.components as Json).schemas as Record<string, Json>;
const methods = ['get', 'put', 'post', 'delete', 'patch'];

const counterparts: Record<string, z.ZodObject> = {
  ErrorResponse: sync.ErrorResponseSchema,
  EnrolmentRequest: sync.EnrolmentRequestSchema,
  EnrolmentResponse: sync.EnrolmentResponseSchema,
  WireSnapshot: sync.WireSnapshotSchema,
  WireRecord: sync.WireRecordSchema,
  WireWithdrawal: sync.WireWithdrawalSchema,
  BatchRequest: sync.BatchRequestSchema,
  RecordError: sync.RecordErrorSchema,
  RecordOutcome: sync.RecordOutcomeSchema,
  ReceiptBody: sync.ReceiptBodySchema,
  SignedReceipt: sync.SignedReceiptSchema,
  BatchResponse: sync.BatchResponseSchema,
  HeldRecord: sync.HeldRecordSchema,
  LookupResponse: sync.LookupResponseSchema,
  AgreementBody: sync.AgreementBodySchema,
  SignedAgreement: sync.SignedAgreementSchema,
  AgreementFeedResponse: sync.AgreementFeedResponseSchema,
  HeartbeatRequest: sync.HeartbeatRequestSchema,
  HeartbeatResponse: sync.HeartbeatResponseSchema,
  AdminRecord: sync.AdminRecordSchema,
  AdminRecordsResponse: sync.AdminRecordsResponseSchema,
  AdminWithdrawal: sync.AdminWithdrawalSchema,
  AdminWithdrawalsResponse: sync.AdminWithdrawalsResponseSchema,
  PublishAgreementRequest: sync.PublishAgreementRequestSchema,
  EnrolmentCodeResponse: sync.EnrolmentCodeResponseSchema,
  FaultsState: sync.FaultsStateSchema,
  SetFaultsRequest: sync.SetFaultsRequestSchema,
};

function refs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => refs(item, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else refs(value, found);
    }
  }
  return found;
}

function resolve(ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Json)[part] : undefined), spec);
}

describe('docs/sync-protocol.yaml', () => {
  it('is OpenAPI 3.1 and every reference resolves', () => {
    expect(spec.openapi).toBe('3.1.0');
    const unresolved = refs(spec).filter((ref) => resolve(ref) === undefined);
    expect(unresolved).toEqual([]);
  });

  it('has exactly the routes the reference platform serves', () => {
    const documented = Object.entries(spec.paths as Record<string, Json>).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => methods.includes(key))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual([...routeKeys].sort());
  });

  it.each(Object.keys(counterparts))('%s has the fields and required fields of its zod schema', (name) => {
    const schema = counterparts[name] as z.ZodObject;
    const documented = schemas[name];
    expect(documented, name).toBeDefined();
    const shape = schema.shape as Record<string, z.ZodType>;
    expect(Object.keys((documented?.properties as Json) ?? {}).sort()).toEqual(Object.keys(shape).sort());
    const required = Object.keys(shape).filter((key) => !shape[key]?.safeParse(undefined).success);
    expect(((documented?.required as string[]) ?? []).slice().sort()).toEqual(required.sort());
  });

  it('lists the same outcomes, error codes and kinds as the schemas', () => {
    const outcome = ((schemas.RecordOutcome?.properties as Json).outcome as Json).enum;
    expect(outcome).toEqual([...sync.outcomes]);
    const error = (((schemas.ErrorResponse?.properties as Json).error as Json).properties as Json).code as Json;
    expect(error.enum).toEqual([...sync.errorCodes]);
  });

  it('puts the server time header on every answer and Retry-After on every 429/500/503', () => {
    for (const [path, item] of Object.entries(spec.paths as Record<string, Json>)) {
      for (const method of Object.keys(item).filter((key) => methods.includes(key))) {
        const responses = (item[method] as Json).responses as Record<string, Json>;
        for (const [status, response] of Object.entries(responses)) {
          const resolved = (typeof response.$ref === 'string' ? resolve(response.$ref) : response) as Json;
          const headers = Object.keys((resolved.headers as Json) ?? {});
          expect(headers, `${method} ${path} ${status}`).toContain('X-Server-Time');
          if (['429', '500', '503'].includes(status)) expect(headers, `${method} ${path} ${status}`).toContain('Retry-After');
        }
      }
    }
  });
});
