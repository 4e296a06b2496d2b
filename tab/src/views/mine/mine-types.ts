// «Mine møter» and «Mine oppgaver» as the server declares them (types only: nothing is bundled).
import type { MyMeeting, MyMeetings, MyReading } from '../../../../bot/use-cases/my-work/my-meetings';
import type {
  ActionTask,
  MyTasks,
  ReadingTask,
  ReportTask,
} from '../../../../bot/use-cases/my-work/my-tasks';

export type { ActionTask, MyMeeting, MyMeetings, MyReading, MyTasks, ReadingTask, ReportTask };
