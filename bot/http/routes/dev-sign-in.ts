import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../log/logger.js';
import type { PeopleRepository } from '../../use-cases/people-repository.js';
import { route } from '../respond.js';

export interface DevSignInDeps {
  logger: Logger;
  people: PeopleRepository;
  configAdmins: readonly string[];
}

/** A member with no stored roles, so a developer can always see the tab as an ordinary person. */
export const DEMO_MEMBER_ID = '00000000-0000-0000-0000-00000000d0e1';

interface DemoUser {
  id: string;
  name: string;
  roles: string;
}

/**
 * `GET /dev/sign-in`: local mode only (the app registers it only without bot credentials, which
 * also pins the server to loopback). Lists demo users; choosing one opens the tab acting as them
 * through the dev-user header. Requests from anywhere but loopback are refused all the same.
 */
export function devSignInRoutes(server: Server, deps: DevSignInDeps): void {
  server.get(
    '/dev/sign-in',
    route(deps.logger, async (req, res) => {
      if (!isLoopback(req)) {
        send(res, 403, page('<p>Bare tilgjengelig fra denne maskinen.</p>'));
        return;
      }
      send(res, 200, page(list(await demoUsers(deps))));
    }),
  );
}

async function demoUsers(deps: DevSignInDeps): Promise<DemoUser[]> {
  const users = new Map<string, DemoUser>();
  for (const id of deps.configAdmins) {
    users.set(id, { id, name: 'Administrator (ADMIN_AAD_OBJECT_IDS)', roles: 'admin' });
  }
  for (const person of await deps.people.list()) {
    const admin = deps.configAdmins.includes(person.aadObjectId) ? ['admin'] : [];
    users.set(person.aadObjectId, {
      id: person.aadObjectId,
      name: person.name ?? person.aadObjectId,
      roles: [...new Set([...person.roles, ...admin])].join(', '),
    });
  }
  if (!users.has(DEMO_MEMBER_ID)) {
    users.set(DEMO_MEMBER_ID, { id: DEMO_MEMBER_ID, name: 'Demo-medlem', roles: 'medlem' });
  }
  return [...users.values()];
}

function list(users: DemoUser[]): string {
  const items = users
    .map(
      (u) =>
        `<li><a href="/tab/?devUser=${encodeURIComponent(u.id)}">${escape(u.name)}</a>` +
        ` <span class="roller">${escape(u.roles)}</span> <code>${escape(u.id)}</code>${shortForm(u.id)}</li>`,
    )
    .join('\n');
  return `<p>Lokal modus: velg hvem du vil være i fanen. / Local mode: choose who to act as.</p>
<ul>${items}</ul>
<p class="merk">Ingen administrator? Start med <code>ADMIN_AAD_OBJECT_IDS=&lt;guid&gt;</code>.
Denne siden finnes aldri i produksjon.</p>`;
}

/** «(devUser=a3)» beside a demo id that is zeros but its last digits, as `demoUserId` reads it. */
function shortForm(id: string): string {
  const short = /^00000000-0000-0000-0000-0*([0-9a-f]{1,12})$/.exec(id)?.[1];
  return short ? ` <span class="merk">(<code>?devUser=${escape(short)}</code>)</span>` : '';
}

function page(body: string): string {
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Planpuls – logg inn lokalt</title>
<style>body{font-family:'Segoe UI',system-ui,sans-serif;margin:1.5rem;max-width:48rem;line-height:1.5}
li{margin:.5rem 0}a{font-weight:600}.roller{color:#424242}code{font-size:.85em;color:#424242}
.merk{color:#424242}@media (prefers-color-scheme:dark){body{background:#1f1f1f;color:#fff}
a{color:#9ab8ff}.roller,code,.merk{color:#d6d6d6}}</style></head>
<body><main><h1>Planpuls – logg inn lokalt</h1>${body}</main></body></html>`;
}

function send(res: Response, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

function isLoopback(req: Request): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
