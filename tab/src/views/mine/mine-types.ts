// «Mine møter», «Mine nettverk» and «Mine oppgaver» as the server declares them (types only: nothing is bundled).
import type { MyMeeting, MyMeetings, MyReading } from '../../../../bot/use-cases/my-work/my-meetings';
import type { MyNetwork, MyNetworks, NetworkMeeting } from '../../../../bot/use-cases/my-work/my-networks';
import type { NetworkReason } from '../../../../bot/domain/my-work/my-networks';
import type {
  ActionTask,
  MyTasks,
  ReadingTask,
  ReportTask,
} from '../../../../bot/use-cases/my-work/my-tasks';

export type {
  ActionTask,
  MyMeeting,
  MyMeetings,
  MyNetwork,
  MyNetworks,
  MyReading,
  MyTasks,
  NetworkMeeting,
  NetworkReason,
  ReadingTask,
  ReportTask,
};
