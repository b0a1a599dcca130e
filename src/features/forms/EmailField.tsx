import type { Ref } from 'react';
import { fieldClass, fieldErrorClass } from './submitErrors';

interface EmailFieldProps {
  inputRef: Ref<HTMLInputElement>;
  id: string;
  value: string;
  onChange(value: string): void;
  readOnly: boolean;
  error?: string | undefined;
  className?: string;
}

/** An email input and its error line, tied together for screen readers: the same in both forms. */
export function EmailField({ inputRef, id, value, onChange, readOnly, error, className = '' }: EmailFieldProps) {
  const errorId = `${id}-error`;
  return (
    <>
      <input
        ref={inputRef}
        id={id}
        type="email"
        name="email"
        autoComplete="email"
        value={value}
        readOnly={readOnly}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={`${className} ${fieldClass}`.trim()}
      />
      {error && (
        <p id={errorId} role="alert" className={fieldErrorClass}>
          {error}
        </p>
      )}
    </>
  );
}
