/**
 * A place to drop files, around a file input (the keyboard's and screen reader's way in): the
 * import section's and the drafter's. It hands on the files however they came.
 */
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';

export function DropZone({
  prompt,
  accept,
  multiple = false,
  disabled,
  testId,
  inputRef,
  onFiles,
}: {
  prompt: string;
  accept: string;
  multiple?: boolean;
  disabled: boolean;
  testId: string;
  inputRef?: Ref<HTMLInputElement>;
  onFiles: (files: File[]) => void;
}) {
  const [dragging, setDragging] = useState(false);
  return (
    <label
      class={`dropzone${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        const files = [...(event.dataTransfer?.files ?? [])];
        if (files.length > 0) onFiles(files);
      }}
    >
      <span>{prompt}</span>
      <input
        ref={inputRef}
        type="file"
        multiple={multiple}
        accept={accept}
        data-testid={testId}
        disabled={disabled}
        onChange={(event) => {
          const files = [...((event.currentTarget as HTMLInputElement).files ?? [])];
          if (files.length > 0) onFiles(files);
        }}
      />
    </label>
  );
}
