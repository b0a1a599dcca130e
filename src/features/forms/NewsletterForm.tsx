import { useId, useRef, useState } from 'react';
import { newsletterRequestSchema, subscribeToNewsletter } from './api/newsletter';
import { failureClass, failureReason, fieldClass, fieldErrorClass, labelClass, successClass } from './submitErrors';
import { useSubmitForm } from './useSubmitForm';

function clientEmailError(email: string): string | null {
  if (email === '') return 'Enter your email address';
  return newsletterRequestSchema.safeParse({ email }).success ? null : 'Enter an email address like name@example.com';
}

/** Newsletter sign-up: checked here first, then by the server; a failure keeps what was typed. */
export function NewsletterForm({ labelledBy }: { labelledBy?: string }) {
  const id = useId();
  const emailId = `${id}-email`;
  const errorId = `${id}-email-error`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState('');
  const { mutation, submitRef, submit, errors, failed, onSubmit, edited } = useSubmitForm({
    fields: ['email'],
    check: () => {
      const error = clientEmailError(email.trim());
      return { data: error ? null : { email: email.trim() }, errors: error ? { email: error } : {} };
    },
    send: subscribeToNewsletter,
    onSent: () => setEmail(''),
    focus: () => inputRef.current?.focus(),
    rejectionField: 'email',
  });
  const fieldError = errors.email;

  return (
    <form noValidate aria-labelledby={labelledBy} onSubmit={onSubmit}>
      <label htmlFor={emailId} className={labelClass}>
        Email address
      </label>
      <div className="mt-1 flex flex-wrap items-start gap-2">
        <div className="min-w-0 flex-1">
          <input
            ref={inputRef}
            id={emailId}
            type="email"
            name="email"
            autoComplete="email"
            value={email}
            readOnly={mutation.isPending}
            onChange={(event) => {
              setEmail(event.target.value);
              edited('email');
            }}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? errorId : undefined}
            className={fieldClass}
          />
          {fieldError && (
            <p id={errorId} role="alert" className={fieldErrorClass}>
              {fieldError}
            </p>
          )}
        </div>
        <button ref={submitRef} type="submit" disabled={mutation.isPending} className="btn-primary">
          {mutation.isPending ? 'Subscribing…' : 'Subscribe'}
        </button>
      </div>
      <p role="status" className={`mt-2 ${successClass}`}>
        {mutation.isSuccess ? 'Thanks! Check your inbox to confirm.' : ''}
      </p>
      {failed && (
        <div role="alert" className={failureClass}>
          <p>We could not sign you up: {failureReason(mutation.error)}. Your email is still here — try again.</p>
          <button type="button" onClick={submit} className="btn-primary mt-2">
            Try again
          </button>
        </div>
      )}
    </form>
  );
}
