import { Component, type ErrorInfo, type ReactNode } from 'react';

interface BoxErrorBoundaryProps {
  /** What the box shows, for the message: "trending stories". */
  what: string;
  children: ReactNode;
}

interface BoxErrorBoundaryState {
  error: unknown;
}

/**
 * Catches a render error inside one box of the page (a sidebar widget), so a bug
 * or a surprising item takes down that box only; the article and the other boxes
 * stay. "Try again" renders the box afresh.
 */
export class BoxErrorBoundary extends Component<BoxErrorBoundaryProps, BoxErrorBoundaryState> {
  state: BoxErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoxErrorBoundaryState {
    return { error: error ?? new Error('Unknown render error') };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(`Could not show ${this.props.what}:`, error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div
        role="alert"
        className="rounded border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
      >
        <p className="font-semibold">Could not show {this.props.what}</p>
        <p className="mt-1 text-sm">Something in this box went wrong; the rest of the page is fine.</p>
        <button type="button" className="btn-primary mt-3" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
