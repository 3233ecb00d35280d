import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

/** What xmllint said of a file: valid or not, and its messages. */
export type XmllintResult = { readonly valid: boolean; readonly output: string };

/**
 * Validates ReqIF files against the ReqIF 1.2 XML Schema with `xmllint` (Debian's libxml2-utils).
 * The schema folder is copied to a temporary folder first and its imports of the XML namespace, which
 * name no file (`schemaLocation=""`), are pointed at `xmlXsd`; the folder given is never changed.
 * Throws when xmllint is not installed, naming the package to install.
 *
 * @example
 * const results = await validateWithXmllint(['out.reqif'], { schemaDir: 'reqif-schema', xmlXsd: 'xml.xsd' });
 */
export async function validateWithXmllint(
  files: readonly string[],
  options: { readonly schemaDir: string; readonly xmlXsd: string },
): Promise<XmllintResult[]> {
  const work = await mkdtemp(join(tmpdir(), 'tracery-reqif-schema-'));
  try {
    await cp(options.schemaDir, work, { recursive: true });
    await cp(options.xmlXsd, join(work, 'xml.xsd'));
    for (const entry of await readdir(work, { recursive: true })) {
      if (!entry.endsWith('.xsd')) continue;
      const path = join(work, entry);
      const text = await readFile(path, 'utf8');
      const location = relative(dirname(path), join(work, 'xml.xsd')).split('\\').join('/');
      const fixed = text.replace(
        /(namespace="http:\/\/www\.w3\.org\/XML\/1998\/namespace"\s+schemaLocation=)""/g,
        `$1"${location}"`,
      );
      if (fixed !== text) await writeFile(path, fixed);
    }
    const results: XmllintResult[] = [];
    for (const file of files) results.push(await run(join(work, 'reqif.xsd'), file));
    return results;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function run(schema: string, file: string): Promise<XmllintResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'xmllint',
      ['--noout', '--schema', schema, file],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(
            new Error(
              'xmllint is not installed: install it (Debian: apt-get install -y libxml2-utils) to validate ReqIF exports.',
            ),
          );
          return;
        }
        resolve({ valid: !error, output: `${stdout}${stderr}`.trim() });
      },
    );
  });
}
