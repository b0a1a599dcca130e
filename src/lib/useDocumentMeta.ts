import { useEffect } from 'react';

export const SITE_NAME = 'Devdiscourse Reader';

/** Sets the document title and meta description for the current view. */
export function useDocumentMeta(title: string | null, description?: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} | ${SITE_NAME}` : SITE_NAME;
    if (description) {
      let meta = document.head.querySelector<HTMLMetaElement>('meta[name="description"]');
      if (!meta) {
        meta = document.createElement('meta');
        meta.name = 'description';
        document.head.append(meta);
      }
      meta.content = description;
    }
  }, [title, description]);
}
