/** One weight of a tfjs weights manifest, as in model.json's `weightsManifest[0].weights`. */
export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  quantization?: { dtype: 'float16' | 'uint8' | 'uint16'; min?: number; scale?: number; original_dtype?: string };
}
/** A decoded weight: the values tfjs-core's decodeWeight would give at load. */
export interface DecodedWeight {
  spec: WeightSpec;
  values: Float32Array | Int32Array;
}
/** The parts of a tfjs graph model.json these functions read; the rest is copied as it is. */
export interface TfjsModelJson {
  weightsManifest: { paths: string[]; weights: WeightSpec[] }[];
  [key: string]: unknown;
}
/** Decodes every weight of a single-shard weights manifest to float32 (or int32) values. */
export declare function decodeWeights(model: TfjsModelJson, bin: Uint8Array): DecodedWeight[];
/** The names of the weights a node of the model's topology depends on, directly or not. */
export declare function findUpstreamWeights(model: TfjsModelJson, nodeName: string): Set<string>;
/**
 * Encodes float32 weights as `to` (int32 weights, and those named in `kept`, stay as the source
 * stored them); returns the new model.json and shard.
 */
export declare function encodeWeights(model: TfjsModelJson, weights: DecodedWeight[], to: 'float16' | 'uint8', shardName: string, kept?: Set<string>): { json: TfjsModelJson; bin: Uint8Array };
/** Reads model.json and its shard, re-encodes them as `to` (except what `exceptUpstreamOf` depends on), writes out.json and out.bin. */
export declare function quantizeModelFile(modelPath: string, outPath: string, to: 'float16' | 'uint8', exceptUpstreamOf?: string): { bytes: number };
