import { z } from 'zod';
import { isIsoDate } from '../calendar/iso-date.js';
import { PLAN_CHECK } from './plan-problems.js';

/**
 * The Planpuls plan file format, version 2: version 1 plus the plan's goals, themes linked to
 * them, milestones, and notes split into what participants see and what administrators see.
 *
 * This zod schema is the single source of truth: `npm run schema` writes the JSON Schema
 * (`data/plans/plan.schema.json`) from it for editors, and import validates with it. Version 1
 * files are upgraded before validation (upgrade-plan.ts), so they still import.
 */
export const PLAN_FORMAT = 'planpuls-plan';
export const PLAN_FORMAT_VERSION = 2;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, PLAN_CHECK.slug);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, PLAN_CHECK.dateFormat)
  .refine((value) => isRealDate(value), PLAN_CHECK.dateInvalid);
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const clockTime = z.string().regex(CLOCK, PLAN_CHECK.clock);
/** `YYYY-MM`: a milestone the source dates only by its month («november 2020»). */
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, PLAN_CHECK.monthFormat);
const schoolYear = z
  .string()
  .regex(/^\d{4}-\d{4}$/, PLAN_CHECK.schoolYearFormat)
  .refine((value) => Number(value.slice(5)) === Number(value.slice(0, 4)) + 1, PLAN_CHECK.schoolYearOrder);
/**
 * Limits Azure Tables can hold: each entry is stored as one JSON property of at most 64 KiB
 * (32K UTF-16 units), so names stay short, long texts well under that, and an entry as a whole
 * is checked too ({@link fitsInARow}). The HTTP edge gives its fields the same limits
 * (bot/http/schemas.ts), so `?dryRun=true` and the import agree with storage.
 */
export const PLAN_LIMITS = { name: 200, text: 8000, note: 2000, list: 100, entry: 30_000 } as const;
const anyText = z
  .string()
  .trim()
  .min(1, PLAN_CHECK.textEmpty)
  .refine((value) => !/\p{Cs}/u.test(value), PLAN_CHECK.textInvalid);
/** A name or title. */
const text = anyText.max(PLAN_LIMITS.name, PLAN_CHECK.textTooLong);
/** A description, a narrative, a reading assignment. */
const longText = anyText.max(PLAN_LIMITS.text, PLAN_CHECK.textTooLong);
/** A note, a goal, a sign, a rule's text. */
const note = anyText.max(PLAN_LIMITS.note, PLAN_CHECK.textTooLong);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(PLAN_LIMITS.list, PLAN_CHECK.listTooLong);

/** An entry is one row in storage; its JSON must fit in one property. */
function fitsInARow(entry: unknown): boolean {
  return JSON.stringify(entry).length <= PLAN_LIMITS.entry;
}
const ROW_TOO_LARGE = PLAN_CHECK.entryTooLarge;
const leadDays = z.int(PLAN_CHECK.daysWhole).min(0, PLAN_CHECK.daysNegative).max(60, PLAN_CHECK.daysTooMany);
/** Days before the item deadline the call for agenda items goes out, or `false` for no call. */
const agendaCallLeadDays = z.union([leadDays, z.literal(false)]);

const isRealDate = isIsoDate;

/** Order checks only make sense between two real dates; a bad date is reported on its own. */
function bothReal(a: string, b: string): boolean {
  return isRealDate(a) && isRealDate(b);
}

export const unitTypes = ['barnehage', 'skole', 'ppt', 'barnevern', 'familie', 'flyktning', 'annet'] as const;
export const UnitType = z.enum(unitTypes);

export const programmeKinds = [
  'ledergruppe',
  'program',
  'nettverk',
  'prosjektgruppe',
  'samling',
  'ekstern',
] as const;

export const Role = z
  .strictObject({
    id: slug,
    name: text,
    description: longText.optional(),
    /**
     * The units whose people hold this role (e.g. styrere: barnehager), so a unit's calendar shows
     * the events its people take part in. Roles without it (kommunalsjef, RKK) belong to no unit.
     */
    heldAt: z
      .strictObject({
        types: z.array(UnitType).min(1),
        /** Only units with this owner, e.g. the private kindergartens' own role. */
        owner: z.enum(['kommunal', 'privat']).optional(),
      })
      .optional(),
  })
  .refine(fitsInARow, ROW_TOO_LARGE);

