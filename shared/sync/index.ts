// The sync protocol's wire schemas (docs/sync-protocol.md, docs/sync-protocol.yaml).
export * from './wire';
export * from './record';
export * from './batch';
export * from './enrolment';
export * from './agreements';
export * from './heartbeat';
export * from './lookup';
export * from './reasons';
export * from './admin';
export * from './withdrawal';
