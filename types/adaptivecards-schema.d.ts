// adaptivecards-templating's typings import a TypeScript source file of `adaptivecards`, which
// does not compile under our settings; this stands in for the one type it uses.
export type IAdaptiveCard = Record<string, unknown>;
