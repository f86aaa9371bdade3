// Item 1: what one registration costs to save — the real core.registrations.submit (every check,
// the signed consent snapshot, one BEGIN IMMEDIATE transaction with synchronous=FULL) — against
// the least any durable store can do: one row with the same bytes, inserted into a database opened
// the same way (encrypted, WAL, synchronous=FULL) on the same disk, alternating with the submits.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { signText } from '../../electron/core/consent/ed25519';
import { checkSignatureImage } from '../../electron/core/consent/signatureImage';
import { openEncryptedDatabase } from '../../electron/core/db/open';
import { benchKioskWithAccounts } from './kiosk';
import { samplePairs, sampleAsync, sampleSync, type Runs } from './measure';
import type { BenchResults } from './report';
import { blocksOf, rateSummary, ratio, summarize } from './stats';
import type { WorkDir } from './workdir';

export interface SubmitSizes {
  pairs: Runs;
  api: Runs;
  parts: Runs;
}

export const submitSizes = (quick: boolean): SubmitSizes =>
  quick
    ? { pairs: { warmup: 10, iterations: 60 }, api: { warmup: 5, iterations: 30 }, parts: { warmup: 20, iterations: 100 } }
    : { pairs: { warmup: 30, iterations: 400 }, api: { warmup: 10, iterations: 150 }, parts: { warmup: 50, iterations: 400 } };

const SECTION = 'submit';

export async function benchSubmit(work: WorkDir, results: BenchResults, sizes: SubmitSizes): Promise<void> {
  const kioskDir = work.folder('submit');
  const kiosk = await benchKioskWithAccounts(kioskDir);
  const rawDb = openEncryptedDatabase(join(work.folder('raw-insert'), 'raw.db'), randomBytes(32));
  try {
    rawDb.exec('CREATE TABLE raw_records (id INTEGER PRIMARY KEY, body BLOB NOT NULL) STRICT');
    const insert = rawDb.prepare('INSERT INTO raw_records (body) VALUES (?)');
    const rawInsert = rawDb.transaction((body: Buffer) => insert.run(body));

    const count = sizes.pairs.warmup + sizes.pairs.iterations;
    const submissions = kiosk.submissions(count);
    // The same bytes: everything the screen handed over for the registration, signature image included.
    const bodies = submissions.map(({ input }) => Buffer.from(JSON.stringify(input), 'utf8'));
    const { a: submitMs, b: rawMs } = samplePairs(
      sizes.pairs,
      (i) => kiosk.core.registrations.submit(submissions[i]!.parsed, kiosk.operatorId, 'zh-CN'),
      (i) => rawInsert.immediate(bodies[i]!),
    );
    const submit = summarize(submitMs);
    const raw = summarize(rawMs);
    results.metric('submit.core', SECTION, 'core.registrations.submit: checks + signed snapshot + 1 durable tx', submit, 'ms');
    results.metric('submit.raw_insert', SECTION, 'baseline: 1-row durable insert of the same bytes', raw, 'ms');
    results.metric('submit.rate', SECTION, 'sequential submits per second (blocks of 10)', rateSummary(blocksOf(submitMs, 10)), 'submits/s');
    results.metric('submit.raw_insert_rate', SECTION, 'baseline inserts per second (blocks of 10)', rateSummary(blocksOf(rawMs, 10)), 'inserts/s');
    const bytes = summarize(bodies.map((body) => body.length));
    results.note(`submit: each raw insert stores the submission's JSON as sent by the screen, ${bytes.p50} bytes (signature PNG included).`);
    results.ratio('submit_vs_raw_insert', ratio(submit.p50, raw.p50), 'submit.core p50 / submit.raw_insert p50', { bound: 'max', value: 1.5 });

    // Two things no submit may leave out, each measured alone on the same inputs: the check of the
    // signature image (the registrant's evidence is refused unless it decodes and holds a signature)
    // and the Ed25519 signature over a snapshot body (a key of its own: the cost does not depend on
    // which key). With the raw insert they bound from below what a submit can cost.
    const png = Buffer.from(submissions[0]!.input.signing.signaturePng, 'base64');
    const imageMs = sampleSync(sizes.parts, () => {
      if (!checkSignatureImage(png).ok) throw new Error('the bench signature image is refused');
    });
    const body = kiosk.core.database.sqlite.prepare('SELECT body FROM consent_snapshots ORDER BY seq DESC LIMIT 1').pluck().get() as string;
    const { privateKey } = generateKeyPairSync('ed25519');
    const signMs = sampleSync(sizes.parts, () => signText(privateKey, body));
    const image = summarize(imageMs);
    const sign = summarize(signMs);
    results.metric('submit.image_check', SECTION, `part: checkSignatureImage of the same ${png.length}-byte PNG`, image, 'ms');
    results.metric('submit.sign', SECTION, `part: Ed25519 signature over a ${Buffer.byteLength(body)}-byte snapshot body`, sign, 'ms');
    results.ratio(
      'least_submit_vs_raw_insert',
      ratio(raw.p50 + image.p50 + sign.p50, raw.p50),
      '(submit.raw_insert + submit.image_check + submit.sign) p50 / submit.raw_insert p50: the least a submit that checks and signs can reach',
    );

    // The whole API call as the loopback host and IPC make it: zod parse, session and role, output check.
    const apiInputs = kiosk.submissions(sizes.api.warmup + sizes.api.iterations).map(({ input }) => input);
    const apiMs = await sampleAsync(sizes.api, async (i) => {
      const result = await kiosk.core.dispatch('registrations.submit', apiInputs[i], kiosk.operator);
      if (!result.ok) throw new Error(`registrations.submit refused: ${result.error.code}`);
    });
    results.metric('submit.api', SECTION, 'dispatch(registrations.submit): + contract parse, session, output check', summarize(apiMs), 'ms');
  } finally {
    rawDb.close();
    kiosk.close();
    work.removeAll();
  }
}
