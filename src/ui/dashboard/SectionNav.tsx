import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../domain/i18n';

interface SectionLink {
  headingId: string;
  label: string;
}

/** The dashboard's sections, as their headings name them, in page order. */
function sectionsOf(main: Element): SectionLink[] {
  const links: SectionLink[] = [];
  for (const section of main.querySelectorAll(':scope > section[aria-labelledby]')) {
    const headingId = section.getAttribute('aria-labelledby') ?? '';
    const label = document.getElementById(headingId)?.textContent?.trim() ?? '';
    if (headingId && label) links.push({ headingId, label });
  }
  return links;
}

const sameLinks = (a: readonly SectionLink[], b: readonly SectionLink[]) =>
  a.length === b.length &&
  a.every((link, index) => link.headingId === b[index]?.headingId && link.label === b[index]?.label);

/**
 * `Sections`: one link per section of the dashboard, so that a keyboard user reaches Reports or
 * Settings without tabbing through every contact first. The list is read from the sections'
 * own headings (already in the user's language), so a section added to the dashboard is listed
 * with no second list to keep in step. Following a link moves the focus to the section's heading
 * and keeps the address as it is (a new address would make the dashboard read everything again).
 */
export function SectionNav() {
  const nav = useRef<HTMLElement>(null);
  const [links, setLinks] = useState<SectionLink[]>([]);
  useLayoutEffect(() => {
    const main = nav.current?.parentElement;
    if (!main) return undefined;
    const read = () => {
      const found = sectionsOf(main);
      setLinks((shown) => (sameLinks(shown, found) ? shown : found));
    };
    read();
    // Sections come and go (an empty one may render nothing); the headings' texts do not change.
    const observer = new MutationObserver(read);
    observer.observe(main, { childList: true });
    return () => observer.disconnect();
  }, []);
  return (
    <nav ref={nav} class="section-nav" aria-label={t('dashboard_sections_nav')}>
      <ul>
        {links.map((link) => (
          <li key={link.headingId}>
            <a
              href={`#${link.headingId}`}
              onClick={(event) => {
                const heading = document.getElementById(link.headingId);
                if (!heading) return;
                event.preventDefault();
                // Focusable by script only, so the next Tab goes on from the section.
                heading.tabIndex = -1;
                heading.focus();
                heading.scrollIntoView({ block: 'start' });
              }}
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
