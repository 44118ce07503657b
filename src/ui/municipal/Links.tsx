/** Small shared pieces of the overview: in-page links to records, contact channels, tags. */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { OverviewRoute } from '../routing/route';
import { OverviewHref } from '../routing/use-route';
import type { Contact } from '../../municipal/api/schemas';
import { t } from '../i18n/index';

/**
 * Entries and records carry the municipality's case id; links need the case's vault id and a
 * title. The overview provides the lookup for everything below it.
 */
export const CaseLookup = createContext<(origin: string, caseId: string) => { vaultId: string; title: string } | undefined>(() => undefined);

export type { OverviewRoute };

/** A link that opens another part of the overview; a real link, so it is announced and focusable as one. */
export function RouteLink(props: { to: OverviewRoute; go: (to: OverviewRoute) => void; children: ComponentChildren; class?: string }) {
  const href = useContext(OverviewHref)(props.to);
  return (
    <a
      href={href}
      class={props.class}
      onClick={(e) => {
        e.preventDefault();
        props.go(props.to);
      }}
    >
      {props.children}
    </a>
  );
}

const CHANNEL_HREF: Partial<Record<Contact['channels'][number]['kind'], (v: string) => string>> = {
  phone: (v) => `tel:${v.replace(/[^\d+]/g, '')}`,
  email: (v) => `mailto:${v}`,
  web: (v) => v,
  'digital-post': (v) => (/^https?:\/\//.test(v) ? v : ''),
};

/** A contact's channels as links a click can use (call, write, open), with opening hours. */
export function Channels(props: { channels: Contact['channels'] }) {
  if (props.channels.length === 0) return null;
  return (
    <ul class="channels">
      {props.channels.map((c, i) => {
        const href = CHANNEL_HREF[c.kind]?.(c.value) ?? '';
        const safe = href.startsWith('tel:') || href.startsWith('mailto:') || /^https?:\/\//.test(href);
        return (
          <li key={i}>
            <span class="channel-kind">{c.label ?? t(`case.channel.${c.kind}`)}: </span>
            {safe ? (
              <a href={href} target={href.startsWith('http') ? '_blank' : undefined} rel="noopener noreferrer">
                {c.value}
              </a>
            ) : (
              <span>{c.value}</span>
            )}
            {c.hours && <span class="meta"> ({c.hours})</span>}
          </li>
        );
      })}
    </ul>
  );
}

export function ContactCard(props: { contact: Contact }) {
  const { contact } = props;
  return (
    <div class="contact">
      <p class="contact-name">
        <strong>{contact.name}</strong>
        {contact.role && <span>, {contact.role}</span>}
        {contact.unit && <span>, {contact.unit}</span>}
      </p>
      <Channels channels={contact.channels} />
    </div>
  );
}
