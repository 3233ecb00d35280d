import { BP001 } from './diagram-bp001.js';
import { BP004 } from './diagram-bp004.js';
import { BP018 } from './diagram-bp018.js';
import type { DiagramSpec } from './diagram-spec.js';

/** The MHHS example's diagrams, in file order. */
export const MHHS_DIAGRAMS: readonly DiagramSpec[] = [BP001, BP004, BP018];
