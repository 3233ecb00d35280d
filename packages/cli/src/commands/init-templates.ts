/** The files `tracery init` writes, by repository path. The model shows one element of each default kind. */
export function initTemplates(name: string): Readonly<Record<string, string>> {
  return {
    'tracery.yaml': `# yaml-language-server: $schema=.tracery/tracery.schema.json
# The repository's settings. Run \`tracery metamodel\` to see every kind, attribute and relation.
name: ${JSON.stringify(name)}

# Where the design files are (these are the defaults; add bpmn: and results: globs as you need them).
sources:
  model: ['model/**/*.yaml', 'model/**/*.yml', 'model/**/*.json']
  results: ['results/**/*.xml']

# Your own kinds, attributes and id patterns. One id pattern per kind keeps ids consistent:
metamodel:
  idPatterns:
    Requirement: '^REQ-\\d{3}$'
    TestCase: '^TC-\\d{3}$'
`,
    'model/example.yaml': `# yaml-language-server: $schema=../.tracery/model.schema.json
# One element of each default kind, with the relations that join them: change it into your design.
# A relation is written once, on either end: by its name (satisfies) or its inverse (satisfiedBy).
# \`tracery metamodel --kind Interface\` lists what a kind can have.
elements:
  # A TOM service or central system.
  - id: REG
    kind: Service
    name: Registration Service
    description: Holds who supplies each metering point, and tells the other services when that changes.
    shortName: REG
    category: tom-service
    performs: [BP001]
    sends: [IF-001]

  # A market role played by participants.
  - id: SUP
    kind: Role
    name: Supplier
    description: Supplies electricity to customers and starts a change of supplier.
    performs: [BP001-01]
    receives: [IF-001]

  # A business process, usually drawn in BPMN (sources.bpmn), and its steps.
  - id: BP001
    kind: BusinessProcess
    name: Change of supplier
    description: A customer moves to a new supplier.
    governedBy: [DP-01]
    documentedIn: [DOC-BP001]

  - id: BP001-01
    kind: ProcessStep
    name: Supplier registers the new supply
    description: The gaining supplier asks Registration to record it against the metering point.
    stepType: task
    order: 1
    partOf: [BP001]
    sends: [IF-001]
    uses: [DI-0001]

  # A logical interface between participants, and the data it carries.
  - id: IF-001
    kind: Interface
    name: Supply registration notification
    description: Registration confirms the new supplier of a metering point.
    channel: API
    trigger: Registration records a change of supplier
    frequency: On each change of supplier
    carries: [DE-01]
    documentedIn: [DOC-IF001]

  - id: DE-01
    kind: DataEntity
    name: Metering point header
    description: The items that identify a metering point in every message.
    blockType: header

  - id: DI-0001
    kind: DataItem
    name: Metering point identifier
    description: The 13-digit number of a metering point.
    dataType: string
    length: 13
    partOf: [DE-01]

  # A requirement: satisfied by the design, verified by a test.
  - id: REQ-001
    kind: Requirement
    name: Registration records a change of supplier on the day it is requested
    description: A change of supplier is recorded against the metering point on the day the supplier asks.
    priority: must
    requirementType: functional
    satisfiedBy: [BP001-01, IF-001]
    refines: [DP-01]

  - id: DP-01
    kind: Principle
    name: Data is mastered once
    description: Each data item has one master service; others read it from there.
    number: 1

  - id: TC-001
    kind: TestCase
    name: Change of supplier is recorded on the day
    description: Registers a change of supplier and reads it back the same day.
    junit: change-of-supplier.recorded-on-the-day
    testLevel: system
    verifies: [REQ-001]

  # Design documents that specify elements (documentedIn).
  - id: DOC-BP001
    kind: Artefact
    name: Change of supplier process definition
    description: The business process definition of the change of supplier.
    artefactType: BPD
    version: '0.1'

  - id: DOC-IF001
    kind: Artefact
    name: Supply registration interface specification
    description: The interface specification of the supply registration notification.
    artefactType: IF
    version: '0.1'

  # A change request and the decision it answers; its changes seed \`tracery impact --cr CR001\`.
  - id: CR001
    kind: ChangeRequest
    name: Send the notification to the losing supplier too
    description: The losing supplier also needs to know when a change of supplier is registered.
    raised: '2026-01-15'
    raisedBy: Supplier working group
    decision: DEC-001
    option: A
    changes: [IF-001]

  - id: DEC-001
    kind: Decision
    name: Who tells the losing supplier
    description: Whether Registration or the gaining supplier tells the losing supplier of a change.
    governedBy: [DP-01]
`,
    '.gitignore': `# Tracery's cache of parsed files (safe to delete) and generated reports.
.tracery/cache/
out/
`,
    '.github/workflows/tracery.yml': `# Design checks on every change: validate the files, run the assurance rules (findings in the
# Security tab through SARIF), and fail when requirement coverage drops under 80%.
name: tracery
on: [push, pull_request]
permissions:
  contents: read
  security-events: write
jobs:
  design:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm install -g @tracery/cli
      - run: tracery validate .
      - run: tracery check . --format sarif --out tracery.sarif
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        with:
          sarif_file: tracery.sarif
      - run: tracery trace report . --fail-under 80
`,
  };
}
