import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { newsletterRequestSchema, subscribeToNewsletter } from './api/newsletter';
import {
  failureClass,
  failureReason,
  fieldClass,
  fieldErrorClass,
  isRejection,
  labelClass,
  serverFieldErrors,
  successClass,
} from './submitErrors';
import { useFocusAfterSubmit } from './useFocusAfterSubmit';

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
  const submitRef = useRef<HTMLButtonElement>(null);
  const [email, setEmail] = useState('');
  const [clientError, setClientError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: subscribeToNewsletter,
    onSuccess: () => setEmail(''),
    onError: (error) => {
      if (isRejection(error)) inputRef.current?.focus();
    },
  });
  useFocusAfterSubmit(mutation.isPending, submitRef);

  const rejected = isRejection(mutation.error) ? mutation.error : null;
  const fieldError = clientError ?? (rejected ? (serverFieldErrors(rejected).email ?? rejected.message) : null);
  const failed = mutation.isError && !rejected;

  const submit = () => {
    if (mutation.isPending) return;
    const value = email.trim();
    const error = clientEmailError(value);
    if (error) {
      mutation.reset();
      setClientError(error);
      inputRef.current?.focus();
      return;
    }
    setClientError(null);
    mutation.mutate({ email: value });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit();
  };

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
              setClientError(null);
              if (rejected || mutation.isSuccess) mutation.reset();
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
