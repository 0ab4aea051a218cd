// "Getting support": the variant's local contacts (staff support line, Freedom to Speak Up guardian, occupational
// health…), then the national services every build lists (Samaritans, NHS 111's mental health option, Shout, your
// GP), where this subject may stir something up: folded away on the welcome screen, open on the reflection screen
// and the summary. A chunk of its own, so the welcome screen's first load does not carry it. Links to web
// pages open in a new tab, since the course runs in the LMS's frame and leaving it would end the session.
import type { NationalSupport, SupportContact } from '../../model/types.ts';
import { usePlayer } from '../app/player-context.ts';
import { useStrings } from '../app/use-strings.ts';
import { mailtoHref, telHref, webHref } from '../logic/contact-links.ts';
import '../styles/details.css';
import '../styles/support.css';

export function SupportPanel({ folded = false }: { folded?: boolean }) {
  const { session } = usePlayer();
  const t = useStrings();
  const { contacts = [], organisation } = session.config.variant;
  const national = session.config.course.support;
  if (contacts.length === 0 && national.length === 0) return null;
  const body = (
    <>
      {contacts.length > 0 ? <p>{t.support.intro(organisation)}</p> : <p>{t.support.introNational}</p>}
      {contacts.length > 0 && (
        <ul class="support__list">
          {contacts.map((contact, i) => (
            <ContactItem key={i} contact={contact} />
          ))}
        </ul>
      )}
      {national.length > 0 && (
        <>
          {contacts.length > 0 && <p class="support__subheading body-strong">{t.support.nationalHeading}</p>}
          <ul class="support__list">
            {national.map((service, i) => (
              <NationalItem key={i} service={service} />
            ))}
          </ul>
        </>
      )}
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
  const t = useStrings();
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
      <WebAndHours name={contact.name} web={web} hours={contact.hours} />
    </li>
  );
}

/** tel: for a national number as written ("116 123", "111"): digits only, since short codes have no +44 form. */
function shortTel(phone: string): string | null {
  const digits = phone.replace(/\s+/g, '');
  return /^\d{3,11}$/.test(digits) ? `tel:${digits}` : null;
}

function NationalItem({ service }: { service: NationalSupport }) {
  const t = useStrings();
  const tel = service.phone ? shortTel(service.phone) : null;
  const web = service.url ? webHref(service.url) : null;
  return (
    <li class="support__contact">
      <p class="support__name">{service.name}</p>
      <p>{service.description}</p>
      {service.phone && (
        <p>
          <span class="support__label">{t.support.phone}</span> {tel ? <a href={tel}>{service.phone}</a> : service.phone}
        </p>
      )}
      {service.sms && (
        <p>
          <span class="support__label">{t.support.text}</span>{' '}
          <a href={`sms:${service.sms.number}?body=${encodeURIComponent(service.sms.word)}`}>{t.support.textLink(service.sms.word, service.sms.number)}</a>
        </p>
      )}
      <WebAndHours name={service.name} web={web} hours={service.hours} />
    </li>
  );
}

/** A contact's web page (in a new tab: the course runs in the LMS's frame) and when it can be reached. */
function WebAndHours({ name, web, hours }: { name: string; web: string | null; hours: string | undefined }) {
  const t = useStrings();
  return (
    <>
      {web && (
        <p>
          <span class="support__label">{t.support.website}</span>{' '}
          <a href={web} target="_blank" rel="noopener noreferrer">
            {t.support.websiteLink(name)}
          </a>
        </p>
      )}
      {hours && (
        <p>
          <span class="support__label">{t.support.hours}</span> {hours}
        </p>
      )}
    </>
  );
}
