import { useId, useRef, useState } from 'react';
import { newsletterRequestSchema, subscribeToNewsletter } from './api/newsletter';
import { EmailField } from './EmailField';
import { failureClass, failureReason, labelClass, successClass } from './submitErrors';
import { useSubmitForm } from './useSubmitForm';

function clientEmailError(email: string): string | null {
  if (email === '') return 'Enter your email address';
  return newsletterRequestSchema.safeParse({ email }).success ? null : 'Enter an email address like name@example.com';
}

/** Newsletter sign-up: checked here first, then by the server; a failure keeps what was typed. */
export function NewsletterForm({ labelledBy }: { labelledBy?: string }) {
  const id = useId();
  const emailId = `${id}-email`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState('');
  const { mutation, submitRef, submit, failed, onSubmit, field } = useSubmitForm({
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

  return (
    <form noValidate aria-labelledby={labelledBy} onSubmit={onSubmit}>
      <label htmlFor={emailId} className={labelClass}>
        Email address
      </label>
      <div className="mt-1 flex flex-wrap items-start gap-2">
        <div className="min-w-0 flex-1">
          <EmailField inputRef={inputRef} id={emailId} {...field('email', email, setEmail)} />
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
