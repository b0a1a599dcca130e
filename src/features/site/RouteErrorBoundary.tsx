export function RouteErrorBoundary() {
  return <h1>RouteErrorBoundary</h1>;
}
