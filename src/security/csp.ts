/**
 * The Content-Security-Policy of the built app, written into index.html as a
 * <meta> tag at build time only (the dev server needs inline scripts for hot
 * reload). What each directive allows, and why:
 *
 * - everything from the app's own origin only ('self'): no CDN, no tile or
 *   font server, no request elsewhere;
 * - scripts: 'self' only, so no inline script and no eval;
 * - workers: 'self' (MapLibre's worker is a hashed asset) and blob: (where
 *   MapLibre builds one from a blob);
 * - styles: 'self' only. MapLibre and React set inline styles through the
 *   CSSOM (element.style…), which the policy does not restrict, and every
 *   stylesheet is a file (Vite extracts the CSS, also of lazy chunks); the
 *   browser tests watch for violations, so a library that starts writing
 *   style attributes or <style> elements is caught there. Should one need it,
 *   'unsafe-inline' for styles cannot run script;
 * - images and fetches: also data: and blob:, which Vite (small inlined
 *   assets) and MapLibre (images it makes) use;
 * - no plugins (object-src), no <base> (base-uri), no form posts (form-action).
 */
import type { Plugin } from 'vite';

export const CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'worker-src': "'self' blob:",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'connect-src': "'self' data: blob:",
  'font-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};

export const CSP = Object.entries(CSP_DIRECTIVES)
  .map(([k, v]) => `${k} ${v}`)
  .join('; ');

/** Adds the policy as the first element of <head> in the built index.html (vite build only). */
export function cspPlugin(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
    },
  };
}
