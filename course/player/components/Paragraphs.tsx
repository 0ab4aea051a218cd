import { paragraphs } from '../logic/text-blocks.ts';

/** Course text as paragraphs (a blank line separates them). */
export function Paragraphs({ text, class: className }: { text: string | undefined; class?: string }) {
  return (
    <>
      {paragraphs(text).map((p, i) => (
        <p key={i} class={className}>
          {p}
        </p>
      ))}
    </>
  );
}
