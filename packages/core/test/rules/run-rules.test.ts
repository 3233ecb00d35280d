import { defaultMetamodel, defaultRules, defineRule, InvalidArgumentError, Model } from '@tracery/core';
import { acceptedFindingsYaml, findingFingerprint, RuleRegistry, runRules } from '@tracery/core/advanced';
import { RulesConfigSchema, TraceryConfigSchema } from '@tracery/core/schemas';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

// A small design with two known problems: IF-048 has no receiver, EES is linked to nothing.
function design(): Model {
  const model = new Model(defaultMetamodel());
  const add = (id: string, kind: string, name: string, attributes = {}) =>
    model.addElement({ id, kind, name, description: `${name}.`, attributes });
  add('REGS', 'Service', 'Registration Service');
  add('EES', 'Service', 'Electricity Enquiry Service');
  add('IF-048', 'Interface', 'Smart Meter Configuration Update', {
    trigger: 'a meter is configured',
    frequency: 'on change',
    channel: 'DIP',
  });
  add('MB-B040', 'DataEntity', 'Meter Technical Details');
  model.addRelation({ type: 'sends', source: 'REGS', target: 'IF-048', attributes: {} });
  model.addRelation({ type: 'carries', source: 'IF-048', target: 'MB-B040', attributes: {} });
  return model;
}

const config = (rules: unknown) => TraceryConfigSchema.parse({ name: 'test', rules });
const summary = (report: ReturnType<typeof runRules>) =>
  report.findings.map((f) => `${f.severity} ${f.rule} ${f.elementId ?? ''}`.trim());

