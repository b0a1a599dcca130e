import Negotiator from 'negotiator';

const OFFERED = ['br', 'gzip'];
type WithPreferred = { encoding(available: string[], options: { preferred: string[] }): string | undefined };

/** The compression a reader takes, q-values honoured (`br;q=0` refuses brotli); brotli first among equals. */
export function negotiateEncoding(acceptEncoding: string | null | undefined, offered = OFFERED): 'br' | 'gzip' | null {
  const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding ?? '' } }) as WithPreferred;
  return (negotiator.encoding(offered, { preferred: offered }) as 'br' | 'gzip' | undefined) ?? null;
}
