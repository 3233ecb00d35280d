import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where the OpenFastTrace jar is fetched to (ignored by git, beside the benchmark results). */
export const OFT_JAR_DIR = resolve('.bench', 'openfasttrace');

/**
 * The pom that fetches the jar: beside this module when it runs from source, else found by walking up
 * from the built bundle (dist/bench/...) to the package's src/bench/openfasttrace/.
 */
async function findPom(): Promise<string> {
  const exists = (path: string) =>
    access(path).then(
      () => true,
      () => false,
    );
  const beside = join(import.meta.dirname, 'pom.xml');
  if (await exists(beside)) return beside;
  for (let dir = import.meta.dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'src', 'bench', 'openfasttrace', 'pom.xml');
    if (await exists(candidate)) return candidate;
  }
  throw new Error(
    `the OpenFastTrace pom (src/bench/openfasttrace/pom.xml) was not found above ${import.meta.dirname}.`,
  );
}

/**
 * The path of the OpenFastTrace command-line jar, fetched from Maven Central with `mvn dependency:copy`
 * through the pom beside this file when it is not there yet. Needs Java 17 and Maven.
 */
export async function openFastTraceJar(dir = OFT_JAR_DIR): Promise<string> {
  const jar = join(dir, 'openfasttrace.jar');
  const present = await access(jar).then(
    () => true,
    () => false,
  );
  if (present) return jar;
  const pomPath = await findPom();
  await run(
    'mvn',
    ['-B', '-q', '-f', pomPath, `-Dopenfasttrace.dir=${dir}`, 'dependency:copy@fetch-openfasttrace'],
    {
      maxBuffer: 16 << 20,
    },
  );
  return jar;
}

/** What one OpenFastTrace run gave: wall time, peak RSS (when GNU time is there), defects per artifact type and by id. */
export type OftRun = {
  readonly ms: number;
  readonly maxRssKb: number;
  readonly defects: Readonly<Record<string, number>>;
  /** The ids of the defect items (`req~r000001~1`), as OpenFastTrace lists them. */
  readonly defectIds: readonly string[];
};

/**
 * Runs `java -jar openfasttrace.jar trace` on a folder, listing only the defect items, and counts them
 * per artifact type. Wall time and peak RSS come from GNU time around the JVM, when it is installed.
 */
export async function runOpenFastTrace(jar: string, dir: string): Promise<OftRun> {
  const args = ['-jar', jar, 'trace', '-v', 'FAILURES', '-c', 'BLACK_AND_WHITE', dir];
  const timed = await access('/usr/bin/time').then(
    () => true,
    () => false,
  );
  const start = performance.now();
  const result = await run(
    timed ? '/usr/bin/time' : 'java',
    timed ? ['-f', 'oft-rss-kb %M', 'java', ...args] : args,
    {
      maxBuffer: 256 << 20,
    },
  ).catch((error: { stdout?: string; stderr?: string; code?: number }) => {
    // OpenFastTrace exits 1 when it finds defects: that is a result, not a failure.
    if (error.code === 1 && error.stdout !== undefined)
      return { stdout: error.stdout, stderr: error.stderr ?? '' };
    throw error;
  });
  const ms = performance.now() - start;
  const rss = /oft-rss-kb (\d+)/.exec(result.stderr);
  const defects: Record<string, number> = {};
  const defectIds: string[] = [];
  for (const line of result.stdout.split('\n')) {
    const id = /^([A-Za-z]+)~\S+~\d+$/.exec(line.trim());
    if (!id) continue;
    defects[id[1]!] = (defects[id[1]!] ?? 0) + 1;
    defectIds.push(id[0]);
  }
  return { ms, maxRssKb: rss ? Number(rss[1]) : -1, defects, defectIds };
}
