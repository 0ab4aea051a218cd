// What video.js says to a screen reader, adjusted so the film is heard once and clearly (issue 18.1, 18.5, 18.6).
// These change video.js's component classes, once, before the first player is made; video.js is loaded on the film
// screen only, so nothing else is touched.
//
// - Every button's hidden label is a polite live region in video.js, so a label that changes is read out wherever
//   the learner is: "Play" when the film pauses for a question, on top of focus moving to the question. The button's
//   name still changes for whoever is on it; the live region goes.
// - A chosen menu item gets ", selected" added to its label (read out on arrival, and part of its name). The item is
//   a menuitemradio whose aria-checked already says it, so the words go.
// - The descriptions button disables itself while a captions track shows, so audio description cannot be turned on
//   with captions on (and captions start on). Both may be on at once here.
import videojs from 'video.js/core.es.js';

type ComponentClass = ReturnType<typeof videojs.getComponent>;

interface ControlTextOwner {
  createControlTextEl(el?: Element): Element;
}

interface Selectable {
  selectable?: boolean;
  selected(selected: boolean): void;
  controlText(text: string): void;
}

interface Enableable {
  handleTracksChange(event?: Event): void;
  enable(): void;
}

let adjusted = false;

function prototypeOf<T>(name: string): T {
  const component: ComponentClass | undefined = videojs.getComponent(name);
  if (!component) throw new Error(`video.js has no ${name} component`);
  return component.prototype as T;
}

export function adjustVideoJsSpeech(): void {
  if (adjusted) return;
  adjusted = true;

  const clickable = prototypeOf<ControlTextOwner>('ClickableComponent');
  const createControlTextEl = clickable.createControlTextEl;
  clickable.createControlTextEl = function (this: ControlTextOwner, el?: Element): Element {
    const text = createControlTextEl.call(this, el);
    text.removeAttribute('aria-live');
    return text;
  };

  const menuItem = prototypeOf<Selectable>('MenuItem');
  const selected = menuItem.selected;
  menuItem.selected = function (this: Selectable, isSelected: boolean): void {
    selected.call(this, isSelected);
    if (this.selectable) this.controlText('');
  };

  const descriptionsButton = prototypeOf<Enableable>('DescriptionsButton');
  descriptionsButton.handleTracksChange = function (this: Enableable): void {
    this.enable();
  };
}
