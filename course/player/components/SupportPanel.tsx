// "Getting support": the variant's local contacts (staff support line, Freedom to Speak Up guardian, occupational
// health…), where this subject may stir something up: folded away on the welcome screen, open on the reflection
// screen and the summary. A chunk of its own, so the welcome screen's first load does not carry it. Links to web
// pages open in a new tab, since the course runs in the LMS's frame and leaving it would end the session.
import type { SupportContact } from '../../types.ts';
import { usePlayer } from '../app/player-context.ts';
import { mailtoHref, telHref, webHref } from '../logic/contact-links.ts';
import '../styles/details.css';
import '../styles/support.css';

export function SupportPanel({ folded = false }: { folded?: boolean }) {
  const { t, session } = usePlayer();
  const { contacts = [], organisation } = session.config.variant;
  if (contacts.length === 0) return null;
  const body = (
    <>
      <p>{t.support.intro(organisation)}</p>
      <ul class="support__list">
        {contacts.map((contact, i) => (
          <ContactItem key={i} contact={contact} />
        ))}
      </ul>
    </>
  );
  if (folded) {
    return (
      <details class="details support">
        <summary class="details__summary">
          <span class="details__summary-text">{t.support.heading}</span>
        </summary>
        <div class="details__text">{body}</div>
      </details>
    );
  }
  return (
    <section class="support support--open no-print" aria-labelledby="support-heading">
      <h2 id="support-heading">{t.support.heading}</h2>
      {body}
    </section>
  );
}

function ContactItem({ contact }: { contact: SupportContact }) {
  const { t } = usePlayer();
  const tel = contact.phone ? telHref(contact.phone) : null;
  const mail = contact.email ? mailtoHref(contact.email) : null;
  const web = contact.url ? webHref(contact.url) : null;
  return (
    <li class="support__contact">
      <p class="support__name">{contact.name}</p>
      {contact.description && <p>{contact.description}</p>}
      {tel && (
        <p>
          <span class="support__label">{t.support.phone}</span> <a href={tel}>{contact.phone}</a>
        </p>
      )}
      {mail && (
        <p>
          <span class="support__label">{t.support.email}</span> <a href={mail}>{contact.email}</a>
        </p>
      )}
      {web && (
        <p>
          <span class="support__label">{t.support.website}</span>{' '}
          <a href={web} target="_blank" rel="noopener noreferrer">
            {t.support.websiteLink(contact.name)}
          </a>
        </p>
      )}
      {contact.hours && (
        <p>
          <span class="support__label">{t.support.hours}</span> {contact.hours}
        </p>
      )}
    </li>
  );
}
