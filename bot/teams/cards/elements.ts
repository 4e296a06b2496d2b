/*
 * The Adaptive Card elements Planpuls uses, typed, and small builders for them. Every card is a
 * function of its typed data built from these: templating (adaptivecards-templating) took 30–150
 * ms of CPU per card, code takes well under 1 ms, and the compiler checks the shape.
 *
 * Version 1.5 is the highest Teams renders. The types are aliases rather than interfaces so a
 * card stays assignable to `Record<string, unknown>`, which the outbox and the invoke answers take.
 * Tests parse every card with the `adaptivecards` library.
 */

export type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge' | 'Padding';
export type Color = 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
export type ActionStyle = 'default' | 'positive' | 'destructive';
export type ActionData = Record<string, string | number | boolean | string[]>;

/** Placement shared by every element. */
type Layout = { spacing?: Spacing; separator?: boolean };

export type TextBlock = Layout & {
  type: 'TextBlock';
  text: string;
  weight?: 'Lighter' | 'Default' | 'Bolder';
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  wrap?: boolean;
  style?: 'default' | 'heading';
  color?: Color;
  isSubtle?: boolean;
};

export type Fact = { title: string; value: string };
export type FactSet = Layout & { type: 'FactSet'; facts: Fact[] };

export type Container = Layout & {
  type: 'Container';
  items: Element[];
  style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
};

export type Column = { type: 'Column'; width?: 'auto' | 'stretch'; items: Element[] };
export type ColumnSet = Layout & { type: 'ColumnSet'; columns: Column[] };
export type ActionSet = Layout & { type: 'ActionSet'; actions: Action[] };

/** What the inputs share: a label, and the client's own check before sending. */
type Input = Layout & { id: string; label?: string; isRequired?: boolean; errorMessage?: string };

export type InputText = Input & {
  type: 'Input.Text';
  placeholder?: string;
  isMultiline?: boolean;
  maxLength?: number;
  value?: string;
};
export type InputNumber = Input & { type: 'Input.Number'; min?: number; max?: number; value?: number };
export type InputDate = Input & { type: 'Input.Date'; value?: string };
export type Choice = { title: string; value: string };
export type InputChoiceSet = Input & {
  type: 'Input.ChoiceSet';
  placeholder?: string;
  isMultiSelect?: boolean;
  style?: 'compact' | 'expanded' | 'filtered';
  /** The chosen values, comma-separated when several may be chosen. */
  value?: string;
  choices: Choice[];
};

export type Element =
  | TextBlock
  | FactSet
  | Container
  | ColumnSet
  | ActionSet
  | InputText
  | InputNumber
  | InputDate
  | InputChoiceSet;

export type SubmitAction = { type: 'Action.Submit'; title: string; style?: ActionStyle; data: ActionData };
export type ExecuteAction = {
  type: 'Action.Execute';
  title: string;
  verb: string;
  style?: ActionStyle;
  /** `none`: the press sends no input, so the client checks none. */
  associatedInputs?: 'auto' | 'none';
  data: ActionData;
  /** What clients without Universal Actions show instead. */
  fallback?: SubmitAction;
};
export type OpenUrlAction = { type: 'Action.OpenUrl'; title: string; url: string };
export type ShowCardAction = { type: 'Action.ShowCard'; title: string; card: AdaptiveCard };
export type Action = ExecuteAction | OpenUrlAction | ShowCardAction;

export type AdaptiveCard = {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  /** Universal Actions: Teams fetches a fresh card for these users (at most 60) when they see it. */
  refresh?: { action: ExecuteAction; userIds: string[] };
  body: Element[];
  actions?: Action[];
};

const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** Largest card Teams accepts in one message. */
export const MAX_CARD_BYTES = 80 * 1024;

/** A card of version 1.5; without `actions` it has no `actions` property at all. */
export function adaptiveCard(body: Element[], actions?: Action[]): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: SCHEMA, version: '1.5', body, ...(actions ? { actions } : {}) };
}

/** `[item]` when the condition holds, else `[]`: for spreading optional parts into a list. */
export function when<T>(condition: unknown, item: T): T[] {
  return condition ? [item] : [];
}

export function textBlock(text: string, props: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock {
  return { type: 'TextBlock', text, ...props };
}

/** The card's title: bold, medium, and a heading for screen readers. */
export function heading(text: string): TextBlock {
  return textBlock(text, { weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' });
}

export function factSet(facts: readonly Fact[], props: Layout = {}): FactSet {
  return { type: 'FactSet', ...props, facts: facts.map(({ title, value }) => ({ title, value })) };
}

export function container(items: Element[], props: Omit<Container, 'type' | 'items'> = {}): Container {
  return { type: 'Container', ...props, items };
}

export function actionSet(actions: Action[]): ActionSet {
  return { type: 'ActionSet', actions };
}

/**
 * A Universal Action (`Action.Execute`) whose data carries its verb too, with an `Action.Submit`
 * fallback for clients without Universal Actions (the bot reads the verb from the data there).
 */
export function execute(
  title: string,
  verb: string,
  data: ActionData,
  options: { style?: ActionStyle; associatedInputs?: 'none' } = {},
): ExecuteAction {
  const payload = { verb, ...data };
  return {
    type: 'Action.Execute',
    title,
    verb,
    ...options,
    data: payload,
    fallback: {
      type: 'Action.Submit',
      title,
      ...(options.style ? { style: options.style } : {}),
      data: payload,
    },
  };
}

export function openUrl(title: string, url: string): OpenUrlAction {
  return { type: 'Action.OpenUrl', title, url };
}

export function showCard(title: string, card: AdaptiveCard): ShowCardAction {
  return { type: 'Action.ShowCard', title, card };
}

/**
 * Universal Actions' user-specific refresh: Teams fetches these users' own view (verb `verb`)
 * when they see the card. None for no users: an empty list would offer everyone «Refresh card».
 */
export function refreshFor(
  userIds: readonly string[],
  title: string,
  verb: string,
  data: ActionData,
): Pick<AdaptiveCard, 'refresh'> {
  if (userIds.length === 0) return {};
  return {
    refresh: {
      action: { type: 'Action.Execute', title, verb, data: { verb, ...data } },
      userIds: [...userIds],
    },
  };
}
