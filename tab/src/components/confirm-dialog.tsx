import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';

/**
 * Asks before something that reaches people or cannot be undone (send a message or a request,
 * remind, close). Modal: focus stays inside while it is open, and goes back to what had it (the
 * button that asked) when it closes. Without `confirm` there is nothing to confirm, only to close
 * (a message that would reach nobody).
 */
export function ConfirmDialog({
  title,
  children,
  confirm,
  cancel,
  busy,
  onConfirm,
  onClose,
}: {
  title: string;
  /** What will happen, in words. */
  children: ReactNode;
  /** The confirming button's text («Ja, send nå»); none when nothing can be confirmed. */
  confirm?: string | undefined;
  /** The closing button's text («Avbryt»). */
  cancel: string;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  useFocusReturn();
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>
            {confirm !== undefined && (
              <Button appearance="primary" disabled={busy} onClick={onConfirm}>
                {confirm}
              </Button>
            )}
            <Button disabled={busy} onClick={onClose}>
              {cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/**
 * Gives focus back to the element that had it when the dialog opened, once the dialog has gone:
 * it is opened by state, not by a DialogTrigger, so Fluent has no trigger of its own to return
 * focus to. Read on the first render, before the dialog takes focus; given back only if focus was
 * left nowhere (on the page's body) and the element is still on the page.
 */
function useFocusReturn(): void {
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : undefined,
  );
  useEffect(
    () => () => {
      setTimeout(() => {
        const now = document.activeElement;
        if (opener?.isConnected && (now === null || now === document.body)) opener.focus();
      });
    },
    [opener],
  );
}
