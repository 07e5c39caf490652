import type { ResourceRecord } from '../privacy/resource-entries';
import type { ViolationRecord } from '../privacy/violations';
import type { DetectOptions, EngineInfo, LoadOptions, Observation } from './types';

/** Messages from the page to the vision worker. */
export type VisionRequest =
  | { id: number; type: 'load'; options: Omit<LoadOptions, 'signal'> }
  | { id: number; type: 'detect'; frame: ImageBitmap; options: Omit<DetectOptions, 'signal'> }
  | { id: number; type: 'recogniser' }
  | { id: number; type: 'cancel' }
  | { id: number; type: 'audit' };

/** Messages from the vision worker to the page. */
export type VisionResponse =
  | { id: number; type: 'loaded'; info: EngineInfo }
  | { id: number; type: 'observed'; observation: Observation }
  | { id: number; type: 'audited'; requests: ResourceRecord[]; violations: ViolationRecord[] }
  | { id: number; type: 'failed'; kind: string; message: string };
