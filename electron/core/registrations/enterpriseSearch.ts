// The enterprises an individual can be linked to: enterprise registrations on this kiosk that no
// later record replaced and whose data is still here, found by name or credit code.
import type { EnterpriseChoice } from '../../../shared/domain/enterpriseChoice';
import { normalizeCreditCode, normalizeText } from '../../../shared/validation';
import type { SqliteDatabase } from '../db/open';

/** At most this many choices are offered; the operator narrows the search instead of scrolling. */
export const ENTERPRISE_CHOICES_LIMIT = 20;

const SEARCH_SQL = `
  SELECT r.id AS id, r.number AS number, r.created_at AS createdAt,
         json_extract(r.payload, '$.enterpriseName') AS enterpriseName,
         json_extract(r.payload, '$.creditCode') AS creditCode
  FROM registrations r
  WHERE r.kind = 'enterprise'
    AND r.purged_at IS NULL
    AND r.withdrawal_reason IS NULL
    AND NOT EXISTS (SELECT 1 FROM registrations s WHERE s.supersedes = r.id)
    AND (? = '' OR instr(json_extract(r.payload, '$.enterpriseName'), ?) > 0
                OR instr(json_extract(r.payload, '$.creditCode'), ?) > 0)
  ORDER BY r.created_at DESC, r.id DESC
  LIMIT ?`;

export function findEnterprises(sqlite: SqliteDatabase, query: string): EnterpriseChoice[] {
  const name = normalizeText(query);
  const code = normalizeCreditCode(query);
  const rows = sqlite.prepare(SEARCH_SQL).all(name, name, code, ENTERPRISE_CHOICES_LIMIT) as Array<
    Omit<EnterpriseChoice, 'enterpriseName' | 'creditCode'> & { enterpriseName: string | null; creditCode: string | null }
  >;
  return rows.map((row) => ({ ...row, enterpriseName: row.enterpriseName ?? '', creditCode: row.creditCode ?? '' }));
}
