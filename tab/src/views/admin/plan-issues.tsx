import { ApiError } from '../../api/api-client';
import type { PlanIssue } from './admin-types';
import { useAdminStyles } from './admin-styles';

/** Every problem the server's plan validator found, where it is and what is wrong. */
export function PlanIssues({ issues, testId }: { issues: PlanIssue[]; testId?: string }) {
  const styles = useAdminStyles();
  return (
    <ul className={styles.issues} data-testid={testId}>
      {issues.map((i, n) => (
        <li key={n}>
          <code>{i.where}</code>: {i.message}
        </li>
      ))}
    </ul>
  );
}

/** The problems a refused save sent along (`error.details`), if it sent them. */
export function planIssuesOf(error: unknown): PlanIssue[] | undefined {
  return error instanceof ApiError && Array.isArray(error.details)
    ? (error.details as PlanIssue[])
    : undefined;
}
