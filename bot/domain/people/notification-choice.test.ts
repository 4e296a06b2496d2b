import { describe, expect, it } from 'vitest';
import { parseNotificationChoice, wantsPersonally } from './notification-choice.js';

describe('what a person’s notification choice lets through to her chat', () => {
  it('lets every reminder through for «all», and no digest (the channel has it)', () => {
    expect(wantsPersonally('all', 'reminder')).toBe(true);
    expect(wantsPersonally('all', 'report-reminder')).toBe(true);
    expect(wantsPersonally('all', 'digest')).toBe(false);
  });

  it('sends the digest and no reminders for «digest»', () => {
    expect(wantsPersonally('digest', 'digest')).toBe(true);
    expect(wantsPersonally('digest', 'reminder')).toBe(false);
    expect(wantsPersonally('digest', 'report-reminder')).toBe(false);
  });

  it('sends only report requests and her own report deadlines for «needed»', () => {
    expect(wantsPersonally('needed', 'report-reminder')).toBe(true);
    expect(wantsPersonally('needed', 'reminder')).toBe(false);
    expect(wantsPersonally('needed', 'digest')).toBe(false);
  });

  it('always sends a report request: it is the form she answers', () => {
    for (const choice of ['all', 'digest', 'needed'] as const)
      expect(wantsPersonally(choice, 'report-request')).toBe(true);
  });

  it('reads the words people write after `varsler`, in Norwegian and English', () => {
    expect(parseNotificationChoice(' Oversikt ')).toBe('digest');
    expect(parseNotificationChoice('nødvendig')).toBe('needed');
    expect(parseNotificationChoice('alle')).toBe('all');
    expect(parseNotificationChoice('digest')).toBe('digest');
    expect(parseNotificationChoice('kanskje')).toBeUndefined();
  });
});
