/** Storage port: who has acknowledged ("Lest / utført") which message, once each. */
export interface Acknowledgements {
  /** Records an acknowledgement; a second one by the same person keeps the first time. */
  add(messageId: string, aadObjectId: string, at: Date): Promise<{ first: boolean; at: string }>;
  count(messageId: string): Promise<number>;
  /** When this person acknowledged, if they did. */
  when(messageId: string, aadObjectId: string): Promise<string | undefined>;
  /** Everyone who has acknowledged, with when, oldest first. */
  list(messageId: string): Promise<{ aadObjectId: string; at: string }[]>;
}
