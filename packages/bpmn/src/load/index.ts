export { type BpmnSourceLoaderOptions, bpmnSourceLoader } from './bpmn-source-loader.js';
export { type JoinDiagramOptions, type JoinedDiagram, joinDiagram } from './join-diagram.js';
