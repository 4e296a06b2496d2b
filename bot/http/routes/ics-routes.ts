import type { Server } from 'restify';
import { buildIcs } from '../../domain/calendar/ics.js';
import { NotFoundError } from '../../domain/errors.js';
import type { Logger } from '../../log/logger.js';
import { currentPlan, type ReadPlanDeps } from '../../use-cases/read-plan.js';
import { route, textFor } from '../respond.js';

/** `GET /api/events/{id}.ics[?plan=key]`: one event as iCalendar, for "Legg i kalender". */
export function icsRoutes(server: Server, deps: ReadPlanDeps & { logger: Logger; publicUrl: string }): void {
  server.get(
    '/api/events/:file',
    route(deps.logger, async (req, res) => {
      const file = String(req.params.file ?? '');
      const id = file.endsWith('.ics') ? file.slice(0, -4) : '';
      const planKey = typeof req.query?.plan === 'string' ? req.query.plan : undefined;
      const stored = planKey ? await deps.plans.load(planKey) : await currentPlan(deps);
      const event = stored?.plan.calendar.find((e) => e.id === id);
      if (!stored || !event) throw new NotFoundError(textFor(req).errors.notFound);
      const body = buildIcs(
        [
          {
            uid: `${event.id}@${stored.info.key}.planpuls`,
            title: event.title,
            date: event.date,
            slots: event.slots,
            url: `${deps.publicUrl}/tab?view=kalender&event=${encodeURIComponent(event.id)}`,
            ...(event.endDate ? { endDate: event.endDate } : {}),
            ...(event.location ? { location: event.location } : {}),
            ...(event.description || event.reading
              ? {
                  description: [event.description, event.reading && `Lesebestilling: ${event.reading}`]
                    .filter(Boolean)
                    .join('\n\n'),
                }
              : {}),
          },
        ],
        { name: stored.plan.title, stamp: deps.clock.now() },
      );
      res.writeHead(200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `attachment; filename="${encodeURIComponent(event.id)}.ics"`,
      });
      res.end(body);
    }),
  );
}
