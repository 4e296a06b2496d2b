import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import { DEFAULT_TAB_SCOPE } from '../../config/config.js';
import { tabContentSecurityPolicy } from '../content-security-policy.js';

export interface TabRouteDeps {
  /** The Vite build output (`tab/dist/`). */
  distDir: URL;
  /** What the tab needs to know before it can call the API. */
  tabConfig: {
    /** Entra app (client) id for Teams SSO; absent in local mode. */
    clientId: string | undefined;
    /** Public base URL, for the TeamsFx login page. */
    publicUrl: string;
    localMode: boolean;
    /** The delegated scope the tab asks for, which the tab API requires (default `access_as_user`). */
    scope?: string;
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg']);
/** Vite puts content-hashed files here; they never change, so browsers may keep them a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the tab built by Vite: the page at `/`, `/tab` and `/tab/` (never cached, so a new
 * deployment shows at once), hashed assets cached for a year, gzip when the browser takes it.
 * Without a build it answers 503 with how to make one.
 */
export function tabRoutes(server: Server, deps: TabRouteDeps): void {
  const root = fileURLToPath(deps.distDir);
  const signIn = Boolean(deps.tabConfig.clientId);
  const policy = tabContentSecurityPolicy({ signIn });
  /**
   * Replaces the server's frame-ancestors-only policy (set in `pre`) with the tab's full one; a
   * page gets its own style nonce.
   */
  const secure = (res: Response, styleNonce?: string) =>
    res.setHeader(
      'content-security-policy',
      styleNonce ? tabContentSecurityPolicy({ signIn, styleNonce }) : policy,
    );
  const files = new Map<string, { body: Buffer; gzip: Buffer | undefined }>();
  const load = async (path: string) => {
    const cached = files.get(path);
    if (cached) return cached;
    const body = await readFile(path);
    const entry = { body, gzip: COMPRESSIBLE.has(extname(path)) ? gzipSync(body) : undefined };
    files.set(path, entry);
    return entry;
  };

  const serve = async (req: Request, res: Response, relative: string, cache: string) => {
    const path = resolve(root, relative);
    if (!path.startsWith(root.endsWith(sep) ? root : root + sep)) return notFound(res);
    let file;
    try {
      file = await load(path);
    } catch {
      // A missing page means no build; a missing asset is just not there.
      return relative === 'index.html' ? notBuilt(res) : notFound(res);
    }
    const accepts = /\bgzip\b/.test(req.header('accept-encoding') ?? '');
    let body: Buffer;
    let gzip: boolean;
    if (extname(path) === '.html') {
      const nonce = randomBytes(16).toString('base64');
      secure(res, nonce);
      body = Buffer.from(withStyleNonce(file.body.toString('utf8'), nonce));
      gzip = accepts;
      if (gzip) body = gzipSync(body);
    } else {
      secure(res);
      gzip = Boolean(file.gzip) && accepts;
      body = gzip ? file.gzip! : file.body;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': cache,
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(body);
  };

  const page = async (req: Request, res: Response) => serve(req, res, 'index.html', 'no-cache');
  server.get('/', page);
  // TeamsFx's silent sign-in (getToken with scopes) lands its hidden iframe here, at the site root
  // (tab/public/blank-auth-end.html, copied by Vite); register it as an SPA redirect URI.
  server.get('/blank-auth-end.html', async (req: Request, res: Response) =>
    serve(req, res, 'blank-auth-end.html', 'no-cache'),
  );
  // Browsers ask for it at the site root whatever the page links (the page links /tab/favicon.png).
  server.get('/favicon.ico', async (req: Request, res: Response) =>
    serve(req, res, 'favicon.png', 'public, max-age=86400'),
  );
  server.get('/tab', page);
  server.get('/tab/', page);
  server.get('/tab/config.json', async (_req: Request, res: Response) => {
    const { clientId, publicUrl, localMode, scope = DEFAULT_TAB_SCOPE } = deps.tabConfig;
    secure(res);
    res.header('cache-control', 'no-store');
    res.json(200, {
      clientId: clientId ?? null,
      initiateLoginEndpoint: `${publicUrl}/tab/auth-start.html`,
      // The scope the sign-in pop-up asks consent for: the tab's own API (README, app registration).
      ssoScope: clientId ? `api://${new URL(publicUrl).host}/${clientId}/${scope}` : null,
      localMode,
      signIn: localMode ? '/dev/sign-in' : null,
    });
  });
  server.get('/tab/*', async (req: Request, res: Response) => {
    const relative = decodeURIComponent(req.path().slice('/tab/'.length));
    await serve(req, res, relative, relative.startsWith('assets/') ? IMMUTABLE : 'no-cache');
  });
}

/**
 * A page with its nonce: on each of its own `<style>` elements, and in `<meta name="csp-nonce">`
 * for the tab's script to give the styles it inserts.
 */
function withStyleNonce(html: string, nonce: string): string {
  return html
    .replace(/<style(?=[\s>])/gi, `<style nonce="${nonce}"`)
    .replace(/<head>/i, `<head>\n    <meta name="csp-nonce" content="${nonce}" />`);
}

function notFound(res: Response): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Ikke funnet / Not found');
}

function notBuilt(res: Response): void {
  res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(
    '<!doctype html><html lang="nb"><meta charset="utf-8"><title>Planpuls</title><main>' +
      '<h1>Fanen er ikke bygget</h1><p>Kjør <code>npm run build:tab</code> (eller <code>npm start</code>, ' +
      'som bygger den) og last siden på nytt.</p><p lang="en">The tab is not built: run ' +
      '<code>npm run build:tab</code> and reload.</p></main></html>',
  );
}
