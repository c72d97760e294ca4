/** What went wrong, as a sentence for the reader: an Error's message, or whatever was thrown. */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
