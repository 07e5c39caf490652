/**
 * Converting between the pack format (datasets/pack-types) and how the store keeps packs
 * (store/types): the store knows samples and metadata; everything else a pack says rides in
 * `details`, so an imported pack can be exported again unchanged.
 */
import { encodePack } from '../datasets/pack';
import type { PackFailure, PackModel, PackPreprocessing, ReferencePack, SampleEstimates } from '../datasets/pack-types';
import { PACK_FORMAT_MARKER, PACK_FORMAT_VERSION } from '../datasets/pack-types';
import type { PackMetadataInput, PackSample as StoredSample, StoredPack } from '../store/types';

interface PackDetails {
  description: string;
  license: string;
  attribution: string;
  model: PackModel;
  labels: string[];
  preprocessing: PackPreprocessing;
  failures: PackFailure[];
}

interface SampleDetails {
  estimates?: SampleEstimates;
  flags?: string[];
  notes?: string[];
  /** Kept so a subject-less sample stays subject-less (the store's `identity` is optional). */
  hasSubject: boolean;
}

/** What `store.packs.put` takes for a pack. */
export function toStoredPackInput(id: string, pack: ReferencePack): { metadata: PackMetadataInput; samples: StoredSample[] } {
  const details: PackDetails = {
    description: pack.description, license: pack.license, attribution: pack.attribution,
    model: pack.model, labels: pack.labels, preprocessing: pack.preprocessing, failures: pack.failures,
  };
  return {
    metadata: { id, name: pack.name, modelSha256: pack.model.sha256, scoreId: pack.score, details: { ...details } },
    samples: pack.samples.map((sample) => {
      const sampleDetails: SampleDetails = {
        hasSubject: sample.subject !== null,
        ...(sample.estimates ? { estimates: sample.estimates } : {}),
        ...(sample.flags ? { flags: sample.flags } : {}),
        ...(sample.notes ? { notes: sample.notes } : {}),
      };
      return {
        id: sample.id, embedding: sample.embedding, labels: sample.labels,
        ...(sample.subject !== null ? { identity: sample.subject } : {}),
        details: { ...sampleDetails },
      };
    }),
  };
}

/** The pack a stored one was made from. */
export function fromStoredPack(stored: StoredPack): ReferencePack {
  const details = stored.metadata.details as unknown as PackDetails;
  return {
    format: PACK_FORMAT_MARKER,
    version: PACK_FORMAT_VERSION,
    name: stored.metadata.name,
    description: details.description,
    license: details.license,
    attribution: details.attribution,
    model: details.model,
    score: stored.metadata.scoreId,
    labels: details.labels,
    preprocessing: details.preprocessing,
    samples: stored.samples.map((sample) => {
      const extra = (sample.details ?? { hasSubject: sample.identity !== undefined }) as unknown as SampleDetails;
      return {
        id: sample.id,
        subject: extra.hasSubject ? sample.identity ?? null : null,
        labels: sample.labels,
        ...(extra.estimates ? { estimates: extra.estimates } : {}),
        embedding: sample.embedding,
        ...(extra.flags ? { flags: extra.flags } : {}),
        ...(extra.notes ? { notes: extra.notes } : {}),
      };
    }),
    failures: details.failures,
  };
}

/** A file name for an exported pack: its name in kebab-case. */
export function packFileName(name: string): string {
  const slug = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${slug || 'facegap-pack'}.json`;
}

/** The JSON text of a stored pack, as FaceGap's pack format, ready to download. */
export function exportStoredPack(stored: StoredPack): { fileName: string; text: string } {
  return { fileName: packFileName(stored.metadata.name), text: encodePack(fromStoredPack(stored)) };
}
