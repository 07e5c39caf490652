import { expect } from 'vitest';

/**
 * Deep comparison: numbers within `tolerance`, everything else (null, "Infinity", keys, lengths)
 * exact. Fails with the JSON path of the first difference.
 */
export function expectDeepClose(actual: unknown, expected: unknown, tolerance: number, path = '$'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, `${path} type`).toBe('number');
    expect(Math.abs((actual as number) - expected), `${path}: ${String(actual)} vs ${expected}`).toBeLessThanOrEqual(tolerance);
    return;
  }
  if (expected === null || typeof expected !== 'object') {
    expect(actual, path).toStrictEqual(expected);
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    expect((actual as unknown[]).length, `${path} length`).toBe(expected.length);
    expected.forEach((item, i) => expectDeepClose((actual as unknown[])[i], item, tolerance, `${path}[${i}]`));
    return;
  }
  expect(actual !== null && typeof actual === 'object' && !Array.isArray(actual), `${path} is an object`).toBe(true);
  const actualObject = actual as Record<string, unknown>;
  expect(Object.keys(actualObject).sort(), `${path} keys`).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) {
    expectDeepClose(actualObject[key], value, tolerance, `${path}.${key}`);
  }
}
