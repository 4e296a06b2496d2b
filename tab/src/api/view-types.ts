// Shapes of the report, agenda, read-receipt and broadcast APIs, as the server declares them
// (types only: nothing from the server is bundled).
import type { AgendaItem } from '../../../bot/domain/agenda/agenda-item';
import type { AgendaPublication } from '../../../bot/use-cases/agenda/agenda-repository';
import type { AgendaOverview } from '../../../bot/use-cases/agenda/read-agenda';
import type { Broadcast } from '../../../bot/use-cases/broadcasts/broadcast-repository';
import type { BroadcastStatus } from '../../../bot/use-cases/broadcasts/manage-broadcasts';
import type { RecipientName } from '../../../bot/use-cases/broadcasts/recipient-names';
import type { EventReads } from '../../../bot/use-cases/reminders/event-reads';
import type { Report } from '../../../bot/domain/reports/report';
import type { CampaignOverview, Overview, UnitStatus } from '../../../bot/use-cases/reports/overview';
import type { MyRequest, ReportForm } from '../../../bot/use-cases/reports/report-form';
import type {
  CampaignPreview,
  CampaignProgress,
  RemindResult,
} from '../../../bot/use-cases/reports/campaign-admin';
import type { SignMatrix } from '../../../bot/use-cases/status/sign-matrix';
import type { StatusOverview, UnitStatusRow } from '../../../bot/use-cases/status/unit-status-overview';

export type {
  AgendaItem,
  CampaignPreview,
  CampaignProgress,
  AgendaPublication,
  Broadcast,
  BroadcastStatus,
  CampaignOverview,
  EventReads,
  MyRequest,
  Overview,
  RecipientName,
  Report,
  ReportForm,
  SignMatrix,
  StatusOverview,
  UnitStatus,
  UnitStatusRow,
};

/** `GET /api/reports/:campaignId/units/:unitId`. */
export interface UnitHistory {
  report: Report | null;
  history: Report[];
}

/** `GET /api/meetings/:eventId/agenda`: the agenda's and each item's version, and the caller's rights. */
export type AgendaResponse = AgendaOverview;
/** An item as the caller sees it (`mayEdit`, `submitterName`). */
export type AgendaItemView = AgendaOverview['items'][number];

/** `POST /api/reports/campaigns/:campaignId/reminders`. */
export type RemindAnswer = Omit<RemindResult, 'campaign'>;

/** `POST /api/reports/campaigns`: what opening a campaign sent, and whom it did not reach. */
export interface OpenedCampaign {
  campaign: { id: string };
  sent: number;
  reached: number;
  total: number;
  message: string;
  /** Opens on a later day: saved, nothing sent yet (`message` says when it goes out). */
  scheduledFor?: string;
}
