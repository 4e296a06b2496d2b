/** A command as the help card lists it. */
export interface CommandHelp {
  readonly name: string;
  readonly description: string;
}

/** Every text a person sees, per language. Norwegian bokmål first, English second. */
export interface Messages {
  readonly help: {
    readonly title: string;
    readonly intro: string;
    readonly notUnderstood: string;
    readonly commandsHeading: string;
    /** How the help card lists `hjelp` itself. */
    readonly command: CommandHelp;
    readonly footer: string;
  };
  readonly link: {
    readonly title: string;
    readonly intro: string;
    readonly label: string;
    readonly placeholder: string;
    readonly save: string;
    readonly saved: (names: string) => string;
    readonly none: string;
    readonly refused: string;
    readonly useInChannel: string;
    readonly noPlan: string;
    readonly command: CommandHelp;
  };
  /** The `språk` / `language` command and its card. */
  readonly language: {
    readonly title: string;
    readonly intro: string;
    /** The language in use now, in that language. */
    readonly current: string;
    readonly norwegian: string;
    readonly english: string;
    /** Said in the language just chosen. */
    readonly saved: string;
    readonly notKnown: (said: string) => string;
    readonly command: CommandHelp;
  };
  /** Posted once where the app is installed. */
  readonly welcome: {
    readonly personal: string;
    readonly team: string;
    readonly groupChat: string;
  };
  readonly unknownAction: string;
  readonly errors: {
    readonly turnFailed: string;
    readonly badJson: string;
    readonly bodyTooLarge: string;
    readonly notFound: string;
    readonly internal: string;
    readonly storageDown: string;
    /** 429: the client's bucket is empty. */
    readonly rateLimited: string;
    /** A turn (a message or a card press) failed because storage is out of reach. */
    readonly storageUnreachable: string;
    /** The tab API cannot check a token: the identity provider's signing keys are out of reach. */
    readonly signInUnavailable: string;
    readonly badDate: (field: string, value: string) => string;
    readonly badRange: string;
  };
}

export type Language = 'nb' | 'en';
