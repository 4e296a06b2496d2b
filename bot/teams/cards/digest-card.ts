import type { Digest, DigestDeadline, DigestMeeting } from '../../domain/digest/digest.js';
import { dateInWords } from '../../i18n/dates.js';
import type { DigestTexts } from '../../i18n/digest.js';
import { markReadButton } from './reading-list-card.js';
import {
  actionSet,
  adaptiveCard,
  container,
  execute,
  heading,
  openUrl,
  textBlock,
  when,
  type AdaptiveCard,
  type Element,
} from './elements.js';

/** «mandag 30. november» / «Monday 30 November»: the digest's days are close enough to need no year. */
export function dayInWords(date: string, text: DigestTexts): string {
  return dateInWords(date, text.dayLocale).replace(/ \d{4}$/, '');
}

/**
 * A reading in a person's digest: «Marker som lest», for she may never get the reading card (the
 * digest only); before the assignment is given out, the day it can be marked.
 */
function readingActions(meeting: DigestMeeting, text: DigestTexts, firstDay: string): Element[] {
  const out = meeting.readingOut;
  return [
    ...when(
      out !== undefined && out > firstDay,
      textBlock(text.readingFrom(dayInWords(out ?? firstDay, text)), {
        wrap: true,
        isSubtle: true,
        spacing: 'None',
      }),
    ),
    actionSet([markReadButton(text.markAsRead, meeting, 'digest')]),
  ];
}

function meetingLines(
  meeting: DigestMeeting,
  text: DigestTexts,
  personal: boolean,
  firstDay: string,
): Element[] {
  const days = meeting.endDate
    ? `${dayInWords(meeting.date, text)}–${dayInWords(meeting.endDate, text)}`
    : dayInWords(meeting.date, text);
  const when = [days, meeting.time, meeting.location].filter(Boolean).join(' · ');
  return [
    // «Lederutvikling (Lederutvikling)» says nothing twice: the network only when the title lacks it.
    textBlock(
      meeting.title.toLowerCase().includes(meeting.programmeName.toLowerCase())
        ? `**${meeting.title}**`
        : `**${meeting.title}** (${meeting.programmeName})`,
      { wrap: true, spacing: 'Small' },
    ),
    textBlock(when, { wrap: true, isSubtle: true, spacing: 'None' }),
    ...(meeting.reading
      ? [textBlock(`${text.reading}: ${meeting.reading}`, { wrap: true, spacing: 'None' })]
      : []),
    ...(meeting.reading && personal ? readingActions(meeting, text, firstDay) : []),
  ];
}

function week(
  title: string,
  meetings: readonly DigestMeeting[],
  text: DigestTexts,
  personal: boolean,
  firstDay: string,
): Element {
  return container(
    [
      textBlock(title, { weight: 'Bolder', wrap: true }),
      ...(meetings.length === 0
        ? [textBlock(text.noMeetings, { isSubtle: true, spacing: 'None' })]
        : meetings.flatMap((m) => meetingLines(m, text, personal, firstDay))),
    ],
    { separator: true, spacing: 'Medium' },
  );
}

function deadlineLine(deadline: DigestDeadline, text: DigestTexts): string {
  const what = text.deadline[deadline.kind](deadline.title);
  const owner = deadline.owner ? ` (${deadline.owner})` : '';
  return `- **${dayInWords(deadline.date, text)}**: ${what}${owner}`;
}

/**
 * The weekly digest: this week's and next week's meetings with their reading assignments, the
 * deadlines of the two weeks by date, and what is new. Lists are markdown in one TextBlock each,
 * so 800 units' worth stays far under Teams' 80 KB.
 */
export function renderDigestCard(
  data: { digest: Digest; forName?: string; publicUrl: string; personal: boolean },
  text: DigestTexts,
): AdaptiveCard {
  const { digest } = data;
  const thisWeek = digest.meetings.filter((m) => m.week === 'this');
  const nextWeek = digest.meetings.filter((m) => m.week === 'next');
  const news = digest.news.map((n) =>
    n.kind === 'broadcast' ? `- ${text.broadcast(n.title)}` : `- ${text.agendaPublished(n.title)}`,
  );
  return adaptiveCard(
    [
      heading(data.forName ? text.titleFor(digest.weekNumber, data.forName) : text.title(digest.weekNumber)),
      textBlock(text.intro, { wrap: true, isSubtle: true, spacing: 'None' }),
      week(text.thisWeek(digest.weekNumber), thisWeek, text, data.personal, digest.firstDay),
      week(text.nextWeek(digest.nextWeekNumber), nextWeek, text, data.personal, digest.firstDay),
      ...when(
        digest.deadlines.length > 0,
        container(
          [
            textBlock(text.deadlines, { weight: 'Bolder', wrap: true }),
            textBlock(digest.deadlines.map((d) => deadlineLine(d, text)).join('\n'), { wrap: true }),
          ],
          { separator: true, spacing: 'Medium' },
        ),
      ),
      ...when(
        news.length > 0,
        container(
          [
            textBlock(text.news, { weight: 'Bolder', wrap: true }),
            textBlock(news.join('\n'), { wrap: true }),
          ],
          { separator: true, spacing: 'Medium' },
        ),
      ),
    ],
    [
      openUrl(text.open, `${data.publicUrl}/tab/`),
      // Only in a person's chat: a channel's digest is the same for everyone in it.
      ...when(data.personal, execute(text.changeChoice, 'varsler', {})),
    ],
  );
}
