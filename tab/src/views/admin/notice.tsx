import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface NoticeState {
  intent: 'success' | 'error' | 'warning' | 'info';
  title?: string;
  text: ReactNode;
}

/** A result or problem after an action: errors are announced at once, the rest politely. */
export function Notice({ notice }: { notice: NoticeState | undefined }) {
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
        {notice.text}
      </MessageBarBody>
    </MessageBar>
  );
}
