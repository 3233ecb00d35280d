import { commentStatuses, DEFAULT_COMMENT_STATUSES } from '@tracery/core/advanced';
import { CommentFileSchema, commentFileJsonSchema } from '@tracery/core/schemas';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';

const ajv = new Ajv2020({ strict: false, allErrors: true });

const file = (comment: Record<string, unknown>) => ({
  artefact: 'MHHSP-IF-021',
  round: 'T1',
  comments: [
    {
      id: 'IF021-T1-001',
      organisation: 'Supplier A',
      constituency: 'Large Supplier',
      text: 'Say which period the first message covers.',
      status: 'Accepted',
      ...comment,
    },
  ],
});

describe('commentFileJsonSchema', () => {
  const validate = ajv.compile(commentFileJsonSchema(DEFAULT_COMMENT_STATUSES));

  test('accepts a comment file the loader accepts, with every optional field', () => {
    const good = file({
      element: 'IF-021',
      section: '3.2',
      date: '2022-02-14',
      response: 'Agreed.',
      resolution: { changeRequest: 'CR-001', commit: 'abc123', version: '1.1' },
      illustrative: false,
    });
    expect(CommentFileSchema.safeParse(good).success).toBe(true);
    expect(validate(good)).toBe(true);
  });

  test('rejects what the loader rejects: an unknown field, a missing organisation, a bad date, an unknown status', () => {
    expect(validate(file({ organization: 'typo' }))).toBe(false);
    const { organisation: _o, ...withoutOrganisation } = file({}).comments[0] as Record<string, unknown>;
    expect(validate({ ...file({}), comments: [withoutOrganisation] })).toBe(false);
    expect(validate(file({ date: '14/02/2022' }))).toBe(false);
    expect(validate(file({ status: 'Acepted' }))).toBe(false);
    expect(validate({ ...file({}), reviewer: 'x' })).toBe(false);
  });

  test("offers the repository's statuses and their aliases, as the loader accepts them", () => {
    const statuses = commentStatuses({
      files: [],
      statuses: [{ name: 'Agreed', aliases: ['OK'], blocksBaseline: false }],
    });
    const custom = ajv.compile(commentFileJsonSchema(statuses));
    expect(custom(file({ status: 'Agreed' }))).toBe(true);
    expect(custom(file({ status: 'OK' }))).toBe(true);
    expect(custom(file({ status: 'Accepted' }))).toBe(false);
    expect(validate(file({ status: 'Clarification' }))).toBe(true);
  });
});
