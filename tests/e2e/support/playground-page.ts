// Drives the Agents Playground's web client: switch conversations, post with an @mention, find
// Adaptive Cards and press their buttons; a screenshot of each step under test-artifacts/e2e/.
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const ARTIFACTS = new URL('../../../test-artifacts/e2e/', import.meta.url).pathname;

/** Debian's Chromium, never a downloaded browser. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export class PlaygroundPage {
  private static step = 0;
  /** `who` prefixes the screenshots of a Playground acting as another demo user. */
  constructor(
    readonly page: Page,
    private readonly who = '',
  ) {
    mkdirSync(ARTIFACTS, { recursive: true });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByRole('treeitem', { name: /Personal Chat/ }).waitFor();
  }

  /** A conversation of the left rail: 'Personal Chat', 'Oppvekst ledergruppe', 'General', 'KULG'. */
  async openConversation(name: string): Promise<void> {
    await this.page.getByRole('treeitem', { name: new RegExp(name) }).click();
  }

  /** A new channel post that @mentions the bot, as Teams requires for a bot to hear it. */
  async postToBot(text: string): Promise<void> {
    const box = this.page.getByRole('textbox').first();
    await box.click();
    await this.mentionBot(box);
    await box.pressSequentially(` ${text}`);
    await this.page.getByRole('button', { name: 'Post', exact: true }).click();
  }

  /**
   * A message in the open chat that @mentions the bot, as Teams requires in a group chat. The
   * chat's box sends on Enter (a channel has a new post's «Post» button instead).
   */
  async sayToBot(text: string): Promise<void> {
    const box = this.page.getByRole('textbox').last();
    await box.click();
    await this.mentionBot(box);
    await box.pressSequentially(` ${text}`);
    await box.press('Enter');
  }

  /** A message in a personal chat with the bot, which needs no @mention; the box sends on Enter. */
  async sayInChat(text: string): Promise<void> {
    const box = this.page.getByRole('textbox').last();
    await box.click();
    await box.pressSequentially(text);
    await box.press('Enter');
  }

  /** Types an @mention of the bot, chosen from the compose box's typeahead menu. */
  private async mentionBot(box: Locator): Promise<void> {
    await box.pressSequentially('@Planpu');
    await this.page
      .getByRole('listbox', { name: 'Typeahead menu' })
      .getByRole('menuitem', { name: /Planpuls/ })
      .click();
  }

  /** Adaptive Cards in the open conversation that contain every one of the texts. */
  cards(...texts: (string | RegExp)[]): Locator {
    let cards = this.page.locator('.ac-adaptiveCard');
    for (const text of texts) cards = cards.filter({ hasText: text });
    return cards;
  }

  /** Saves the next step's screenshot, with `subject` (e.g. the card it is about) scrolled into view. */
  async screenshot(name: string, subject?: Locator): Promise<void> {
    await subject?.first().scrollIntoViewIfNeeded();
    PlaygroundPage.step += 1;
    const who = this.who ? `${this.who}-` : '';
    await this.page.screenshot({
      path: `${ARTIFACTS}${String(PlaygroundPage.step).padStart(2, '0')}-${who}${name}.png`,
      fullPage: true,
    });
  }
}
