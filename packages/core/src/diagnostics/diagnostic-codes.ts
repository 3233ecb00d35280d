/**
 * Every diagnostic code Tracery reports, with its default severity and a one-line meaning.
 * Codes are kebab-case and stable: scripts and suppressions refer to them.
 */
export const DIAGNOSTIC_CODES = {
  'yaml-syntax': { severity: 'error', summary: 'the file is not valid YAML or JSON' },
  'duplicate-key': { severity: 'error', summary: 'a key is written twice in one map' },
  'yaml-alias-limit': {
    severity: 'error',
    summary: 'the file expands too many YAML aliases (an alias bomb)',
  },
  'yaml-version': {
    severity: 'error',
    summary: 'a %YAML directive asks for a YAML version other than 1.2, which Tracery reads',
  },
  'yaml-too-deep': { severity: 'error', summary: 'the file nests maps and lists deeper than the limit' },
  'forbidden-key': {
    severity: 'error',
    summary: 'a key such as __proto__ or constructor that could pollute objects',
  },
  'file-too-large': { severity: 'error', summary: 'the file is over the size limit' },
  'file-empty': { severity: 'warning', summary: 'the file holds nothing' },
  'no-model-files': { severity: 'warning', summary: 'no file matches the model globs of tracery.yaml' },
  'file-binary': { severity: 'error', summary: 'the file holds binary data, not text' },
  'invalid-encoding': { severity: 'error', summary: 'the file is not valid UTF-8' },
  'symlink-outside-repository': {
    severity: 'error',
    summary: 'a symbolic link points outside the repository',
  },
  'file-not-regular': {
    severity: 'error',
    summary: 'the path is a FIFO, socket or device, not a regular file',
  },
  'file-unreadable': { severity: 'error', summary: 'the file could not be read' },
  'invalid-file-shape': {
    severity: 'error',
    summary: 'the file is not a map with elements and relations lists',
  },
  'invalid-config': { severity: 'error', summary: 'tracery.yaml does not match its schema' },
  'invalid-extension': {
    severity: 'error',
    summary: 'a metamodel extension names an unknown kind or clashes with one',
  },
  'missing-field': { severity: 'error', summary: 'a required field is missing' },
  'unknown-kind': { severity: 'error', summary: 'an element has a kind the metamodel does not define' },
  'unknown-field': { severity: 'error', summary: 'an element has a field that its kind does not define' },
  'unknown-relation': {
    severity: 'error',
    summary: 'an element names a relation the metamodel does not define',
  },
  'invalid-value': { severity: 'error', summary: 'a field has a value of the wrong type' },
  'duplicate-id': { severity: 'error', summary: 'two elements share one id' },
  'dangling-reference': { severity: 'error', summary: 'a relation points to an element that does not exist' },
  'relation-not-allowed': {
    severity: 'error',
    summary: 'the relation type does not allow these kinds at its ends',
  },
  'unsafe-id': {
    severity: 'error',
    summary: 'an id has a character outside the safe set (ids become file names and URLs)',
  },
  'control-character': {
    severity: 'error',
    summary: 'a name or text holds a control character (ESC, NUL, BEL ...); warnings in free text',
  },
  'id-pattern': { severity: 'error', summary: "an id does not match its kind's pattern" },
  'partof-cycle': { severity: 'error', summary: 'elements are part of each other in a cycle' },
  'duplicate-relation': { severity: 'warning', summary: 'one relation is written in two places' },
  'relation-conflict': {
    severity: 'warning',
    summary: 'one relation is written twice with different attributes',
  },
  'coverage-policy': {
    severity: 'error',
    summary: 'the coverage policy names a kind or relation the metamodel does not define',
  },
  'junit-doctype': {
    severity: 'error',
    summary: 'a JUnit report declares a DOCTYPE or entities (refused: entity bombs)',
  },
  'junit-syntax': { severity: 'error', summary: 'a JUnit report is not well-formed XML' },
  'junit-shape': { severity: 'error', summary: 'an XML file has no <testsuites> or <testsuite> element' },
  'results-empty': {
    severity: 'error',
    summary: 'a results file holds no test (a crashed test run); results.problems can make it a warning',
  },
  'junit-count-mismatch': {
    severity: 'warning',
    summary: "a JUnit suite header's tests= or failures= disagrees with the test cases it holds",
  },
  'junit-todo': {
    severity: 'warning',
    summary:
      'jest-junit todo tests cannot be told from tests that passed in under a millisecond (all read as not run)',
  },
  'junit-timestamp': {
    severity: 'warning',
    summary: 'a JUnit report timestamp is not an ISO date and time (the file time orders it)',
  },
  'junit-unmatched': { severity: 'info', summary: 'a JUnit result links to no TestCase' },
  'invalid-comment': { severity: 'error', summary: 'a review comment does not match the comment schema' },
  'comment-unknown-artefact': {
    severity: 'error',
    summary: 'a review comment names an artefact that is not an Artefact of the model',
  },
  'comment-unknown-status': {
    severity: 'error',
    summary: "a review comment's status is not one of tracery.yaml's comments.statuses",
  },
  'comment-element-missing': {
    severity: 'warning',
    summary: 'a review comment is about an element that is no longer in the model',
  },
  'duplicate-comment-id': { severity: 'error', summary: 'two review comments share one id' },
  'spreadsheet-missing-column': {
    severity: 'error',
    summary: 'a spreadsheet has no column for a field that its mapping needs',
  },
  'spreadsheet-bad-cell': {
    severity: 'error',
    summary: 'a spreadsheet cell holds a value its mapping cannot read',
  },
  'spreadsheet-bad-row': { severity: 'error', summary: 'a spreadsheet row does not make a valid element' },
  'bad-usage': { severity: 'error', summary: 'a command was given arguments or options it cannot use' },
  'unknown-id': {
    severity: 'error',
    summary: 'a command or query names an element, change request or decision the model does not hold',
  },
  'repository-unreadable': {
    severity: 'error',
    summary: 'the folder is not a repository (no readable tracery.yaml) or could not be read',
  },
} as const;

/** A diagnostic code from {@link DIAGNOSTIC_CODES}, or a code that a plugin or rule adds. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES | (string & {});
