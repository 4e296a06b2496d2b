import type { Outbox, OutgoingActivity } from '../../delivery/ports.js';
import type { Clock } from '../../domain/clock.js';
import type { AccessDeps } from '../access.js';
import type { InstallationRegistry } from '../installation-registry.js';
import type { LinkRepository } from '../link-repository.js';
import type { ReadPlanDeps } from '../read-plan.js';
import type { Broadcast, BroadcastRepository } from './broadcast-repository.js';

export interface BroadcastDeps {
  clock: Clock;
  access: AccessDeps;
  broadcasts: BroadcastRepository;
  outbox: Outbox;
  links: LinkRepository;
  registry: InstallationRegistry;
  /** The plan, for naming networks and units to the sender. */
  read: ReadPlanDeps;
  renderBroadcast(broadcast: Broadcast, options: { preview: boolean }): OutgoingActivity;
}
