// The API's shapes. Plan types come from the zod schema the server validates with (types only:
// nothing from the server is bundled).
import type { CalendarEvent, PlanFile } from '../../../bot/domain/plan/plan-schema';
import type { LocalPlan } from '../../../bot/domain/reports/local-plan';

export type {
  CalendarEvent,
  Goal,
  Milestone,
  Theme,
  PlanFile,
  Unit,
  FuturePicture,
  Programme,
  EventRule,
} from '../../../bot/domain/plan/plan-schema';

/**
 * `GET /api/events`: an event with what the server works out for it. A milestone (not a
 * meeting) has `kind: 'milestone'`, its `responsible` roles, and `month` when only the month is known.
 */
export interface EventView extends CalendarEvent {
  readonly kind?: 'milestone';
  readonly month?: string;
  readonly responsible?: readonly string[];
  readonly planKey: string;
  readonly programmeName: string;
  readonly isoWeek: number;
  readonly weekday: number;
}

/** `GET /api/plan`. */
export interface PlanResponse {
  key: string;
  revision: number;
  importedAt: string;
  rolledFrom: string | null;
  plan: PlanFile;
}

export type { LocalPlan };

/** `GET /api/units/:unitId/local-plan`. */
export interface LocalPlanView {
  plan: LocalPlan;
  mayEdit: boolean;
}

/** `GET /api/me`. */
export interface Me {
  id: string;
  name: string | null;
  roles: string[];
  leads: string[];
  networks: string[];
  /** The one language Planpuls uses with this person, in the chat and here (nb unless chosen). */
  language?: 'nb' | 'en';
}

/** `GET /tab/config.json`. */
export interface TabConfig {
  clientId: string | null;
  initiateLoginEndpoint: string;
  /** What the Teams sign-in pop-up asks consent for; null in local mode. */
  ssoScope?: string | null;
  localMode: boolean;
  signIn: string | null;
}

/** `GET /api/links` (channel links; admins and coordinators). */
export interface LinksResponse {
  options: { key: string; title: string }[];
  links: {
    target: string;
    conversationId: string;
    linkedBy: string;
    /** Who linked it, by name; null when neither the people list nor Teams knows the name. */
    linkedByName: string | null;
    linkedAt: string;
  }[];
}

/** `GET /api/installations`. */
export interface InstallationsResponse {
  installations: { conversationId: string; kind: string; name: string; status: string }[];
}
