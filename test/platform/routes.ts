// Every route the reference platform serves. The server's table is typed by this list (nothing
// missing, nothing extra) and the OpenAPI test checks docs/sync-protocol.yaml against it.
export const routeKeys = [
  'POST /v1/enrolments',
  'POST /v1/batches',
  'GET /v1/records',
  'GET /v1/agreements',
  'POST /v1/heartbeat',
  'GET /v1/admin/records',
  'GET /v1/admin/withdrawals',
  'GET /v1/admin/heartbeats',
  'POST /v1/admin/enrolment-codes',
  'POST /v1/admin/agreements',
  'GET /v1/admin/faults',
  'PUT /v1/admin/faults',
] as const;
export type RouteKey = (typeof routeKeys)[number];
