/**
 * A dataset file another section of the options page hands to the import section (the drafter's
 * "Import accepted"), so that it goes through the very check → preview → apply → undo a dropped
 * file goes through: one import path, one preview. The import section listens while it is shown.
 */
export type HandedFileListener = (file: File) => void;

let listener: HandedFileListener | null = null;

/** Hands `file` to the import section; false when no import section is there to take it. */
export function handToImport(file: File): boolean {
  if (!listener) return false;
  listener(file);
  return true;
}

/** The import section's side: takes handed files until the returned function is called. */
export function receiveHandedFiles(next: HandedFileListener): () => void {
  listener = next;
  return () => {
    if (listener === next) listener = null;
  };
}
