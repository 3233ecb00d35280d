import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fileTree, hostileRepo, removeHostileRepos } from './hostile-repo.js';
import type { HostileRun, HostileRunReport } from './run-cases.js';

// Issue 12: every class of hostile input, given to the real CLI, gives a clear positioned error and
// exit 1, changes no file, and stays bounded in memory and time. All cases run one after another in
// ONE child process whose heap is capped (HEAP_MIB): an input that expanded without bound would end
// that process (out of memory) instead of giving its diagnostic. Its peak resident memory over the
// hostile cases is compared with its peak after the same commands on clean input (the warm-up), and
// a hang is caught by the guard on the child (a guard against a process that never ends, not a
// speed test: speed is measured in the benchmarks).

const HEAP_MIB = 160;
/** How much the hostile cases may raise the peak RSS over the warm-up's: far below any expansion. */
const GROWTH_MIB = 96;
const HANG_GUARD_MS = 240_000;

const DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
  <bpmn:collaboration id="C"><bpmn:participant id="Pool" name="BP006 Billing" processRef="P" /></bpmn:collaboration>
  <bpmn:process id="P"><bpmn:task id="Bill" name="Bill the day" /></bpmn:process>
</bpmn:definitions>
`;
const GOOD_RESULTS = '<testsuite name="s" tests="1"><testcase name="[TC-1] a" classname="c"/></testsuite>\n';
const TESTS = 'elements:\n  - { id: TC-1, kind: TestCase, name: A test }\n';

/** Ten aliases, each of ten of the one before: 10^9 values if expanded. */
const ALIAS_BOMB = `a: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 8 }, (_, i) => {
  const [name, before] = [String.fromCharCode(98 + i), String.fromCharCode(97 + i)];
  return `${name}: &${name} [${Array(10).fill(`*${before}`).join(', ')}]`;
}).join('\n')}\nelements: []\n`;
const MERGE_BOMB = `base: &m {k: v}\n${Array.from(
  { length: 8 },
  (_, i) =>
    `m${i}: &m${i}\n  <<: [${Array(10)
      .fill(i === 0 ? '*m' : `*m${i - 1}`)
      .join(', ')}]`,
).join('\n')}\nelements: []\n`;
const ENTITY_BOMB = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
${Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 2} "${`&lol${i + 1};`.repeat(10)}">`).join('\n')}]>
<testsuite name="s"><testcase name="[TC-1] a" classname="c"><failure message="&lol9;"/></testcase></testsuite>
`;
const XXE = `<?xml version="1.0"?>
<!DOCTYPE t [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<testsuite name="s"><testcase name="[TC-1] a" classname="c"><failure message="&xxe;"/></testcase></testsuite>
`;
const BPMN_XXE = DIAGRAM.replace(
  '<bpmn:definitions',
  '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<bpmn:definitions',
).replace('Bill the day', '&xxe;');
const BPMN_BOMB = DIAGRAM.replace(
  '<bpmn:definitions',
  `<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">${Array.from(
    { length: 8 },
    (_, i) => `<!ENTITY a${i} "${`&a${i === 0 ? '' : i - 1};`.repeat(10)}">`,
  ).join('')}]>\n<bpmn:definitions`,
).replace('Bill the day', '&a7;');

/** A model file over the default 10 MiB limit: only comments, so reading it would be harmless but slow. */
const HUGE = `elements: []\n${'# padding the file past the limit ...........................\n'.repeat(180_000)}`;

type Case = {
  readonly name: string;
  /** Files written over the base repository. */
  readonly files?: Readonly<Record<string, string | Uint8Array>>;
  /** What else the case puts in the repository (a FIFO, a socket, a link). */
  readonly setup?: (repo: string) => Promise<void>;
  /** The command, given the repository. */
  readonly args?: (repo: string) => string[];
  /** The positioned error it must print: the file, then `:line:column: error <code>`. */
  readonly file: string;
  readonly code: string;
  /** True when the model itself fails to load: then not even the parsed-file cache may be written. */
  readonly loadError: boolean;
};

const validate = (repo: string) => ['validate', repo];
const traceReport = (repo: string) => ['trace', 'report', repo];
const importWrite = (repo: string) => [
  ...['import', 'bpmn', join(repo, 'diagrams/hostile.bpmn')],
  ...['--repo', repo, '--write'],
];
const sockets: Server[] = [];

const CASES: readonly Case[] = [
  {
    name: 'a YAML alias bomb',
    files: { 'model/h.yaml': ALIAS_BOMB },
    file: 'model/h.yaml',
    code: 'yaml-alias-limit',
    loadError: true,
  },
  {
    name: 'a YAML merge-key bomb',
    files: { 'model/h.yaml': MERGE_BOMB },
    file: 'model/h.yaml',
    code: 'yaml-alias-limit',
    loadError: true,
  },
  {
    name: 'a __proto__ key',
    files: {
      'model/h.yaml':
        'elements:\n  - id: P-1\n    kind: Service\n    name: p\n    __proto__: {polluted: true}\n',
    },
    file: 'model/h.yaml',
    code: 'forbidden-key',
    loadError: true,
  },
  {
    name: 'a constructor key',
    files: {
      'model/h.yaml':
        'elements:\n  - id: P-1\n    kind: Service\n    name: p\n    constructor: {prototype: {polluted: true}}\n',
    },
    file: 'model/h.yaml',
    code: 'forbidden-key',
    loadError: true,
  },
  {
    name: 'a UTF-16 file with its byte order mark',
    files: { 'model/h.yaml': Buffer.from('\ufeffelements: []\n', 'utf16le') },
    file: 'model/h.yaml',
    code: 'invalid-encoding',
    loadError: true,
  },
  {
    name: 'mixed encodings: Latin-1 bytes in a UTF-8 file',
    files: {
      'model/h.yaml': Buffer.concat([
        Buffer.from(
          'elements:\n  - { id: P-1, kind: Service, name: "café" }\n  - { id: P-2, kind: Service, name: "caf',
        ),
        Buffer.from([0xe9]),
        Buffer.from('" }\n'),
      ]),
    },
    file: 'model/h.yaml',
    code: 'invalid-encoding',
    loadError: true,
  },
  {
    name: 'a NUL byte',
    files: { 'model/h.yaml': 'elements: []\n\0\n' },
    file: 'model/h.yaml',
    code: 'file-binary',
    loadError: true,
  },
  {
    name: 'a file over the 10 MiB limit',
    files: { 'model/h.yaml': HUGE },
    file: 'model/h.yaml',
    code: 'file-too-large',
    loadError: true,
  },
  {
    name: 'flow lists 10,000 levels deep',
    files: { 'model/h.yaml': `elements: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n` },
    file: 'model/h.yaml',
    code: 'yaml-too-deep',
    loadError: true,
  },
  {
    name: 'a compact list 10,000 levels deep',
    files: { 'model/h.yaml': `elements:\n  ${'- '.repeat(10_000)}x\n` },
    file: 'model/h.yaml',
    code: 'yaml-too-deep',
    loadError: true,
  },
  {
    name: 'tracery.yaml 10,000 levels deep',
    files: { 'tracery.yaml': `name: x\ndescription: ${'{a: '.repeat(10_000)}b${'}'.repeat(10_000)}\n` },
    file: 'tracery.yaml',
    code: 'yaml-too-deep',
    loadError: true,
  },
  {
    name: 'a duplicate key',
    files: { 'model/h.yaml': 'elements:\n  - id: P-1\n    kind: Service\n    name: a\n    name: b\n' },
    file: 'model/h.yaml',
    code: 'duplicate-key',
    loadError: true,
  },
  {
    name: 'a FIFO in model/',
    setup: async (repo) => void execFileSync('mkfifo', [join(repo, 'model', 'h.yaml')]),
    file: 'model/h.yaml',
    code: 'file-not-regular',
    loadError: true,
  },
  {
    name: 'a socket in model/',
    setup: async (repo) => {
      const server = createServer();
      sockets.push(server);
      await new Promise<void>((done) => server.listen(join(repo, 'model', 'h.yaml'), done));
    },
    file: 'model/h.yaml',
    code: 'file-not-regular',
    loadError: true,
  },
  {
    name: 'a link out of the repository',
    setup: async (repo) => symlink('/etc/passwd', join(repo, 'model', 'h.yaml')),
    file: 'model/h.yaml',
    code: 'symlink-outside-repository',
    loadError: true,
  },
  {
    name: 'an id that is a path out (../../etc/passwd)',
    files: { 'model/h.yaml': 'elements:\n  - { id: "../../etc/passwd", kind: Service, name: p }\n' },
    file: 'model/h.yaml',
    code: 'unsafe-id',
    loadError: true,
  },
  {
    name: 'a name with terminal escapes',
    files: { 'model/h.yaml': 'elements:\n  - { id: P-1, kind: Service, name: "p\\e[2J\\e]0;pwned\\a" }\n' },
    file: 'model/h.yaml',
    code: 'control-character',
    loadError: true,
  },
  {
    name: 'a FIFO in results/',
    files: { 'model/tests.yaml': TESTS },
    setup: async (repo) => {
      await mkdir(join(repo, 'results'));
      execFileSync('mkfifo', [join(repo, 'results', 'run.xml')]);
    },
    args: traceReport,
    file: 'results/run.xml',
    code: 'file-not-regular',
    loadError: false,
  },
  ...(
    [
      ['a JUnit entity bomb', ENTITY_BOMB, 'junit-doctype'],
      ['a JUnit external entity (XXE)', XXE, 'junit-doctype'],
      ['a truncated JUnit report', GOOD_RESULTS.slice(0, 50), 'junit-syntax'],
      ['an empty JUnit report', '', 'results-empty'],
      ['a JUnit report in UTF-16', Buffer.from(`\ufeff${GOOD_RESULTS}`, 'utf16le'), 'invalid-encoding'],
    ] as const
  ).map(
    ([name, xml, code]): Case => ({
      name,
      files: { 'model/tests.yaml': TESTS, 'results/run.xml': xml },
      args: traceReport,
      file: 'results/run.xml',
      code,
      loadError: false,
    }),
  ),
  ...(
    [
      ['a BPMN external entity (XXE)', BPMN_XXE, 'bpmn-doctype-refused'],
      ['a BPMN entity bomb', BPMN_BOMB, 'bpmn-doctype-refused'],
      ['a truncated BPMN diagram', DIAGRAM.slice(0, DIAGRAM.length - 40), 'bpmn-malformed-xml'],
    ] as const
  ).map(
    ([name, xml, code]): Case => ({
      name,
      files: { 'diagrams/hostile.bpmn': xml },
      args: importWrite,
      file: 'diagrams/hostile.bpmn',
      code,
      loadError: false,
    }),
  ),
];

/** Commands on clean input, run first so that the hostile cases are measured against a warm process. */
async function warmUp(): Promise<HostileRun[]> {
  const clean = await hostileRepo({
    'model/tests.yaml': TESTS,
    'results/run.xml': GOOD_RESULTS,
    'diagrams/good.bpmn': DIAGRAM,
  });
  const runs = (args: string[]) => ({ name: `warm-up ${args[0]} ${args[1]}`, args });
  return [
    runs(['validate', clean]),
    runs(['trace', 'report', clean]),
    runs(['import', 'bpmn', join(clean, 'diagrams/good.bpmn'), '--repo', clean, '--write']),
    runs(['validate', clean]),
  ];
}

const repos = new Map<string, string>();
const before = new Map<string, Record<string, string>>();
let report: HostileRunReport;

/** Runs the list in one child process with a capped heap; rejects if it does not end in time. */
async function runChild(list: readonly HostileRun[], warm: number): Promise<HostileRunReport> {
  const dir = await mkdtemp(join(tmpdir(), 'tracery-hostile-runs-'));
  const [listFile, reportFile, progressFile] = ['list.json', 'report.json', 'progress'].map((f) =>
    join(dir, f),
  );
  await writeFile(listFile!, JSON.stringify(list));
  const tsx = createRequire(import.meta.url).resolve('tsx/esm');
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${HEAP_MIB}`,
      ...['--import', tsx, '--conditions=tracery-source'],
      join(import.meta.dirname, 'run-cases.ts'),
      ...[listFile!, reportFile!, progressFile!, String(warm)],
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const guard = setTimeout(() => child.kill('SIGKILL'), HANG_GUARD_MS);
  const status = await new Promise<string>((done) =>
    child.on('close', (code, signal) => done(`code ${code}, signal ${signal}`)),
  );
  clearTimeout(guard);
  try {
    const text = await readFile(reportFile!, 'utf8').catch(() => undefined);
    if (text === undefined) {
      const last = await readFile(progressFile!, 'utf8').catch(() => '(none)');
      throw new Error(`the child ended (${status}) without a report; last case started: ${last}\n${stderr}`);
    }
    return JSON.parse(text) as HostileRunReport;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  const warm = await warmUp();
  const list: HostileRun[] = [...warm];
  for (const c of CASES) {
    const repo = await hostileRepo(c.files ?? {});
    await c.setup?.(repo);
    repos.set(c.name, repo);
    before.set(c.name, await fileTree(repo, { withCache: c.loadError }));
    list.push({ name: c.name, args: (c.args ?? validate)(repo) });
  }
  report = await runChild(list, warm.length);
}, HANG_GUARD_MS + 60_000);

