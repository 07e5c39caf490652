import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { findAbsoluteUrls, isLocalUrl, NAMESPACE_URIS } from '../../../src/privacy/bundle-urls';

const ROOT = resolve(import.meta.dirname, '../../..');
/** The reviewed list of URLs dependencies put in the bundle: URLs by design, never requested. */
const EXEMPT_FILES = new Set(['src/privacy/bundle-urls.ts']);

/** The code of a TS/JS file without its comments (licence headers included), via TypeScript's scanner. */
function stripScriptComments(source: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, source);
  let code = '';
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) continue;
    code += scanner.getTokenText();
  }
  return code;
}

function stripHtmlComments(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, '');
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** URLs in code (not comments) that name another origin: neither this machine nor an XML namespace. */
function findForeignUrls(code: string): string[] {
  return findAbsoluteUrls(code).filter((url) => !isLocalUrl(url) && !NAMESPACE_URIS.includes(url));
}

describe('source check: no URL to another origin', () => {
  const sources = listFiles(join(ROOT, 'src'))
    .filter((path) => /\.(ts|js|mjs|css|html)$/.test(path))
    .map((path) => relative(ROOT, path))
    .filter((path) => !EXEMPT_FILES.has(path));

  it('finds the files it checks', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it.each(sources)('%s', (path) => {
    const text = readFileSync(join(ROOT, path), 'utf8');
    const code = path.endsWith('.html') ? stripHtmlComments(text) : path.endsWith('.css') ? text.replace(/\/\*[\s\S]*?\*\//g, '') : stripScriptComments(text);
    expect(findForeignUrls(code)).toEqual([]);
  });

  it('index.html', () => {
    expect(findForeignUrls(stripHtmlComments(readFileSync(join(ROOT, 'index.html'), 'utf8')))).toEqual([]);
  });
});

describe('the URL finder itself', () => {
  it.each([
    ['fetch("https://example.com/a?b=1")', ['https://example.com/a?b=1']],
    ["const u = 'http://127.0.0.2:9/x'", ['http://127.0.0.2:9/x']],
    ['Open FaceGap over https:// (or localhost)', []],
    ['`https://cdn.jsdelivr.net/npm/x@${v}/dist/`', ['https://cdn.jsdelivr.net/npm/x@']],
  ])('%s', (text, expected) => {
    expect(findAbsoluteUrls(text)).toEqual(expected);
  });

  it('drops comments but keeps strings', () => {
    const code = stripScriptComments("// see https://a.example/\n/* https://b.example/ */ const s = 'https://c.example/x';");
    expect(findForeignUrls(code)).toEqual(['https://c.example/x']);
  });

  it.each([
    ['http://localhost:5173/', true],
    ['http://127.0.0.1/', true],
    ['http://[::1]:80/', true],
    ['https://localhost.example.com/', false],
    ['https://example.com/', false],
  ])('isLocalUrl(%s) is %s', (url, expected) => {
    expect(isLocalUrl(url)).toBe(expected);
  });
});
