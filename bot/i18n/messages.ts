/** Every text a person sees, per language. Norwegian bokmål first, English second. */
export interface Messages {
  readonly help: {
    readonly title: string;
    readonly intro: string;
    readonly notUnderstood: string;
    readonly commandsHeading: string;
    readonly commands: readonly { readonly name: string; readonly description: string }[];
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
  };
  readonly unknownAction: string;
  readonly errors: {
    readonly turnFailed: string;
    readonly badJson: string;
    readonly bodyTooLarge: string;
    readonly notFound: string;
    readonly internal: string;
    readonly storageDown: string;
    readonly badDate: (field: string, value: string) => string;
    readonly badRange: string;
  };
}

export type Language = 'nb' | 'en';
