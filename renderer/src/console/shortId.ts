// Batch ids are UUIDv7; the console shows the last eight characters, enough to tell batches apart.
export function shortId(id: string): string {
  return id.slice(-8);
}
