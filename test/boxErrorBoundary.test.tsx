import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { BoxErrorBoundary } from '../src/components/BoxErrorBoundary';

let shouldThrow = true;
function Flaky() {
  if (shouldThrow) throw new Error('boom in a widget');
  return <p>Trending list</p>;
}

describe('BoxErrorBoundary', () => {
  it('keeps a render error inside its box, and "Try again" renders the box afresh', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    shouldThrow = true;
    render(
      <main>
        <h1>The article</h1>
        <BoxErrorBoundary what="trending stories">
          <Flaky />
        </BoxErrorBoundary>
        <p>Latest news list</p>
      </main>,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'The article' })).toBeInTheDocument();
    expect(screen.getByText('Latest news list')).toBeInTheDocument();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not show trending stories');
    expect(alert).not.toHaveTextContent('boom in a widget');
    expect(consoleError).toHaveBeenCalledWith(
      'Could not show trending stories:',
      expect.objectContaining({ message: 'boom in a widget' }),
      expect.any(String),
    );

    shouldThrow = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Trending list')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