export const Programme = z
  .strictObject({
    id: slug,
    name: text,
    kind: z.enum(programmeKinds),
    /** A network inside a programme, e.g. the regional project group of LP. */
    parent: slug.optional(),
    description: longText.optional(),
    /** Role ids that normally take part. */
    participants: z.array(slug).default([]),
    /** Reminder and agenda defaults for the programme's meetings; events may override. */
    defaults: z
      .strictObject({
        readingLeadDays: leadDays.optional(),
        reminderTime: clockTime.optional(),
        agendaItemsDaysBefore: z.int().min(0).max(120).optional(),
        agendaPublishDaysBefore: z.int().min(0).max(60).optional(),
        agendaCallLeadDays: agendaCallLeadDays.optional(),
      })
      .optional(),
  })
  .refine(fitsInARow, ROW_TOO_LARGE);

export const Unit = z
  .strictObject({
    id: slug,
    name: text,
    type: UnitType,
    owner: z.enum(['kommunal', 'privat']),
    municipality: text,
    programmes: z.array(slug).default([]),
    /** What participants may read about the unit (e.g. which IBSM pulje it was in). */
    notes: list(note).optional(),
    /** How the unit was transcribed from the source: for administrators only. */
    sourceNotes: list(note).optional(),
  })
  .refine(fitsInARow, ROW_TOO_LARGE);

/**
 * A goal of the plan (Mål), verbatim from the plan it comes from: the municipality's plan for
 * children and youth («Mål 1» …) or the development plan's own goals.
 */
export const Goal = z
  .strictObject({
    id: slug,
    /** The label the source prints before the goal, e.g. «Mål 1». */
    label: text.optional(),
    text: note,
    /** The plan the goal comes from, e.g. «Kommunedelplan oppvekst 2020–2030 «Rause og robuste unga»». */
    source: text,
    notes: list(note).optional(),
    sourceNotes: list(note).optional(),
  })
  .refine(fitsInARow, ROW_TOO_LARGE);

export const Theme = z
  .strictObject({
    id: slug,
    number: z.int().min(1),
    title: text,
    description: longText.optional(),
    /** The theme's own goal texts (målsettinger), as the theme page prints them. */
    goals: list(note).default([]),
    /** Ids of the plan-level goals (`goals`) the theme serves. */
    servesGoals: z.array(slug).optional(),
  })
  .refine(fitsInARow, ROW_TOO_LARGE);

export const Sign = z.strictObject({
  id: slug,
  text: note,
});

export const FuturePicture = z
  .strictObject({
    id: slug,
    title: text,
    /** Unit types the picture applies to; `leder` pictures apply to every unit's leadership. */
    appliesTo: z.array(UnitType).min(1),
    /** The picture's narrative (fremtidsbilde). */
    picture: longText.optional(),
    /** Yes/no signs of good practice (tegn på god praksis). */
    signs: list(Sign).min(1),
    /** The theme the picture belongs to: its signs count toward the goals that theme serves. */
    theme: slug.optional(),
  })
  .refine(fitsInARow, ROW_TOO_LARGE);

export const TimeSlot = z
  .strictObject({
    start: clockTime,
    end: clockTime.optional(),
    label: text.optional(),
  })
  .refine((slot) => !slot.end || !CLOCK.test(slot.start) || !CLOCK.test(slot.end) || slot.end > slot.start, {
    message: PLAN_CHECK.endBeforeStart,
    path: ['end'],
  });

export const EventRule = z.discriminatedUnion('kind', [
  /** "Saker meldes inn senest 3 uker før møtet". */
  z.strictObject({
    kind: z.literal('agenda-items-deadline'),
    daysBefore: z.int().min(0),
    text: note.optional(),
  }),
  /** "Saksliste sendes ut ei uke i forkant". */
  z.strictObject({ kind: z.literal('agenda-publish'), daysBefore: z.int().min(0), text: note.optional() }),
  /** "5 dager før eller etter": the date is a target inside a window. */
  z.strictObject({
    kind: z.literal('window'),
    daysBefore: z.int().min(0),
    daysAfter: z.int().min(0),
    text: note.optional(),
  }),
  /** A deadline for something participants must deliver, e.g. a report. */
  z.strictObject({ kind: z.literal('deadline'), text: note }),
]);

