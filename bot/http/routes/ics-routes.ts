import type { Server } from 'restify';
import { z } from 'zod';
import { buildIcs } from '../../domain/calendar/ics.js';
import { NotFoundError } from '../../domain/errors.js';
import type { Logger } from '../../log/logger.js';
import { invalidInput, refuse } from '../../use-cases/refusals.js';
import type { CalendarEvent, PlanFile } from '../../domain/plan/plan-schema.js';
import { calendarEntries, isMilestone } from '../../domain/plan/milestone-entries.js';
import { eventsForPerson } from '../../domain/plan/unit-events.js';
import { resolveAccess, requireRole, type AccessDeps } from '../../use-cases/access.js';
import { currentPlan, type ReadPlanDeps } from '../../use-cases/read-plan.js';
import type { CalendarFeed, CalendarFeeds } from '../../use-cases/reminders/calendar-feeds.js';
import { requirePrincipal, type Authenticator } from '../auth/authenticator.js';
import { route, said, textFor } from '../respond.js';
import { id } from '../schemas.js';
import { parseRequest } from '../validate.js';

/** `kulg-02.ics`: an event's id, as ids are, and `.ics`; any other name is simply not there. */
const icsFile = z.object({ file: z.string().max(140) });
/** `?plan=`: another plan than the current one, by its key. */
const planQuery = z.object({
  // An empty `?plan=` meant the current plan, as no `plan` does.
  plan: z.preprocess((v) => (v === '' ? undefined : v), id.optional()),
});
/** A feed's id when it is revoked. */
const feedId = z.object({ id });
/** The programme or network a new feed follows. */
const feedBody = z.object({ programme: id });

/** The event id in `{id}.ics`, if the name is one. */
function eventIdOf(file: string): string | undefined {
  const eventId = file.endsWith('.ics') ? file.slice(0, -4) : '';
  return id.safeParse(eventId).success ? eventId : undefined;
}

/**
 * A milestone as an all-day entry (on its month's first day when only the month is known), shown
 * as free time under the category «Milepæl», its title saying so: not a meeting.
 */
function icsMilestone(
  event: CalendarEvent & { month?: string; responsible: readonly string[] },
  planKey: string,
  publicUrl: string,
  roles?: Map<string, string>,
) {
  const month = event.month
    ? ICS_WORDS.sometimeIn(`${MONTHS_NB[Number(event.month.slice(5, 7)) - 1]} ${event.month.slice(0, 4)}`)
    : undefined;
  const responsible =
    event.participantsText ?? event.responsible.map((id) => roles?.get(id) ?? id).join(', ');
  return {
    uid: `${event.id}@${planKey}.planpuls`,
    title: `${ICS_WORDS.milestone}: ${event.title}`,
    date: event.date,
    slots: [],
    url: `${publicUrl}/tab?view=kalender&event=${encodeURIComponent(event.id)}`,
    category: ICS_WORDS.milestone,
    description: [month, event.description, responsible && `${ICS_WORDS.responsible}: ${responsible}`]
      .filter(Boolean)
      .join('\n\n'),
  };
}

/** `GET /api/events/{id}.ics[?plan=key]`: one event as iCalendar, for "Legg i kalender". */
export interface IcsRouteDeps extends ReadPlanDeps {
  logger: Logger;
  publicUrl: string;
  feeds: CalendarFeeds;
  authenticate: Authenticator;
  access: AccessDeps;
}

/**
 * Calendar files are shared as they are, so they speak the plan's language (Norwegian), as the
 * reading assignment's label always has.
 */
const ICS_WORDS = {
  reading: 'Lesebestilling',
  milestone: 'Milepæl',
  responsible: 'Ansvarlig',
  sometimeIn: (month: string) => `I løpet av ${month}`,
} as const;
const MONTHS_NB = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
];

function icsEvent(event: CalendarEvent, planKey: string, publicUrl: string, roles?: Map<string, string>) {
  if (isMilestone(event)) return icsMilestone(event, planKey, publicUrl, roles);
  return {
    uid: `${event.id}@${planKey}.planpuls`,
    title: event.title,
    date: event.date,
    slots: event.slots,
    url: `${publicUrl}/tab?view=kalender&event=${encodeURIComponent(event.id)}`,
    ...(event.endDate ? { endDate: event.endDate } : {}),
    ...(event.location ? { location: event.location } : {}),
    ...(event.description || event.reading
      ? {
          description: [event.description, event.reading && `${ICS_WORDS.reading}: ${event.reading}`]
            .filter(Boolean)
            .join('\n\n'),
        }
      : {}),
  };
}

export function icsRoutes(server: Server, deps: IcsRouteDeps): void {
  feedRoutes(server, deps);
  server.get(
    '/api/events/:file',
    route(deps.logger, async (req, res) => {
      // A malformed plan key is a 400 and a malformed file name a 404, both before storage.
      const { params, query } = parseRequest(req, { params: icsFile, query: planQuery });
      const eventId = eventIdOf(params.file);
      if (!eventId) throw new NotFoundError(textFor(req).errors.notFound);
      const stored = query.plan ? await deps.plans.load(query.plan) : await currentPlan(deps);
      const event = stored && calendarEntries(stored.plan).find((e) => e.id === eventId);
      if (!stored || !event) throw new NotFoundError(textFor(req).errors.notFound);
      const roles = new Map(stored.plan.roles.map((r) => [r.id, r.name]));
      const body = buildIcs([icsEvent(event, stored.info.key, deps.publicUrl, roles)], {
        name: stored.plan.title,
        stamp: deps.clock.now(),
      });
      res.writeHead(200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `attachment; filename="${encodeURIComponent(event.id)}.ics"`,
      });
      res.end(body);
    }),
  );
}

