// Design assurance of the MHHS example in a script: the answers `tracery impact` and `tracery check` give.
import { openRepository } from '@tracery/core';

const repo = await openRepository(process.argv[2] ?? new URL('../mhhs', import.meta.url).pathname);
if (!repo.ok) throw new Error(`${repo.root} did not load cleanly: run tracery validate`);

// What a change to DI-0023 (the GSP Group ID) impacts, and who must act.
const impact = await repo.impact(['DI-0023']);
console.log(`DI-0023 impacts ${impact.impacted.length} elements`);
console.log(`parties that must act: ${impact.parties.map((p) => p.id).join(', ')}`);

// Change request CR001: the documents to re-issue, the tests to re-run, the estimate.
const cr = repo.assess('CR001');
console.log(`CR001 re-issues ${cr.artefactsToReissue.length} documents, ${cr.estimate?.days} days`);
console.log(`CR001 re-runs ${cr.testsToRerun.map((t) => t.id).join(', ')}`);

// The design assurance rules, as tracery check runs them; an error fails the script.
const { findings } = await repo.check();
const errors = findings.filter((f) => f.severity === 'error');
for (const f of errors) console.log(`${f.rule} ${f.elementId}: ${f.message}`);
process.exitCode = errors.length > 0 ? 1 : 0;
