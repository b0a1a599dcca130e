import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { server } from './mswServer';
import { renderApp } from './renderApp';

// jsdom does not implement scrolling; <ScrollRestoration> calls it on navigation.
beforeEach(() => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
});

const PAGE = '/no-such-page';

/** Counts the requests to a path that reach the mock API (the default handler still answers). */
function countRequests(path: string) {
  const counter = { calls: 0, bodies: [] as unknown[] };
  server.use(
    http.post(path, async ({ request }) => {
      counter.calls += 1;
      counter.bodies.push(await request.clone().json());
      return undefined;
    }),
  );
  return counter;
}

function serverError(path: string, status = 500) {
  return http.post(path, () => HttpResponse.json({ error: { code: 'server_error', message: 'Down' } }, { status }), {
    once: true,
  });
}

async function renderNewsletter() {
  const app = renderApp(PAGE);
  await screen.findByRole('heading', { level: 1, name: 'Page not found' });
  // The connect band renders just after the page (its own commit).
  const form = await screen.findByRole('form', { name: 'Subscribe to our Newsletter' });
  const input = within(form).getByLabelText('Email address');
  return { ...app, form, input };
}

async function renderFeedback() {
  const app = renderApp(PAGE);
  await screen.findByRole('heading', { level: 1, name: 'Page not found' });
  const toggle = await screen.findByRole('button', { name: 'Give feedback' });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expect(screen.queryByRole('textbox', { name: 'Your feedback' })).not.toBeInTheDocument();
  await app.user.click(toggle);
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const form = screen.getByRole('form', { name: 'Feedback' });
  expect(toggle).toHaveAttribute('aria-controls', form.id);
  const textarea = within(form).getByLabelText('Your feedback');
  const email = within(form).getByLabelText('Email (optional)');
  return { ...app, form, textarea, email };
}

function describedBy(element: HTMLElement): string {
  const id = element.getAttribute('aria-describedby');
  return id ? (document.getElementById(id)?.textContent ?? '') : '';
}

