#!/usr/bin/env node
// The ReqIF conformance run over ../shared/corpora/reqif (or the folder given): every file imports
// without an error, with one element per SPEC-OBJECT (counted independently by Python's XML parser),
// and its model exports to a file that xmllint validates against the ReqIF 1.2 schema and that imports
// back to the same elements and relations. A missing corpus fails the run; it never skips.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultMetamodel, Model } from '@tracery/core';
import { canonicalModel } from '@tracery/core/advanced';
import { exportReqif, importReqif, validateWithXmllint } from '@tracery/reqif';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = process.argv[2] ?? join(here, '..', '..', '..', '..', 'shared', 'corpora', 'reqif');
if (!existsSync(join(corpus, 'files')) || !existsSync(join(corpus, 'schema', 'reqif.xsd'))) {
  console.error(
    `reqif conformance: no corpus at ${corpus} (expected files/ and schema/reqif.xsd); it is required here.`,
  );
  process.exit(1);
}
const schema = {
  schemaDir: join(corpus, 'schema'),
  xmlXsd: join(here, '..', 'test', 'fixtures', 'schema-addons', 'xml.xsd'),
};
const files = (await readdir(join(corpus, 'files'), { recursive: true }))
  .filter((f) => /\.reqifz?$/i.test(f))
  .sort();
const work = await mkdtemp(join(tmpdir(), 'tracery-reqif-conformance-'));
const metamodel = defaultMetamodel();
let passed = 0;
let failed = 0;
const modelOf = (mapped) => {
  const model = new Model(metamodel);
  for (const e of mapped.elements) model.addElement(e);
  for (const r of mapped.relations) model.addRelation(r);
  return model;
};
for (const [i, file] of files.entries()) {
  const path = join(corpus, 'files', file);
  const problems = [];
  const expected = Number(
    execFileSync('python3', [join(here, 'count-spec-objects.py'), path])
      .toString()
      .trim(),
  );
  const imported = importReqif(await readFile(path), { file, metamodel });
  const errors = imported.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) problems.push(`import errors: ${errors.map((d) => d.message).join(' | ')}`);
  if (imported.mapped.elements.length !== expected)
    problems.push(`${imported.mapped.elements.length} elements for ${expected} SPEC-OBJECTs`);
  const model = modelOf(imported.mapped);
  const out = join(work, `export-${i}.reqif`);
  await writeFile(out, exportReqif(model, { time: '2026-01-01T00:00:00Z', title: file }));
  const [validity] = await validateWithXmllint([out], schema);
  if (!validity.valid)
    problems.push(`export does not validate: ${validity.output.split('\n').slice(0, 3).join(' | ')}`);
  const back = importReqif(await readFile(out), { file: relative(work, out), metamodel });
  const [a, b] = [canonicalModel(model), canonicalModel(modelOf(back.mapped))];
  if (JSON.stringify(a) !== JSON.stringify(b)) problems.push('export -> import does not give the same model');
  if (problems.length === 0) passed++;
  else failed++;
  console.log(
    `${problems.length === 0 ? 'ok  ' : 'FAIL'} ${file}: ${expected} SPEC-OBJECTs, ${imported.mapped.elements.length} elements, ${imported.mapped.relations.length} relations${problems.length ? `\n       ${problems.join('\n       ')}` : ''}`,
  );
}
await rm(work, { recursive: true, force: true });
console.log(`reqif conformance: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
