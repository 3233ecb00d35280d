/**
 * A large, valid BPMN diagram for benchmarks: one pool per `lanes` group of lanes, a chain of tasks
 * with sequence flows through exclusive gateways, message flows between pools that carry interface
 * ids, data object references, and DI for everything, grown until the text reaches `targetBytes`.
 */
export function largeBpmn(targetBytes: number): string {
  const head = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:tracery="https://tracery.dev/bpmn" id="Definitions_Large" targetNamespace="https://tracery.dev/bench">
`;
  // Each task costs about 640 bytes with its flow, lane reference and shapes; processes hold 200 tasks.
  const tasks = Math.max(10, Math.round(targetBytes / 640));
  const perProcess = 200;
  const processes = Math.ceil(tasks / perProcess);
  const participants: string[] = [];
  const messageFlows: string[] = [];
  const bodies: string[] = [];
  const shapes: string[] = [];
  for (let p = 0; p < processes; p++) {
    const count = Math.min(perProcess, tasks - p * perProcess);
    participants.push(
      `    <bpmn:participant id="Pool_${p}" name="BP${String(100 + p).padStart(3, '0')} Process ${p}" processRef="Process_${p}" />`,
    );
    shapes.push(
      `      <bpmndi:BPMNShape id="Pool_${p}_di" bpmnElement="Pool_${p}" isHorizontal="true"><dc:Bounds x="0" y="${p * 400}" width="${count * 150 + 100}" height="360" /></bpmndi:BPMNShape>`,
    );
    bodies.push(processXml(p, count, shapes));
    if (p > 0)
      messageFlows.push(
        `    <bpmn:messageFlow id="Message_${p}" name="IF-${String(p % 1000).padStart(3, '0')} Handover" sourceRef="Task_${p - 1}_${perProcess - 1}" targetRef="Task_${p}_0" />`,
      );
  }
  return `${head}  <bpmn:collaboration id="Collaboration_1">
${participants.join('\n')}
${messageFlows.join('\n')}
  </bpmn:collaboration>
${bodies.join('\n')}
  <bpmndi:BPMNDiagram id="Diagram_1">
    <bpmndi:BPMNPlane id="Plane_1" bpmnElement="Collaboration_1">
${shapes.join('\n')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

function processXml(p: number, count: number, shapes: string[]): string {
  const lanes = [0, 1].map((l) => {
    const refs = [];
    for (let t = l; t < count; t += 2)
      refs.push(`        <bpmn:flowNodeRef>Task_${p}_${t}</bpmn:flowNodeRef>`);
    return `      <bpmn:lane id="Lane_${p}_${l}" name="${l === 0 ? 'Smart Data Service' : 'Supplier'}">\n${refs.join('\n')}\n      </bpmn:lane>`;
  });
  const nodes: string[] = [];
  for (let t = 0; t < count; t++) {
    const x = 100 + t * 150;
    const y = p * 400 + (t % 2) * 180 + 40;
    nodes.push(`    <bpmn:task id="Task_${p}_${t}" name="Task ${t} of process ${p}">
      <bpmn:documentation>Step ${t}: what the service does at this point of the process.</bpmn:documentation>${t % 10 === 0 ? `\n      <bpmn:dataOutputAssociation id="Assoc_${p}_${t}"><bpmn:targetRef>Data_${p}</bpmn:targetRef></bpmn:dataOutputAssociation>` : ''}
    </bpmn:task>`);
    shapes.push(
      `      <bpmndi:BPMNShape id="Task_${p}_${t}_di" bpmnElement="Task_${p}_${t}"><dc:Bounds x="${x}" y="${y}" width="100" height="80" /></bpmndi:BPMNShape>`,
    );
    if (t > 0) {
      nodes.push(
        `    <bpmn:sequenceFlow id="Flow_${p}_${t}" sourceRef="Task_${p}_${t - 1}" targetRef="Task_${p}_${t}" />`,
      );
      shapes.push(
        `      <bpmndi:BPMNEdge id="Flow_${p}_${t}_di" bpmnElement="Flow_${p}_${t}"><di:waypoint x="${x - 50}" y="${y + 40}" /><di:waypoint x="${x}" y="${y + 40}" /></bpmndi:BPMNEdge>`,
      );
    }
  }
  return `  <bpmn:process id="Process_${p}" isExecutable="false">
    <bpmn:laneSet id="LaneSet_${p}">
${lanes.join('\n')}
    </bpmn:laneSet>
${nodes.join('\n')}
    <bpmn:dataObject id="DataObject_${p}" />
    <bpmn:dataObjectReference id="Data_${p}" name="Consumption Data" dataObjectRef="DataObject_${p}" />
  </bpmn:process>`;
}
