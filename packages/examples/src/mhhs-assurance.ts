import { join, relative } from 'node:path';
import { bpmnNotationRules, bpmnSourceLoader } from '@tracery/bpmn';
import {
  checkRepository,
  defaultRules,
  defineRule,
  type Element,
  failsCheck,
  loadRepository,
  type RuleContext,
} from '@tracery/core';
import { writeFileAtomic } from '@tracery/core/advanced';
import {
  renderFindingsJunit,
  renderFindingsMarkdown,
  renderFindingsText,
  renderSarif,
} from '@tracery/core/render';

// The MHHS design assurance run, as the Design Authority's analysts write it: the default rules plus
// two of the programme's design principles as rules of their own, using only @tracery/core.

/** Routing data: a header block (S0, S1, A0, D0, M0), or an item that only header blocks hold. */
function isRoutingData(context: RuleContext<unknown>, data: Element): boolean {
  if (data.kind === 'DataEntity') return data.attributes.blockType === 'header';
  const blocks = context.related(data.id, 'partOf').map((id) => context.model.getElement(id));
  return blocks.length > 0 && blocks.every((block) => block.attributes.blockType === 'header');
}

/** DP-03: the DIP is stateless. Nothing has it holding or using business data, directly or in a step it performs. */
export const dipIsStateless = defineRule({
  id: 'dp-03-dip-stateless',
  severity: 'error',
  description:
    'DP-03: the DIP holds and uses no business data, only the header blocks it routes messages on.',
  kinds: ['Service'],
  check(context) {
    for (const dip of context.elements()) {
      if (!context.related(dip.id, 'governedBy').includes('DP-03')) continue;
      const steps = context.related(dip.id, 'performs');
      const holders = [dip.id, ...steps];
      for (const holder of holders) {
        for (const name of ['uses', 'hasPart'] as const) {
          for (const id of context.related(holder, name)) {
            const data = context.model.getElement(id);
            if ((data.kind !== 'DataEntity' && data.kind !== 'DataItem') || isRoutingData(context, data))
              continue;
            const [source, target] = name === 'uses' ? [holder, id] : [id, holder];
            const type = name === 'uses' ? 'uses' : 'partOf';
            const at = context.model.originOfRelation({ type, source, target });
            context.report({
              elementId: dip.id,
              message: `${holder === dip.id ? dip.id : `${holder}, performed by ${dip.id},`} ${name === 'uses' ? 'uses' : 'holds'} ${id} "${data.name}", which is business data: DP-03 keeps the DIP stateless. Keep the data with the service that owns it.`,
              ...(at ? { source: at } : {}),
            });
          }
        }
      }
    }
  },
});

/** The data a receiver of an interface uses: its own, that of the steps it performs, and for a step, its performers'. */
function usedBy(context: RuleContext<unknown>, receiver: string): Set<string> {
  const users = [
    receiver,
    ...context.related(receiver, 'performedBy'),
    ...context.related(receiver, 'performs'),
  ];
  const used = new Set<string>();
  for (const user of users)
    for (const id of context.related(user, 'uses')) {
      used.add(id);
      for (const part of context.related(id, 'hasPart')) used.add(part);
    }
  return used;
}

/**
 * DP-11: an interface passes only the data its process needs. It carries whole blocks; a single item
 * carried on its own must be used by one of the interface's receivers.
 */
export const interfacePassesOnlyUsedData = defineRule({
  id: 'dp-11-only-used-data',
  severity: 'warning',
  description:
    'DP-11: every data item an interface carries on its own (outside a block) is used by one of its receivers.',
  kinds: ['Interface'],
  check(context) {
    for (const spec of context.elements()) {
      const receivers = context.related(spec.id, 'receivedBy');
      if (receivers.length === 0) continue; // interface-without-receiver reports it
      const used = new Set(receivers.flatMap((r) => [...usedBy(context, r)]));
      for (const id of context.related(spec.id, 'carries')) {
        const data = context.model.getElement(id);
        if (data.kind !== 'DataItem' || isRoutingData(context, data) || used.has(id)) continue;
        context.report({
          elementId: spec.id,
          message: `${spec.id} carries ${id} "${data.name}" on its own, but none of its receivers (${receivers.join(', ')}) uses it: DP-11 says an interface passes only the data its process needs. Drop it, or record which receiver uses it.`,
        });
      }
    }
  },
});

/**
 * Runs the MHHS design assurance: loads the repository, checks it with the default rules and the two
 * principle rules, prints the findings by file, writes SARIF, JUnit XML and Markdown to `out`, and
 * returns the exit code CI would use (1 when there is an error finding).
 */
export async function runAssurance(repository: string, out: string): Promise<number> {
  const loaded = await loadRepository(repository, { loaders: [bpmnSourceLoader()] });
  const report = await checkRepository(loaded, {
    rules: [...defaultRules(), ...bpmnNotationRules(), dipIsStateless, interfacePassesOnlyUsedData],
  });
  process.stdout.write(renderFindingsText(report));
  const uriPrefix = relative(process.cwd(), loaded.root).split('\\').join('/');
  await writeFileAtomic(join(out, 'assurance.sarif'), renderSarif(report, { uriPrefix }));
  await writeFileAtomic(join(out, 'assurance-junit.xml'), renderFindingsJunit(report));
  await writeFileAtomic(
    join(out, 'assurance.md'),
    renderFindingsMarkdown(report, { title: 'MHHS design assurance' }),
  );
  return failsCheck(report, 'error') ? 1 : 0;
}

// Run as a script (`node dist/mhhs-assurance.js [repository]`). Matched by file name, not import.meta.url:
// the build bundles this module into run-mhhs.js too, where it must not run on import.
if (/mhhs-assurance\.[jt]s$/.test(process.argv[1] ?? '')) {
  const repository = process.argv[2] ?? join(import.meta.dirname, '..', 'mhhs');
  process.exitCode = await runAssurance(repository, join(repository, 'out'));
}
