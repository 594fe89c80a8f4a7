import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { packageRoot } from '../../src/spec/package-root.js';
import { generated } from './helpers.js';

const root = packageRoot();

describe('the committed generator outputs', () => {
  it('spec/openapi.json is what the pages generate (run `npm run generate` when this fails)', () => {
    assert.ok(readFileSync(join(root, 'spec', 'openapi.json'), 'utf8') === generated().specText, 'spec/openapi.json is stale: run `npm run generate` and commit it');
  });

  it('src/generated/dtos.ts is what the pages generate (run `npm run generate` when this fails)', () => {
    assert.ok(readFileSync(join(root, 'src', 'generated', 'dtos.ts'), 'utf8') === generated().dtosText, 'src/generated/dtos.ts is stale: run `npm run generate` and commit it');
  });
});