export const CalendarEvent = z
  .strictObject({
    id: slug,
    date: isoDate,
    endDate: isoDate.optional(),
    /** The week number as printed in the source, when it differs from the ISO week of `date`. */
    printedWeek: z.int().min(1).max(53).optional(),
    programme: slug,
    /** Further programmes or networks the event also belongs to. */
    alsoFor: z.array(slug).default([]),
    title: text,
    description: longText.optional(),
    slots: z.array(TimeSlot).default([]),
    location: note.optional(),
    /** Lesebestilling/oppgave. */
    reading: longText.optional(),
    participants: z.array(slug).default([]),
    /** Participants as the source prints them, when the roles lose detail (e.g. named groups). */
    participantsText: note.optional(),
    rules: list(EventRule).default([]),
    notes: list(note).default([]),
    /**
     * How the event was transcribed from the source (a misprinted week, a date kept as printed):
     * for administrators checking the plan, never shown to participants.
     */
    sourceNotes: list(note).optional(),
    /** Overrides the programme's reminder defaults for this event. */
    reminders: z
      .strictObject({
        readingLeadDays: leadDays.optional(),
        reminderTime: clockTime.optional(),
        agendaCallLeadDays: agendaCallLeadDays.optional(),
      })
      .optional(),
  })
  .refine((event) => !event.endDate || !bothReal(event.date, event.endDate) || event.endDate >= event.date, {
    message: PLAN_CHECK.endDateBeforeDate,
    path: ['endDate'],
  })
  .refine(fitsInARow, ROW_TOO_LARGE);

export const PeriodTask = z
  .strictObject({
    id: slug,
    from: isoDate,
    to: isoDate,
    text: note,
    responsible: text.optional(),
    programme: slug.optional(),
  })
  .refine((task) => !bothReal(task.from, task.to) || task.to >= task.from, {
    message: PLAN_CHECK.toBeforeFrom,
    path: ['to'],
  })
  .refine(fitsInARow, ROW_TOO_LARGE);

/**
 * A milestone: a calendar entry that is not a meeting — something to be done or delivered by a
 * date («local plans ready at school start»), in a month when the source prints only the month
 * («november 2020»), or with no date when the source prints none. Nobody is invited; the
 * `responsible` roles are reminded.
 */
export const Milestone = z
  .strictObject({
    id: slug,
    /** The day, when the source prints one. */
    date: isoDate.optional(),
    /** The month, when the source prints only the month. */
    month: yearMonth.optional(),
    title: text,
    description: longText.optional(),
    /** The programme it belongs to; its linked channels get the reminder too. */
    programme: slug.optional(),
    /** Role ids responsible for the milestone: they get its reminder. */
    responsible: z.array(slug).default([]),
    /** The responsible as the source prints them. */
    responsibleText: note.optional(),
    /** Ids of plan-level goals the milestone serves. */
    goals: z.array(slug).optional(),
    /**
     * When to remind the responsible: N days before the date (for a month, before its first day),
     * at `time` (Europe/Oslo, default 08:00). No rule: no reminder.
     */
    reminder: z.strictObject({ daysBefore: leadDays, time: clockTime.optional() }).optional(),
    notes: list(note).default([]),
    sourceNotes: list(note).optional(),
  })
  .refine((milestone) => !(milestone.date && milestone.month), {
    message: PLAN_CHECK.dateAndMonth,
    path: ['month'],
  })
  .refine((milestone) => !milestone.reminder || milestone.date || milestone.month, {
    message: PLAN_CHECK.reminderUndated,
    path: ['reminder'],
  })
  .refine(fitsInARow, ROW_TOO_LARGE);

export const PlanFile = z.strictObject({
  format: z.literal(PLAN_FORMAT),
  version: z.literal(PLAN_FORMAT_VERSION),
  id: slug,
  title: text,
  municipality: text,
  sector: text,
  schoolYear,
  source: note.optional(),
  /** The plan's goals: what the themes, the units' actions and the reports serve. */
  goals: z.array(Goal).default([]),
  roles: z.array(Role).min(1),
  programmes: z.array(Programme).min(1),
  units: z.array(Unit).default([]),
  themes: z.array(Theme).default([]),
  futurePictures: z.array(FuturePicture).default([]),
  periodTasks: z.array(PeriodTask).default([]),
  calendar: z.array(CalendarEvent).default([]),
  milestones: z.array(Milestone).default([]),
});

export type PlanFile = z.infer<typeof PlanFile>;
export type Role = z.infer<typeof Role>;
export type Programme = z.infer<typeof Programme>;
export type Unit = z.infer<typeof Unit>;
export type UnitType = z.infer<typeof UnitType>;
export type Theme = z.infer<typeof Theme>;
export type Goal = z.infer<typeof Goal>;
export type Milestone = z.infer<typeof Milestone>;
export type FuturePicture = z.infer<typeof FuturePicture>;
export type CalendarEvent = z.infer<typeof CalendarEvent>;
export type TimeSlot = z.infer<typeof TimeSlot>;
export type EventRule = z.infer<typeof EventRule>;
export type PeriodTask = z.infer<typeof PeriodTask>;
