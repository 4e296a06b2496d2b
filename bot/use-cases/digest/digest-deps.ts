import type { Outbox, OutgoingActivity } from '../../delivery/ports.js';
import type { Digest } from '../../domain/digest/digest.js';
import type { DigestSchedule } from '../../domain/digest/digest-week.js';
import type { Language } from '../../i18n/index.js';
import type { Logger } from '../../log/logger.js';
import type { AgendaRepository } from '../agenda/agenda-repository.js';
import type { BroadcastRepository } from '../broadcasts/broadcast-repository.js';
import type { InstallationRegistry } from '../installation-registry.js';
import type { LinkRepository } from '../link-repository.js';
import type { NotificationChoices } from '../notification-choices.js';
import type { PeopleRepository } from '../people-repository.js';
import type { ReadPlanDeps } from '../read-plan.js';
import type { LocalPlanRepository } from '../reports/local-plan-repository.js';
import type { CampaignRepository, ReportRepository } from '../reports/report-repository.js';

/** What a digest card says beside the digest itself. */
export interface DigestCardView {
  readonly digest: Digest;
  /** A channel's digest names what the channel is linked to («KULG», «Leknes skole»). */
  readonly forName?: string;
  /** The tab, for «Åpne Planpuls». */
  readonly publicUrl: string;
}

/** How the digest looks; the Teams layer provides it. A channel's is Norwegian, a person's in hers. */
export interface DigestRenderer {
  digest(view: DigestCardView, language: Language): OutgoingActivity;
}

export interface DigestDeps {
  read: ReadPlanDeps;
  people: PeopleRepository;
  links: LinkRepository;
  registry: InstallationRegistry;
  outbox: Outbox;
  choices: NotificationChoices;
  campaigns: CampaignRepository;
  reports: ReportRepository;
  localPlans: LocalPlanRepository;
  broadcasts: BroadcastRepository;
  agenda: AgendaRepository;
  render: DigestRenderer;
  schedule: DigestSchedule;
  publicUrl: string;
  logger: Logger;
}
