/**
 * Public surface of the bias metrics (shared/spec/bias-metrics.md): pure functions, no DOM.
 * Views import from here; the worker client lives in ./all-pairs-client (it needs `Worker`).
 */
export * from './types';
export { buildPairTable, buildPairTableFromSamples, isGenuinePair, listComparisonPairs, toPairTable, UNKNOWN_SUBJECT } from './pair-table';
export type { IndexedScores, SampleLabels } from './pair-table';
export { compareCodePoints, countAtLeast, countBelow, findPairGroup, indexScores } from './score-index';
export type { ScoreIndex, SortedScores } from './score-index';
export { nextUp } from './float';
export * from './rates';
export * from './thresholds';
export * from './summaries';
export * from './report';
export * from './bootstrap';
export * from './distributions';
export * from './random';
export { countPairs, DEFAULT_TILE_ROWS, findPairPosition, packEmbeddings, scoreAllPairs, scoreAllPairsAsync } from './all-pairs';
export type { AllPairsResult, ScoreAllPairsOptions } from './all-pairs';
export { parsePairsCsv, PairsCsvError, REQUIRED_PAIR_COLUMNS, OPTIONAL_PAIR_COLUMNS } from './pairs-csv';
export { formatBiasReportTable } from './format-table';
