// Shapes of the administration API (people, plan import and roll-forward, reminder rules).

/** `GET /api/people`: a person with roles, units and the version a save must name. */
export interface PersonView {
  id: string;
  name: string | null;
  roles: string[];
  effectiveRoles: string[];
  configAdmin: boolean;
  leads: string[];
  networks: string[];
  coordinates: string[];
  version: string | null;
}

export interface PeopleResponse {
  people: PersonView[];
  options: { roles: string[]; units: Choice[]; programmes: Choice[] };
}

export interface Choice {
  id: string;
  name: string;
}

/** One problem in a plan file, as the server's validator words it. */
export interface PlanIssue {
  where: string;
  message: string;
}

interface EventBrief {
  id: string;
  title: string;
  date: string;
}

export interface MovedEvent {
  id: string;
  title: string;
  from: string;
  to: string;
}

/** `POST /api/plan/import`. */
export type ImportResponse =
  | { dryRun: boolean; valid: false; issues: PlanIssue[] }
  | {
      dryRun: boolean;
      valid: true;
      key: string;
      title: string;
      schoolYear: string;
      changed: boolean;
      changes: {
        isNew: boolean;
        events: {
          added: EventBrief[];
          removed: EventBrief[];
          moved: MovedEvent[];
          changed: EventBrief[];
          total: number;
        };
        units: { added: string[]; removed: string[]; total: number };
        programmes: { added: string[]; removed: string[]; total: number };
      };
    };

/** `POST /api/plan/roll-forward`. */
export interface RollForwardResponse {
  dryRun: boolean;
  from: { key: string; schoolYear: string };
  to: { key: string; schoolYear: string };
  replaces: boolean;
  moved: MovedEvent[];
}

export interface RuleValues {
  readingLeadDays: number | null;
  reminderTime: string | null;
}

/** `GET /api/plan/reminder-rules`. */
export interface ReminderRules {
  planKey: string;
  revision: string;
  defaults: { readingLeadDays: number; reminderTime: string };
  programmes: ({ id: string; name: string } & RuleValues)[];
  events: ({
    id: string;
    title: string;
    date: string;
    programme: string;
    hasReading: boolean;
  } & RuleValues)[];
}
