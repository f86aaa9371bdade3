// The little of PouchDB and express-pouchdb the benchmark uses (neither ships its own types).
declare module 'pouchdb' {
  interface ReplicationResult {
    ok: boolean;
    docs_written: number;
    doc_write_failures: number;
  }
  interface Replication extends Promise<ReplicationResult> {
    on(event: 'change', listener: (info: { docs_written: number }) => void): this;
  }
  interface Database {
    bulkDocs(docs: object[]): Promise<Array<{ ok?: boolean; error?: string }>>;
    info(): Promise<{ doc_count: number }>;
    close(): Promise<void>;
    replicate: { to(target: Database, options?: { batch_size?: number; batches_limit?: number }): Replication };
  }
  interface PouchDBStatic {
    new (name: string): Database;
    defaults(options: { prefix: string }): PouchDBStatic;
  }
  const PouchDB: PouchDBStatic;
  export default PouchDB;
}

declare module 'express-pouchdb' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  import type PouchDB from 'pouchdb';
  function expressPouchDB(
    pouch: typeof PouchDB,
    options: { mode: 'minimumForPouchDB' | 'fullCouchDB'; logPath?: string; configPath?: string },
  ): (req: IncomingMessage, res: ServerResponse) => void;
  export default expressPouchDB;
}
