import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../bot/app.js';
import { colorIcon, FAVICON_SIZE } from '../../scripts/generate-icons.js';
import { startTestServer } from '../support/server.js';
import { freshTables } from '../support/storage.js';

let app: App;
let url: string;

beforeAll(async () => {
  ({ app, url } = await startTestServer(freshTables().tables));
});
afterAll(() => app.close());

async function image(path: string) {
  const response = await fetch(`${url}${path}`);
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, type: response.headers.get('content-type'), body };
}

describe('the favicon (needs `npm run build:tab`)', () => {
  it('answers /favicon.ico with the app icon as an image, not a 404', async () => {
    const icon = await image('/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.type).toBe('image/png');
    const png = PNG.sync.read(icon.body);
    expect(png.width).toBe(png.height);
  });

  it("links the tab's page to an icon that answers with the same image", async () => {
    const html = await (await fetch(`${url}/tab/`)).text();
    const href = /<link[^>]*\brel="icon"[^>]*\bhref="([^"]+)"/.exec(html)?.[1];
    expect(href).toBeDefined();
    const linked = await image(href!);
    expect(linked.status).toBe(200);
    expect(linked.type).toBe('image/png');
    expect(linked.body.equals((await image('/favicon.ico')).body)).toBe(true);
  });

  it('is the app icon the committed script draws', () => {
    expect(readFileSync('tab/public/favicon.png').equals(colorIcon(FAVICON_SIZE))).toBe(true);
  });
});
