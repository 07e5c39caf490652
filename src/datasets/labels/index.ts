/** Label parsers for dataset import: detection, UTKFace names, FairFace CSVs, generic CSVs, identity folders. */
export * from './types';
export * from './age-bands';
export * from './csv';
export * from './paths';
export * from './values';
export * from './column-mapping';
export * from './fairface';
export * from './utkface';
export * from './identity-folders';
export * from './detect';
