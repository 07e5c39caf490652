import { describe, expect, it } from 'vitest';
import { describeError, isAbortError } from '../../../src/shared/errors';

describe('describeError', () => {
  it.each([
    ['an Error', new Error('disk full'), 'disk full'],
    ['a DOMException', new DOMException('Quota exceeded.', 'QuotaExceededError'), 'Quota exceeded.'],
    ['a string', 'plain text', 'plain text'],
    ['a number', 42, '42'],
    ['undefined', undefined, 'undefined'],
  ])('reads %s', (_, error, expected) => {
    expect(describeError(error)).toBe(expected);
  });
});

describe('isAbortError', () => {
  it.each([
    ['an AbortError DOMException', new DOMException('Cancelled.', 'AbortError'), true],
    ['an aborted signal\'s default reason', abortedReason(), true],
    ['a plain Error named AbortError (another realm, a cloned worker error)', Object.assign(new Error('x'), { name: 'AbortError' }), true],
    ['a structured-clone-like object', { name: 'AbortError', message: 'x' }, true],
    ['a TimeoutError (nobody asked to stop)', new DOMException('Timed out.', 'TimeoutError'), false],
    ['another DOMException', new DOMException('Quota.', 'QuotaExceededError'), false],
    ['an Error', new Error('AbortError'), false],
    ['the string AbortError', 'AbortError', false],
    ['null', null, false],
  ])('%s: %s', (_, error, expected) => {
    expect(isAbortError(error)).toBe(expected);
  });
});

function abortedReason(): unknown {
  const controller = new AbortController();
  controller.abort();
  return controller.signal.reason;
}