describe('runRules', () => {
  test('runs the default rules and reports each finding once, sorted', () => {
    expect(summary(runRules({ model: design() }))).toEqual([
      'error interface-without-receiver IF-048',
      'warning orphan-element EES',
    ]);
  });

  test.each([
    [
      'a severity override',
      { severity: { 'orphan-element': 'info' } },
      ['error interface-without-receiver IF-048', 'info orphan-element EES'],
    ],
    ['a rule turned off', { off: ['orphan-element'] }, ['error interface-without-receiver IF-048']],
    [
      'rule options',
      { options: { 'orphan-element': { ignoreKinds: ['Service'] } } },
      ['error interface-without-receiver IF-048'],
    ],
  ])('applies %s from tracery.yaml', (_name, rules, expected) => {
    expect(summary(runRules({ model: design(), config: config(rules) }))).toEqual(expected);
  });

  test('a suppression moves the finding aside with its reason; one that matches nothing is reported', () => {
    const report = runRules({
      model: design(),
      config: config({
        suppressions: [
          { rule: 'orphan-element', element: 'EES', reason: 'outside MHHS; linked once IF-050 is modelled' },
          { rule: 'orphan-element', element: 'REGS', reason: 'stale' },
        ],
      }),
    });
    expect(report.suppressed.map((f) => [f.rule, f.elementId, f.suppression])).toEqual([
      ['orphan-element', 'EES', { kind: 'config', reason: 'outside MHHS; linked once IF-050 is modelled' }],
    ]);
    expect(summary(report)).toEqual([
      'error interface-without-receiver IF-048',
      'warning unused-suppression REGS',
    ]);
    expect(report.counts).toEqual({ error: 1, warning: 1, info: 0, suppressed: 1 });
  });

  test('a suppression without a reason is refused by the config schema', () => {
    const parsed = RulesConfigSchema.safeParse({
      suppressions: [{ rule: 'orphan-element', element: 'EES', reason: ' ' }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/needs a reason/);
  });

  test('an unknown rule id and wrong options are findings, with a guess at the id', () => {
    const report = runRules({
      model: design(),
      config: config({
        off: ['orphan-elements'],
        options: { 'orphan-element': { ignoreKind: ['Service'] } },
      }),
    });
    const messages = report.findings
      .filter((f) => f.rule !== 'interface-without-receiver')
      .map((f) => [f.rule, f.severity, f.message]);
    expect(messages).toEqual([
      ['invalid-rule-options', 'error', expect.stringContaining('rules.options.orphan-element')],
      ['unknown-rule', 'warning', expect.stringContaining('did you mean "orphan-element"?')],
    ]);
    expect(report.rules.find((r) => r.id === 'orphan-element')?.enabled).toBe(false);
  });

  test('a rule that throws becomes an internal-error finding and the other rules still run', () => {
    const broken = defineRule({
      id: 'broken-rule',
      severity: 'warning',
      description: 'Throws.',
      check() {
        throw new RangeError('index out of range');
      },
    });
    const report = runRules({ model: design() }, { rules: [...defaultRules(), broken] });
    expect(summary(report)).toEqual([
      'error interface-without-receiver IF-048',
      'error internal-error',
      'warning orphan-element EES',
    ]);
    expect(report.findings[1]?.message).toContain(
      'rule "broken-rule" crashed (RangeError: index out of range)',
    );
  });

  test('accepted findings are set aside; an accepted finding that no longer occurs is reported', () => {
    const first = runRules({ model: design() });
    const file = parse(acceptedFindingsYaml(first.findings, 'legacy design, reviewed 2025-01')) as {
      accepted: { fingerprint: string; rule: string; message: string; reason: string }[];
    };
    expect(file.accepted.map((a) => a.rule)).toEqual(['interface-without-receiver', 'orphan-element']);
    const gone = { ...file.accepted[0]!, fingerprint: '0123456789abcdef' };
    const again = runRules({ model: design() }, { accepted: [file.accepted[1]!, gone] });
    expect(again.suppressed.map((f) => [f.rule, f.suppression.kind])).toEqual([
      ['orphan-element', 'accepted'],
    ]);
    expect(summary(again)).toEqual([
      'error interface-without-receiver IF-048',
      'info stale-accepted-finding IF-048',
    ]);
  });

  test('load diagnostics become findings of the rule with their code, and follow its settings', () => {
    const diagnostic = {
      code: 'dangling-reference',
      severity: 'error' as const,
      message: 'IF-048 receivedBy SUPP: no element has the id "SUPP"',
      elementId: 'IF-048',
      source: { file: 'model/a.yaml', line: 3, column: 5 },
    };
    const yamlSyntax = {
      code: 'yaml-syntax',
      severity: 'error' as const,
      message: 'bad',
      source: { file: 'model/b.yaml', line: 1, column: 1 },
    };
    const withWarning = runRules({
      model: new Model(defaultMetamodel()),
      diagnostics: [diagnostic, yamlSyntax],
      config: config({ severity: { 'dangling-reference': 'warning' } }),
    });
    expect(summary(withWarning)).toEqual(['warning dangling-reference IF-048', 'error yaml-syntax']);
    const off = runRules({
      model: new Model(defaultMetamodel()),
      diagnostics: [diagnostic],
      config: config({ off: ['dangling-reference'] }),
    });
    expect(off.findings).toEqual([]);
  });

  test('a user rule is a few typed lines, and sees its options and the relations of an element', () => {
    const noDraft = defineRule({
      id: 'interface-needs-version',
      severity: 'info',
      description: 'Interfaces sent by a service have a version.',
      kinds: ['Interface'],
      check(context) {
        for (const element of context.elements())
          if (context.related(element.id, 'sentBy').length > 0 && element.attributes.version === undefined)
            context.report({ elementId: element.id, message: `${element.id} has no version` });
      },
    });
    expect(summary(runRules({ model: design() }, { rules: [noDraft] }))).toEqual([
      'info interface-needs-version IF-048',
    ]);
  });
});

describe('rule definitions', () => {
  test('an id must be kebab-case, and a registry takes an id once', () => {
    expect(() => defineRule({ id: 'No Spaces', severity: 'info', description: 'x' })).toThrow(
      InvalidArgumentError,
    );
    expect(() => new RuleRegistry(defaultRules()).add(defaultRules()[0]!)).toThrow(InvalidArgumentError);
  });

  test('a fingerprint ignores file positions in the message, so moving an element keeps it', () => {
    const a = findingFingerprint(
      'duplicate-id',
      'IF-021',
      'duplicate id "IF-021": also defined at model/a.yaml:2:5',
    );
    const b = findingFingerprint(
      'duplicate-id',
      'IF-021',
      'duplicate id "IF-021": also defined at model/a.yaml:40:5',
    );
    expect(a).toBe(b);
    expect(a).not.toBe(
      findingFingerprint('duplicate-id', 'IF-022', 'duplicate id "IF-021": also defined at model/a.yaml:2:5'),
    );
  });
});