describe('newsletter sign-up', () => {
  it('an invalid email shows a field error and sends nothing', async () => {
    const requests = countRequests('*/newsletter');
    const { user, form, input } = await renderNewsletter();
    await user.type(input, 'not-an-email');
    await user.click(within(form).getByRole('button', { name: 'Subscribe' }));
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(describedBy(input)).toBe('Enter an email address like name@example.com');
    expect(input).toHaveFocus();
    expect(input).toHaveValue('not-an-email');
    expect(requests.calls).toBe(0);

    await user.clear(input);
    await user.click(within(form).getByRole('button', { name: 'Subscribe' }));
    expect(describedBy(input)).toBe('Enter your email address');
    expect(requests.calls).toBe(0);
  });

  it('a valid email subscribes, saying so while it sends and after', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.post('*/newsletter', async () => {
        await gate;
        return undefined;
      }),
    );
    const requests = countRequests('*/newsletter');
    const { user, form, input } = await renderNewsletter();
    await user.type(input, '  reader@example.com ');
    await user.click(within(form).getByRole('button', { name: 'Subscribe' }));
    expect(await within(form).findByRole('button', { name: 'Subscribing…' })).toBeDisabled();
    release();
    await waitFor(() =>
      expect(within(form).getByRole('status')).toHaveTextContent('Thanks! Check your inbox to confirm.'),
    );
    expect(requests.bodies).toEqual([{ email: 'reader@example.com' }]);
    expect(within(form).getByRole('button', { name: 'Subscribe' })).toBeEnabled();
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it("a 422 shows the server's message next to the field", async () => {
    server.use(
      http.post('*/newsletter', () =>
        HttpResponse.json(
          {
            error: {
              code: 'invalid_email',
              message: 'That email address does not look right',
              fields: { email: 'This domain does not accept mail' },
            },
          },
          { status: 422 },
        ),
      ),
    );
    const { user, form, input } = await renderNewsletter();
    await user.type(input, 'reader@example.com');
    await user.click(within(form).getByRole('button', { name: 'Subscribe' }));
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
    expect(describedBy(input)).toBe('This domain does not accept mail');
    expect(input).toHaveFocus();
    expect(input).toHaveValue('reader@example.com');
    expect(within(form).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('a 500 keeps the email, explains, and "Try again" resubmits and succeeds', async () => {
    server.use(serverError('*/newsletter'));
    const requests = countRequests('*/newsletter');
    const { user, form, input } = await renderNewsletter();
    await user.type(input, 'reader@example.com');
    await user.click(within(form).getByRole('button', { name: 'Subscribe' }));

    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent(
      'We could not sign you up: the server had a problem (500). Your email is still here — try again.',
    );
    expect(input).toHaveValue('reader@example.com');
    expect(within(form).getByRole('status')).toHaveTextContent('');

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() =>
      expect(within(form).getByRole('status')).toHaveTextContent('Thanks! Check your inbox to confirm.'),
    );
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();
    expect(requests.calls).toBe(2);
  });
});

describe('feedback', () => {
  it('a too-short message shows a field error and sends nothing', async () => {
    const requests = countRequests('*/feedback');
    const { user, form, textarea } = await renderFeedback();
    await user.type(textarea, 'Too short');
    await user.click(within(form).getByRole('button', { name: 'Send feedback' }));
    expect(textarea).toHaveAttribute('aria-invalid', 'true');
    expect(describedBy(textarea)).toBe('Please write at least 10 characters');
    expect(textarea).toHaveFocus();
    expect(requests.calls).toBe(0);
  });

  it('an invalid optional email is flagged next to the email field', async () => {
    const requests = countRequests('*/feedback');
    const { user, form, textarea, email } = await renderFeedback();
    await user.type(textarea, 'The search box is hard to find on mobile.');
    await user.type(email, 'nope');
    await user.click(within(form).getByRole('button', { name: 'Send feedback' }));
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(describedBy(email)).toBe('Enter an email address like name@example.com');
    expect(textarea).not.toHaveAttribute('aria-invalid');
    expect(email).toHaveFocus();
    expect(requests.calls).toBe(0);
  });

  it('a sent message clears the text and says thanks; the request names the page', async () => {
    const requests = countRequests('*/feedback');
    const { user, form, textarea } = await renderFeedback();
    await user.type(textarea, 'The search box is hard to find on mobile.');
    await user.click(within(form).getByRole('button', { name: 'Send feedback' }));
    await waitFor(() =>
      expect(within(form).getByRole('status')).toHaveTextContent('Thank you! Your feedback has been sent.'),
    );
    expect(textarea).toHaveValue('');
    expect(requests.bodies).toEqual([
      { message: 'The search box is hard to find on mobile.', email: null, page: PAGE },
    ]);
  });

  it('a server rejection is shown next to the field it names', async () => {
    server.use(
      http.post('*/feedback', () =>
        HttpResponse.json(
          {
            error: {
              code: 'invalid_feedback',
              message: 'Some fields need attention',
              fields: { email: 'Unknown domain' },
            },
          },
          { status: 422 },
        ),
      ),
    );
    const { user, form, textarea, email } = await renderFeedback();
    await user.type(textarea, 'The search box is hard to find on mobile.');
    await user.type(email, 'reader@example.com');
    await user.click(within(form).getByRole('button', { name: 'Send feedback' }));
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(describedBy(email)).toBe('Unknown domain');
    expect(email).toHaveFocus();
    expect(textarea).toHaveValue('The search box is hard to find on mobile.');
  });

  it('a failure keeps the text, and "Try again" sends it', async () => {
    server.use(serverError('*/feedback', 503));
    const { user, form, textarea } = await renderFeedback();
    await user.type(textarea, 'The search box is hard to find on mobile.');
    await user.click(within(form).getByRole('button', { name: 'Send feedback' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent(
      'We could not send your feedback: the server had a problem (503). Your text is still here — try again.',
    );
    expect(textarea).toHaveValue('The search box is hard to find on mobile.');

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() =>
      expect(within(form).getByRole('status')).toHaveTextContent('Thank you! Your feedback has been sent.'),
    );
    expect(textarea).toHaveValue('');
  });
});