afterAll(async () => {
  for (const server of sockets.splice(0)) server.close();
  await removeHostileRepos();
});

describe('hostile input through the real CLI: refused, positioned, bounded, nothing changed', () => {
  test('the clean warm-up runs succeed (so the figures below are measured against working commands)', () => {
    expect(report.runs.slice(0, 4).map((r) => [r.name, r.code])).toEqual(
      report.runs.slice(0, 4).map((r) => [r.name, 0]),
    );
  });

  test.each(CASES)('$name: exit 1 with "$file:line:col: error $code"', async (c) => {
    const run = report.runs.find((r) => r.name === c.name);
    expect(run, `no run named ${c.name}`).toBeDefined();
    const printed = `${run!.out}${run!.err}`;
    expect(printed).not.toContain('internal error');
    expect(run!.code).toBe(1);
    const file = c.file.replaceAll('.', '\\.').replaceAll('/', '\\/');
    expect(printed).toMatch(new RegExp(`${file}:[1-9]\\d*:[1-9]\\d*: error ${c.code}: `));
    expect(printed).not.toMatch(/root:x:0:0/);
    // A results file is not told it is a model file.
    if (!c.file.startsWith('model/')) expect(printed).not.toContain('model file');
  });

  test.each(CASES)(
    '$name: no file changed (the parsed-file cache too, when the model failed to load)',
    async (c) => {
      const repo = repos.get(c.name)!;
      expect(await fileTree(repo, { withCache: c.loadError })).toEqual(before.get(c.name));
    },
  );

  test(`memory stays bounded: a ${HEAP_MIB} MiB heap held every case, and the peak grew by less than ${GROWTH_MIB} MiB over clean input`, () => {
    expect(report.runs).toHaveLength(4 + CASES.length);
    expect(report.warmPeakKib).toBeGreaterThan(0);
    expect(report.peakKib - report.warmPeakKib).toBeLessThan(GROWTH_MIB * 1024);
  });

  test('no case polluted Object.prototype in the process that ran them', () => {
    expect(report.prototypeClean).toBe(true);
  });
});
