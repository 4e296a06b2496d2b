import { describe, expect, it } from 'vitest';
import { nextAction, type DeliveryStatus, type MessageState } from './delivery.js';

const message = (version = 1, withdrawn = false): MessageState => ({ id: 'm', version, withdrawn });
const delivery = (
  state: DeliveryStatus['state'],
  activityId?: string,
  deliveredVersion = 0,
): DeliveryStatus => ({
  state,
  activityId,
  deliveredVersion,
});

describe('nextAction', () => {
  it.each([
    ['posts a queued delivery', message(), delivery('queued'), 'post'],
    ['leaves a delivery that shows the latest version', message(2), delivery('sent', 'a1', 2), 'done'],
    ['updates a delivery that shows an older version', message(3), delivery('sent', 'a1', 2), 'update'],
    [
      'deletes a posted delivery of a withdrawn message',
      message(2, true),
      delivery('sent', 'a1', 2),
      'delete',
    ],
    ['cancels an unposted delivery of a withdrawn message', message(1, true), delivery('queued'), 'cancel'],
    ['never touches a dead letter again', message(5), delivery('failed'), 'done'],
    ['never posts where the app is not installed', message(), delivery('not-installed'), 'done'],
  ] as const)('%s', (_name, m, d, action) => {
    expect(nextAction(m, d)).toBe(action);
  });
});
