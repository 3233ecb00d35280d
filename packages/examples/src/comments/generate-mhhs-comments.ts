import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Comment, commentFilePath } from '@tracery/core/advanced';
import { renderCommentFile } from '@tracery/core/render';
import { TRANCHE1_COMMENT_COUNTS, TRANCHE1_CONSTITUENCIES, TRANCHE1_STATUSES } from './tranche1-figures.js';

/** The MHHS example repository. */
export const MHHS_FOLDER = fileURLToPath(new URL('../../mhhs', import.meta.url));

type Slot = { readonly constituency: string; readonly organisation: string };

/**
 * For one status, the commenter of each of its comments on each artefact: the artefacts' counts and the
 * constituencies' counts are both met by filling them in order (the "north-west corner" of a table whose
 * rows and columns add up to the same total), and a constituency's comments go round its organisations.
 */
function commentersOf(status: number): Map<string, Slot[]> {
  const supply = TRANCHE1_CONSTITUENCIES.map((c) => ({ ...c, left: c.counts[status]!, next: 0 }));
  const out = new Map<string, Slot[]>();
  let at = 0;
  for (const [artefact, counts] of Object.entries(TRANCHE1_COMMENT_COUNTS)) {
    const slots: Slot[] = [];
    for (let n = counts[status]!; n > 0; n--) {
      while (supply[at]!.left === 0) at++;
      const c = supply[at]!;
      c.left--;
      slots.push({
        constituency: c.constituency,
        organisation: c.organisations[c.next++ % c.organisations.length]!,
      });
    }
    out.set(artefact, slots);
  }
  return out;
}

const TOPICS = [
  'the trigger of the first step',
  'the timing of the response',
  'the handling of a rejected message',
  'the data items of the header',
  'the wording of the scope',
  'the exception path',
  'the frequency of the message',
  'the validation rules',
  'the retention of the data',
  'the definitions in the glossary',
];

const RESPONSES: Readonly<Record<string, string>> = {
  Accepted: 'Accepted; the artefact is updated.',
  Action: 'Action taken forward by the design team; answered in the re-issue.',
  Rejected: 'Rejected; the design stays as it is, as explained at the working group.',
  'Requires further clarification': 'Clarification asked of the reviewer; answered in the re-issue.',
};

function shortId(artefact: string): string {
  return artefact.replace(/^MHHSP-/, '').replace('-', '');
}

function day(index: number): string {
  // An illustrative review window: 14 February to 11 March 2022.
  const date = new Date(Date.UTC(2022, 1, 14 + (index % 26)));
  return date.toISOString().slice(0, 10);
}

/** The comments of one Tranche 1 artefact, statuses interleaved the way a log mixes them. */
export function tranche1Comments(artefact: string, commenters: readonly Map<string, Slot[]>[]): Comment[] {
  const rows = TRANCHE1_STATUSES.flatMap((status, s) =>
    (commenters[s]!.get(artefact) ?? []).map((slot, i) => ({ status, slot, order: i * 4 + s })),
  );
  rows.sort((a, b) => a.order - b.order);
  const element = artefact.startsWith('MHHSP-IF-') ? artefact.slice('MHHSP-'.length) : undefined;
  return rows.map(({ status, slot }, i): Comment => {
    const n = String(i + 1).padStart(3, '0');
    const topic = TOPICS[(i * 7) % TOPICS.length]!;
    const resolved = status === 'Action' || status === 'Requires further clarification';
    return {
      id: `${shortId(artefact)}-T1-${n}`,
      artefact,
      round: 'T1',
      ...(element && i % 3 === 0 ? { element } : {}),
      section: `${1 + (i % 6)}.${1 + (i % 4)}`,
      organisation: slot.organisation,
      constituency: slot.constituency,
      date: day(i),
      text: `Illustrative comment on ${topic} (the DAG pack gives the count of this comment, not its text).`,
      status,
      response: RESPONSES[status]!,
      ...(resolved ? { resolution: { version: '1.0' } } : {}),
      illustrative: true,
    };
  });
}

/**
 * Writes the MHHS example's Tranche 1 review comments into mhhs/comments/<artefact>/T1.yaml: 707 comments
 * whose counts per artefact and status are the DAG pack's, with illustrative text and commenters.
 * Run it after changing the figures: `pnpm --filter @tracery/examples build && node packages/examples/dist/comments/generate-mhhs-comments.js`.
 */
export async function generateMhhsComments(folder = MHHS_FOLDER): Promise<string[]> {
  const commenters = TRANCHE1_STATUSES.map((_, s) => commentersOf(s));
  await rm(join(folder, 'comments'), { recursive: true, force: true });
  const written: string[] = [];
  for (const artefact of Object.keys(TRANCHE1_COMMENT_COUNTS)) {
    const path = join(folder, commentFilePath(artefact, 'T1'));
    await mkdir(dirname(path), { recursive: true });
    const file = commentFilePath(artefact, 'T1');
    await writeFile(path, renderCommentFile(artefact, 'T1', tranche1Comments(artefact, commenters), file));
    written.push(path);
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const path of await generateMhhsComments()) process.stdout.write(`wrote ${path}\n`);
}
