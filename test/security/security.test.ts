import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP, CSP_DIRECTIVES } from '../../src/security/csp.ts';

const src = join(import.meta.dirname, '../../src');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

describe('security', () => {
  it('no source file renders HTML from strings', () => {
    const offenders = files(src).filter((f) => /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|setHTML\(|document\.write|new Function\(|\beval\(/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the policy allows scripts from the origin only, and no eval', () => {
    expect(CSP_DIRECTIVES['script-src']).toBe("'self'");
    expect(CSP_DIRECTIVES['default-src']).toBe("'self'");
    expect(CSP_DIRECTIVES['object-src']).toBe("'none'");
    expect(CSP).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(CSP.split('; ')).toHaveLength(Object.keys(CSP_DIRECTIVES).length);
  });
});