/**
 * Subscribable feeds per programme or network: admins and coordinators create and revoke them;
 * each person makes their own with `POST /api/feeds/mine` and finds it again with `GET`. `GET /api/feeds/{token}.ics` is public
 * but needs the unguessable token.
 */
function feedRoutes(server: Server, deps: IcsRouteDeps): void {
  personalFeedRoute(server, deps);
  const admin = async (req: import('restify').Request) => {
    const access = await resolveAccess(
      deps.access,
      await requirePrincipal(deps.authenticate, req, said(req, 'SIGN_IN_REQUIRED')),
    );
    requireRole(access, ['admin', 'koordinator'], said(req, 'FEEDS_MANAGERS_ONLY'));
    return access;
  };
  server.post(
    '/api/feeds',
    route(deps.logger, async (req, res) => {
      const access = await admin(req);
      const { programme } = parseRequest(req, { body: feedBody }).body;
      const stored = await currentPlan(deps);
      if (!stored?.plan.programmes.some((p) => p.id === programme)) {
        throw refuse(invalidInput, 'FEED_PROGRAMME_UNKNOWN');
      }
      const { feed, token } = await deps.feeds.create({ programme }, access.principal.aadObjectId);
      res.json(201, { feed, url: `${deps.publicUrl}/api/feeds/${token}.ics` });
    }),
  );
  server.get(
    '/api/feeds',
    route(deps.logger, async (req, res) => {
      await admin(req);
      res.json(200, { feeds: (await deps.feeds.list()).filter((f) => f.programme) });
    }),
  );
  server.del(
    '/api/feeds/:id',
    route(deps.logger, async (req, res) => {
      await admin(req);
      if (!(await deps.feeds.revoke(parseRequest(req, { params: feedId }).params.id)))
        throw new NotFoundError(textFor(req).errors.notFound);
      res.json(200, { revoked: true });
    }),
  );
  server.get(
    '/api/feeds/:file',
    route(deps.logger, async (req, res) => {
      const file = String(req.params.file ?? '');
      const feed = file.endsWith('.ics') ? await deps.feeds.byToken(file.slice(0, -4)) : undefined;
      const stored = feed && (await currentPlan(deps));
      if (!feed || !stored) throw new NotFoundError(textFor(req).errors.notFound);
      const { events, name } = await feedContent(deps, feed, stored.plan);
      const roles = new Map(stored.plan.roles.map((r) => [r.id, r.name]));
      res.writeHead(200, {
        'content-type': 'text/calendar; charset=utf-8',
        'cache-control': 'private, max-age=900',
      });
      res.end(
        buildIcs(
          events.map((e) => icsEvent(e, stored.info.key, deps.publicUrl, roles)),
          { name, stamp: deps.clock.now() },
        ),
      );
    }),
  );
}

/**
 * `POST /api/feeds/mine`: a new subscribe link to the caller's own events. The link is personal;
 * a new one replaces the caller's earlier links, so a shared link can be cut off.
 */
function personalFeedRoute(server: Server, deps: IcsRouteDeps): void {
  // The link the caller made before, so their calendar keeps working: `{ url: null }` if none.
  server.get(
    '/api/feeds/mine',
    route(deps.logger, async (req, res) => {
      const principal = await requirePrincipal(deps.authenticate, req, said(req, 'SIGN_IN_REQUIRED'));
      const mine = await deps.feeds.personal(principal.aadObjectId.toLowerCase());
      res.header('cache-control', 'no-store');
      res.json(200, { url: mine ? `${deps.publicUrl}/api/feeds/${mine.token}.ics` : null });
    }),
  );
  server.post(
    '/api/feeds/mine',
    route(deps.logger, async (req, res) => {
      const principal = await requirePrincipal(deps.authenticate, req, said(req, 'SIGN_IN_REQUIRED'));
      const person = principal.aadObjectId.toLowerCase();
      for (const earlier of await deps.feeds.list()) {
        if (earlier.person === person && !earlier.revoked) await deps.feeds.revoke(earlier.id);
      }
      const { token } = await deps.feeds.create({ person }, principal.aadObjectId);
      res.header('cache-control', 'no-store');
      res.json(201, { url: `${deps.publicUrl}/api/feeds/${token}.ics` });
    }),
  );
}

/** A programme's feed holds its own events and its networks'; a person's, their own events. */
async function feedContent(
  deps: IcsRouteDeps,
  feed: CalendarFeed,
  plan: PlanFile,
): Promise<{ events: CalendarEvent[]; name: string }> {
  if (feed.person !== undefined) {
    const person = await deps.access.people.get(feed.person);
    const owner = { leads: person?.leads ?? [], networks: person?.networks ?? [] };
    return { events: eventsForPerson(calendarEntries(plan), plan, owner), name: 'Planpuls – mine hendelser' };
  }
  const programme = feed.programme ?? '';
  const family = new Set([
    programme,
    ...plan.programmes.filter((p) => p.parent === programme).map((p) => p.id),
  ]);
  const events = calendarEntries(plan).filter((e) => [e.programme, ...e.alsoFor].some((p) => family.has(p)));
  const name = plan.programmes.find((p) => p.id === programme)?.name ?? programme;
  return { events, name: `Planpuls – ${name}` };
}
